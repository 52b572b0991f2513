using NodaTime.Text;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// The whitelist of functions a condition may call. <c>date</c> and <c>instant</c> take literals only and become
/// constants at parse time, so evaluation never parses text it could have parsed once.
/// </summary>
internal static class ConditionFunctions
{
    private const string Date = "date";
    private const string Instant = "instant";
    private const string Lower = "lower";
    private const string Length = "len";
    private const string KnownList = "date, instant, lower, len";

    public static ConditionNode? Bind(ConditionSyntax syntax, ConditionToken nameToken, List<ConditionNode> arguments, int end)
    {
        var start = nameToken.Start;
        var name = Canonical(nameToken);
        if (name is null)
        {
            syntax.Error(start, $"unknown function {nameToken.Value.Text}() at {start}; known: {KnownList}");
            return syntax.Invalid(start, end);
        }
        if (arguments.Count != 1)
        {
            syntax.Error(start, $"{name}() takes one value, not {arguments.Count}, at {start}");
            return syntax.Invalid(start, end);
        }
        var argument = arguments[0];
        var literal = argument is ConstantNode { Value.Kind: ConditionValueKind.String } constant ? constant.Value.Text : null;
        switch (name)
        {
            case Date when literal is not null && IsoDate.TryParse(literal, out var date):
                return syntax.Track(new ConstantNode(start, end, ConditionValue.FromDate(date)));
            case Date:
                syntax.Error(argument.Start, $"date() needs a date in quotes like date(\"2027-03-01\"), at {argument.Start}");
                return syntax.Invalid(start, end);
            case Instant when literal is not null && InstantPattern.ExtendedIso.Parse(literal) is { Success: true } parsed:
                return syntax.Track(new ConstantNode(start, end, ConditionValue.FromInstant(parsed.Value)));
            case Instant:
                syntax.Error(argument.Start,
                    $"instant() needs a UTC instant in quotes like instant(\"2027-03-01T06:00:00Z\"), at {argument.Start}");
                return syntax.Invalid(start, end);
        }

        if (argument.Kind is not (null or ConditionValueKind.String))
        {
            syntax.Error(argument.Start,
                $"{name}() needs a string, but {ConditionTypeRules.Snippet(argument, syntax.Text)} is {ConditionTypeRules.Describe(argument.Kind.Value)}, at {argument.Start}");
            return syntax.Invalid(start, end);
        }
        var isLower = name == Lower;
        if (argument is ConstantNode { Value: var value })
        {
            var folded = isLower ? LowerNode.Apply(value) : LengthNode.Apply(value);
            return syntax.Track(new ConstantNode(start, end, folded));
        }
        return syntax.Track(isLower ? new LowerNode(start, end, argument) : new LengthNode(start, end, argument));
    }

    private static string? Canonical(ConditionToken nameToken)
    {
        foreach (var known in (ReadOnlySpan<string>)[Date, Instant, Lower, Length])
        {
            if (nameToken.IsWord(known))
                return known;
        }
        return null;
    }
}
