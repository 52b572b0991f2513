namespace Crm.Engine.Runtime;

/// <summary>The owner chose an outcome on the deal's current stage, optionally filling in the deal's data as part of the same move.</summary>
public sealed record MoveRequest(string Outcome, string? ActorId, int? ExpectedVersion = null, string? Comment = null, NextStepRequest? NextStep = null, DealDetailsUpdate? Details = null, DealFacts? Facts = null);
