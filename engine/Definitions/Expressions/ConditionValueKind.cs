namespace Crm.Engine.Definitions.Expressions;

/// <summary>The kinds of value a condition works with.</summary>
public enum ConditionValueKind : byte
{
    Null = 0,
    Number,
    String,
    Boolean,
    Date,
    Instant,
}
