namespace Crm.Engine.Definitions;

/// <summary>One problem with a funnel definition: where, a stable code, and a sentence for a person.</summary>
public sealed record ValidationError(string? ActivityId, string Code, string Message);
