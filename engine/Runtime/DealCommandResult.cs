namespace Crm.Engine.Runtime;

/// <summary>The result of one command on a deal: the new state and what it added, or why nothing changed.</summary>
public sealed record DealCommandResult(DealInstance Deal, DealChanges Changes, EngineError? Error)
{
    public bool Succeeded => Error is null;

    public static DealCommandResult Refused(DealInstance unchanged, EngineError error) => new(unchanged, new DealChanges(), error);
}
