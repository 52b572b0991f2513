using NodaTime;
using NodaTime.Text;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// The run-time meaning of the comparison operators. Never throws: values that cannot be compared make every
/// operator false, <c>!=</c> included, so that bad data does not quietly look like a difference.
/// </summary>
internal static class ConditionComparison
{
    public static bool Compare(ComparisonOperator op, ConditionValue left, ConditionValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return op switch
            {
                ComparisonOperator.Equal => left.IsNull && right.IsNull,
                ComparisonOperator.NotEqual => left.IsNull != right.IsNull,
                _ => false,
            };
        }
        if (left.Kind == ConditionValueKind.Boolean || right.Kind == ConditionValueKind.Boolean)
        {
            if (left.Kind != right.Kind)
                return false;
            return op switch
            {
                ComparisonOperator.Equal => left.Boolean == right.Boolean,
                ComparisonOperator.NotEqual => left.Boolean != right.Boolean,
                _ => false,
            };
        }
        if (Order(left, right) is not { } order)
            return false;
        return op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>The order of two non-null, non-boolean values, or null when their kinds do not compare.</summary>
    private static int? Order(ConditionValue left, ConditionValue right)
    {
        // The mixed pairs below are written with the lower kind on the left; swap and negate for the other way.
        if (left.Kind > right.Kind)
            return -Order(right, left);
        return (left.Kind, right.Kind) switch
        {
            (ConditionValueKind.Number, ConditionValueKind.Number) => decimal.Compare(left.Number, right.Number),
            (ConditionValueKind.String, ConditionValueKind.String) => Math.Sign(string.CompareOrdinal(left.Text, right.Text)),
            (ConditionValueKind.Date, ConditionValueKind.Date) => left.Date.CompareTo(right.Date),
            (ConditionValueKind.Instant, ConditionValueKind.Instant) => left.Instant.CompareTo(right.Instant),
            (ConditionValueKind.Date, ConditionValueKind.Instant) => left.Date.CompareTo(UtcDate(right.Instant)),
            (ConditionValueKind.String, ConditionValueKind.Date) =>
                IsoDate.TryParse(left.Text, out var date) ? date.CompareTo(right.Date) : null,
            (ConditionValueKind.String, ConditionValueKind.Instant) => OrderTextWithInstant(left.Text, right.Instant),
            _ => null,
        };
    }

    private static int? OrderTextWithInstant(string text, Instant instant)
    {
        if (IsoDate.TryParse(text, out var date))
            return date.CompareTo(UtcDate(instant));
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success ? parsed.Value.CompareTo(instant) : null;
    }

    private static LocalDate UtcDate(Instant instant) => instant.InUtc().Date;
}
