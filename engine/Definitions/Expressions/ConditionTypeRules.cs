using NodaTime.Text;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// The checks the parser makes where kinds are known before any deal exists (literals, function results, the
/// built-in deal fields), so that a comparison which could never be true is refused when the funnel is published.
/// </summary>
internal static class ConditionTypeRules
{
    /// <summary>Why the two sides cannot be compared with <paramref name="op"/>, or null when they can.</summary>
    public static string? CheckComparison(ComparisonOperator op, ConditionNode left, ConditionNode right, string text)
    {
        var ordering = ComparisonOperatorText.IsOrdering(op);
        var symbol = ComparisonOperatorText.Of(op);
        if (left.Kind == ConditionValueKind.Null || right.Kind == ConditionValueKind.Null)
            return ordering ? $"'{symbol}' with null is always false; use == null or != null" : null;
        if (ordering && (left.Kind == ConditionValueKind.Boolean || right.Kind == ConditionValueKind.Boolean))
            return $"true/false values can only be compared with == or !=, not '{symbol}'";
        if (left.Kind is not { } leftKind || right.Kind is not { } rightKind || leftKind == rightKind)
            return null;

        // Order the pair so that each mixed case is written once.
        var (low, high) = leftKind < rightKind ? (left, right) : (right, left);
        return (low.Kind, high.Kind) switch
        {
            (ConditionValueKind.Date, ConditionValueKind.Instant) => null,
            (ConditionValueKind.String, ConditionValueKind.Date) =>
                low is ConstantNode { Value: var value } && !IsoDate.TryParse(value.Text, out _)
                    ? $"{Snippet(low, text)} is not a date written yyyy-MM-dd, so it can't be compared with {Snippet(high, text)}"
                    : null,
            (ConditionValueKind.String, ConditionValueKind.Instant) =>
                low is ConstantNode { Value: var value } && !IsDateOrInstant(value.Text)
                    ? $"{Snippet(low, text)} is neither a date nor an instant, so it can't be compared with {Snippet(high, text)}"
                    : null,
            _ => $"can't compare {Snippet(left, text)} ({Describe(leftKind)}) with {Snippet(right, text)} ({Describe(rightKind)})",
        };
    }

    /// <summary>Why the node cannot stand where true or false is needed, or null when it can.</summary>
    public static string? CheckCondition(ConditionNode node, string text) =>
        node.Kind is null or ConditionValueKind.Boolean
            ? null
            : $"{Snippet(node, text)} is {Describe(node.Kind.Value)}";

    public static string Describe(ConditionValueKind kind) => kind switch
    {
        ConditionValueKind.Number => "a number",
        ConditionValueKind.String => "a string",
        ConditionValueKind.Boolean => "true/false",
        ConditionValueKind.Date => "a date",
        ConditionValueKind.Instant => "an instant",
        _ => "null",
    };

    /// <summary>The source of a node for a message, shortened when long.</summary>
    public static string Snippet(ConditionNode node, string text)
    {
        const int MaxSnippet = 40;
        var length = node.End - node.Start;
        return length <= MaxSnippet ? text.Substring(node.Start, length) : string.Concat(text.AsSpan(node.Start, MaxSnippet), "…");
    }

    private static bool IsDateOrInstant(string text) =>
        IsoDate.TryParse(text, out _) || InstantPattern.ExtendedIso.Parse(text).Success;
}
