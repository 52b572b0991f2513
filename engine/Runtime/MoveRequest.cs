namespace Crm.Engine.Runtime;

/// <summary>The owner chose an outcome on the deal's current stage.</summary>
public sealed record MoveRequest(string Outcome, string? ActorId, int? ExpectedVersion = null, string? Comment = null, NextStepRequest? NextStep = null);
