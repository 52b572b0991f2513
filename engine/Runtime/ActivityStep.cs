using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>What an activity decided: go on by an outcome, wait at a bookmark, or close the deal.</summary>
public abstract record ActivityStep
{
    private ActivityStep() { }

    public static ActivityStep Continue(string outcome) => new ContinueStep(outcome);
    public static ActivityStep WaitForOutcome() => new WaitStep(BookmarkKind.Outcome, null);
    public static ActivityStep WaitUntil(Instant at) => new WaitStep(BookmarkKind.Timer, at);
    public static ActivityStep Close(DealState result) => new CloseStep(result);
    public static ActivityStep Return() => new ReturnStep();
    public static ActivityStep Fail(string code, string message) => new FailStep(code, message);
    /// <summary>The deal leaves this funnel for another (its published version), at its first stage or <paramref name="stageId"/>.</summary>
    public static ActivityStep HandOff(string workflowId, string? stageId) => new HandOffStep(workflowId, stageId);

    public sealed record ContinueStep(string Outcome) : ActivityStep;
    public sealed record WaitStep(BookmarkKind Kind, Instant? At) : ActivityStep;
    public sealed record CloseStep(DealState Result) : ActivityStep;
    /// <summary>Back to the stage the deal was in before it came here (pause/resume).</summary>
    public sealed record ReturnStep : ActivityStep;
    public sealed record FailStep(string Code, string Message) : ActivityStep;
    public sealed record HandOffStep(string WorkflowId, string? StageId) : ActivityStep;
}

public enum BookmarkKind
{
    /// <summary>Waiting for the owner to choose an outcome.</summary>
    Outcome,
    /// <summary>Waiting for an instant.</summary>
    Timer,
    /// <summary>Handed to another funnel: the host transfers the deal there in the same commit (<see cref="DealCommandProcessor"/>).</summary>
    HandOff,
}

/// <summary>Why a bookmark is being resumed.</summary>
public abstract record Resumption
{
    private Resumption() { }

    public sealed record OutcomeChosen(string Outcome) : Resumption;
    public sealed record TimerFired(Instant At) : Resumption;
}
