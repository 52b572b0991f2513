namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// A node of a parsed condition. <see cref="Kind"/> is the kind the node yields when it is not null, or null
/// when only run time can tell (custom fields); the parser checks kinds with it.
/// </summary>
internal abstract class ConditionNode(int start, int end, ConditionValueKind? kind)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public ConditionValueKind? Kind { get; } = kind;

    public abstract ConditionValue Evaluate(IConditionScope scope);
}

internal sealed class ConstantNode(int start, int end, ConditionValue value) : ConditionNode(start, end, value.Kind)
{
    public ConditionValue Value { get; } = value;

    public override ConditionValue Evaluate(IConditionScope scope) => Value;
}

internal sealed class FieldNode(int start, int end, string path, ConditionValueKind? kind) : ConditionNode(start, end, kind)
{
    public string Path { get; } = path;

    public override ConditionValue Evaluate(IConditionScope scope) => scope.Get(Path);
}

internal sealed class NotNode(int start, ConditionNode operand) : ConditionNode(start, operand.End, ConditionValueKind.Boolean)
{
    public override ConditionValue Evaluate(IConditionScope scope) =>
        ConditionValue.FromBoolean(!operand.Evaluate(scope).IsTrue);
}

// And/or keep their operands flat rather than as a left-deep chain so that a long `a or b or c ...`
// costs no evaluation stack beyond one frame.
internal sealed class AndNode(ConditionNode[] operands)
    : ConditionNode(operands[0].Start, operands[^1].End, ConditionValueKind.Boolean)
{
    public override ConditionValue Evaluate(IConditionScope scope)
    {
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(scope).IsTrue)
                return ConditionValue.False;
        }
        return ConditionValue.True;
    }
}

internal sealed class OrNode(ConditionNode[] operands)
    : ConditionNode(operands[0].Start, operands[^1].End, ConditionValueKind.Boolean)
{
    public override ConditionValue Evaluate(IConditionScope scope)
    {
        foreach (var operand in operands)
        {
            if (operand.Evaluate(scope).IsTrue)
                return ConditionValue.True;
        }
        return ConditionValue.False;
    }
}

internal sealed class ComparisonNode(ComparisonOperator op, ConditionNode left, ConditionNode right)
    : ConditionNode(left.Start, right.End, ConditionValueKind.Boolean)
{
    public override ConditionValue Evaluate(IConditionScope scope) =>
        ConditionValue.FromBoolean(ConditionComparison.Compare(op, left.Evaluate(scope), right.Evaluate(scope)));
}

internal sealed class InNode(ConditionNode left, ConditionNode[] items, bool negated, int end)
    : ConditionNode(left.Start, end, ConditionValueKind.Boolean)
{
    public override ConditionValue Evaluate(IConditionScope scope)
    {
        var value = left.Evaluate(scope);
        var found = false;
        foreach (var item in items)
        {
            if (ConditionComparison.Compare(ComparisonOperator.Equal, value, item.Evaluate(scope)))
            {
                found = true;
                break;
            }
        }
        return ConditionValue.FromBoolean(found != negated);
    }
}

internal sealed class LowerNode(int start, int end, ConditionNode argument) : ConditionNode(start, end, ConditionValueKind.String)
{
    public override ConditionValue Evaluate(IConditionScope scope) => Apply(argument.Evaluate(scope));

    /// <summary>Lower-cases a string; anything else has no lower case and becomes null.</summary>
    public static ConditionValue Apply(ConditionValue value) =>
        value.Kind == ConditionValueKind.String ? ConditionValue.FromString(value.Text.ToLowerInvariant()) : ConditionValue.Null;
}

internal sealed class LengthNode(int start, int end, ConditionNode argument) : ConditionNode(start, end, ConditionValueKind.Number)
{
    public override ConditionValue Evaluate(IConditionScope scope) => Apply(argument.Evaluate(scope));

    /// <summary>The length of a string in UTF-16 characters; anything else has no length and becomes null.</summary>
    public static ConditionValue Apply(ConditionValue value) =>
        value.Kind == ConditionValueKind.String ? ConditionValue.FromNumber(value.Text.Length) : ConditionValue.Null;
}

/// <summary>Stands in for a part already reported as an error, so that parsing can go on and report the rest.</summary>
internal sealed class InvalidNode(int start, int end) : ConditionNode(start, end, null)
{
    public override ConditionValue Evaluate(IConditionScope scope) => ConditionValue.Null;
}
