namespace Crm.Engine.Definitions.Expressions;

/// <summary>
/// A parsed decision condition: immutable, thread-safe, and cheap to evaluate many times. Obtain one from
/// <see cref="ConditionParser.Parse(string?)"/>.
/// </summary>
public sealed class Condition
{
    private readonly ConditionNode _root;

    internal Condition(string text, ConditionNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The source text as the admin wrote it.</summary>
    public string Text { get; }

    /// <summary>
    /// True when the condition holds for the scope. Whatever the data, this does not throw: values of kinds
    /// that cannot be compared make that comparison false, and a result that is not a boolean counts as false.
    /// </summary>
    public bool Evaluate(IConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _root.Evaluate(scope).IsTrue;
    }

    public override string ToString() => Text;
}
