namespace Crm.Engine.Definitions.Expressions;

/// <summary>One problem with a condition's text: the 0-based character offset and a sentence for the admin that names it.</summary>
public sealed record ConditionError(int Position, string Message);
