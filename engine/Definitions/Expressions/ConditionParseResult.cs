using System.Diagnostics.CodeAnalysis;

namespace Crm.Engine.Definitions.Expressions;

/// <summary>The outcome of <see cref="ConditionParser.Parse(string?)"/>: a condition, or the errors that prevent one.</summary>
public sealed record ConditionParseResult
{
    private ConditionParseResult(Condition? condition, IReadOnlyList<ConditionError> errors)
    {
        Condition = condition;
        Errors = errors;
    }

    public Condition? Condition { get; }

    /// <summary>Empty on success; otherwise at least one error, in the order of the text.</summary>
    public IReadOnlyList<ConditionError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Condition))]
    public bool Success => Condition is not null;

    public static ConditionParseResult Ok(Condition condition) => new(condition, []);

    public static ConditionParseResult Failed(IReadOnlyList<ConditionError> errors) =>
        errors.Count == 0
            ? throw new ArgumentException("A failed parse needs at least one error.", nameof(errors))
            : new(null, errors);
}
