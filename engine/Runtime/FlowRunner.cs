using Crm.Engine.Clocks;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// Runs a deal through its flowchart from one step until it rests at a bookmark or closes, keeping the
/// clocks in step with every transition. Works on a copy the caller discards when it fails.
/// </summary>
internal sealed class FlowRunner(Flowchart flow, DealInstance deal, ActivityContext context, DealChanges changes)
{
    // A valid funnel has no loop without a stage or timer; this bound only protects against a buggy activity.
    private const int MaxStepsPerCommand = 512;

    private readonly ClockLedger _clocks = new(flow, deal, changes);

    public ClockLedger Clocks => _clocks;

    public ActivityContext Context => context;

    public EngineError? Run(IActivity current, ActivityStep step, string? outcomeChosen)
    {
        var now = context.Now;
        for (var steps = 0; steps < MaxStepsPerCommand; steps++)
        {
            switch (step)
            {
                case ActivityStep.WaitStep wait:
                    deal.ActivityId = current.Id;
                    deal.Bookmark = wait.Kind;
                    deal.BookmarkDueAt = wait.At;
                    return null;
                case ActivityStep.CloseStep close:
                    deal.ActivityId = current.Id;
                    deal.Bookmark = null;
                    deal.BookmarkDueAt = null;
                    deal.State = close.Result;
                    deal.ClosedAt = now;
                    deal.ReturnStageId = null;
                    _clocks.OnClose(now);
                    changes.Record(now, context.ActorId, "closed", new Dictionary<string, object?> { ["result"] = close.Result.ToString().ToLowerInvariant(), ["activityId"] = current.Id });
                    return null;
                case ActivityStep.HandOffStep:
                    // Another funnel's version is not ours to load: the processor transfers the deal in the same commit.
                    deal.ActivityId = current.Id;
                    deal.Bookmark = BookmarkKind.HandOff;
                    deal.BookmarkDueAt = null;
                    return null;
                case ActivityStep.FailStep fail:
                    return new EngineError(EngineErrorKind.Invalid, fail.Code, fail.Message);
                case ActivityStep.ContinueStep next:
                    {
                        var target = flow.Next(current.Id, next.Outcome);
                        if (target is null)
                            return new EngineError(EngineErrorKind.Invalid, "unconnected-outcome", $"Outcome '{next.Outcome}' of '{current.Name}' leads nowhere.");
                        Transition(current, target, next.Outcome, returning: false);
                        current = target;
                        step = target.Enter(context);
                        // An activity may have handed the deal to someone else (Assign): its open clocks go along.
                        _clocks.FollowOwner(now);
                        break;
                    }
                case ActivityStep.ReturnStep:
                    {
                        var target = flow.Find(deal.ReturnStageId);
                        if (target is null)
                            return new EngineError(EngineErrorKind.Conflict, "nothing-to-return-to", $"'{current.Name}' has no stage to return the deal to.");
                        Transition(current, target, outcomeChosen ?? "return", returning: true);
                        current = target;
                        step = ActivityStep.WaitForOutcome();
                        break;
                    }
            }
        }
        return new EngineError(EngineErrorKind.Invalid, "too-many-steps", $"The funnel ran more than {MaxStepsPerCommand} steps without stopping.");
    }

    /// <summary>Closes the deal where it stands, without an End activity (a duplicate merged into another deal).</summary>
    public void CloseHere(DealState result, string reason)
    {
        var now = context.Now;
        deal.Bookmark = null;
        deal.BookmarkDueAt = null;
        deal.State = result;
        deal.ClosedAt = now;
        deal.ReturnStageId = null;
        deal.NextStep = null;
        _clocks.OnClose(now);
        changes.Record(now, context.ActorId, "closed", new Dictionary<string, object?> { ["result"] = result.ToString().ToLowerInvariant(), ["activityId"] = deal.ActivityId, ["reason"] = reason });
    }

    /// <summary>Enters the start activity of a new deal.</summary>
    public EngineError? Begin()
    {
        changes.Record(context.Now, context.ActorId, "moved", new Dictionary<string, object?> { ["from"] = null, ["to"] = flow.Start.Id, ["toName"] = flow.Start.Name, ["outcome"] = null });
        return Enter(flow.Start);
    }

    /// <summary>Enters <paramref name="entry"/> as the deal's first step in this funnel (a new deal, or one transferred here).</summary>
    public EngineError? Enter(IActivity entry)
    {
        deal.ActivityId = entry.Id;
        deal.Bookmark = null;
        deal.BookmarkDueAt = null;
        deal.ReturnStageId = null;
        if (entry.Traits.IsStage)
            _clocks.OnEnter(entry, context.Now, returning: false);
        return Run(entry, entry.Enter(context), null);
    }

    private void Transition(IActivity from, IActivity to, string outcome, bool returning)
    {
        var now = context.Now;
        changes.Record(now, context.ActorId, "moved", new Dictionary<string, object?>
        {
            ["from"] = from.Id,
            ["to"] = to.Id,
            ["toName"] = to.Name,
            ["outcome"] = outcome,
            ["type"] = to.TypeName,
        });
        var returnStage = deal.ReturnStageId;
        var pausing = to.Traits.PausesClocks && !from.Traits.PausesClocks && !returning;
        // Into a pause the stage's own clock is not stopped: it pauses with the others and runs again on return.
        if (from.Traits.IsStage && !pausing)
            _clocks.OnLeave(from, now, returnStage, returning);
        if (from.Traits.PausesClocks)
            deal.ReturnStageId = null;
        if (pausing)
            deal.ReturnStageId = LastStage(from);
        deal.ActivityId = to.Id;
        deal.Bookmark = null;
        deal.BookmarkDueAt = null;
        if (to.Traits.IsStage)
            _clocks.OnEnter(to, now, returning);
        else
            _clocks.OnArrive(to, now);
    }

    private string? LastStage(IActivity from) => from.Traits.IsStage ? from.Id : _lastStage;

    private string? _lastStage;

    public void RememberStage(string? stageId) => _lastStage = stageId;
}
