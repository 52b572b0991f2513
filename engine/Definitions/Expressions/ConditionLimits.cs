namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// Bounds on a condition so that parsing cannot overflow the stack and evaluation costs at most a few hundred
/// steps, whatever an admin (or a script posting funnels) writes.
/// </summary>
public sealed record ConditionLimits
{
    public static ConditionLimits Default { get; } = new();

    /// <summary>Characters of source text.</summary>
    public int MaxLength { get; init; } = 2000;

    /// <summary>Nesting of parentheses, <c>not</c>, lists and function calls.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Values, fields, operators and calls in the parsed tree.</summary>
    public int MaxNodes { get; init; } = 500;
}
