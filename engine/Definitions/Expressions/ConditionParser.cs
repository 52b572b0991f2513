namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// Parses the condition language of <c>Decision</c> activities. Grammar, lowest precedence first
/// (keywords and function names ignore case):
/// <code>
/// condition  := or
/// or         := and (("or" | "||") and)*
/// and        := not (("and" | "&amp;&amp;") not)*
/// not        := ("not" | "!") not | comparison
/// comparison := primary [ ("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") primary
///                       | ["not"] "in" "[" primary ("," primary)* "]" ]
/// primary    := number | string | "true" | "false" | "null" | field | call | "(" or ")"
/// field      := "deal" "." name | "deal" "." "fields" ("." name | "[" string "]")
/// call       := ("date" | "instant" | "lower" | "len") "(" or ")"
/// number     := ["-"] digits ["." digits]
/// string     := '"' … '"' | "'" … "'"   (escapes \\ \" \' \/ \n \r \t \uXXXX)
/// </code>
/// Parsing is bounded by <see cref="ConditionLimits"/>; failures come back as errors, never as exceptions.
/// </summary>
public static class ConditionParser
{
    /// <summary>Parses with <see cref="ConditionLimits.Default"/>.</summary>
    public static ConditionParseResult Parse(string? text) => Parse(text, ConditionLimits.Default);

    public static ConditionParseResult Parse(string? text, ConditionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrWhiteSpace(text))
            return Fail(0, "the condition is empty at 0; write one like deal.amount >= 1000000");
        if (text.Length > limits.MaxLength)
        {
            return Fail(limits.MaxLength,
                $"the condition is {text.Length} characters long, more than the {limits.MaxLength} allowed, at {limits.MaxLength}");
        }
        var tokens = ConditionLexer.Tokenize(text, out var lexError);
        if (lexError is not null)
            return ConditionParseResult.Failed([lexError]);
        return new ConditionSyntax(text, tokens, limits).Parse();
    }

    private static ConditionParseResult Fail(int position, string message) =>
        ConditionParseResult.Failed([new ConditionError(position, message)]);
}
