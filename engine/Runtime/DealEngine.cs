using Crm.Engine.Clocks;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// Applies commands to deals: start, move, reassign, next steps and the passing of time. Pure and
/// synchronous: it never touches storage, so the host can apply many commands and commit them together.
/// Each command first raises whatever fell due before it, so alerts and breaches keep their order.
/// </summary>
public sealed class DealEngine(IActivityEnvironment environment)
{
    private const int MaxStageInteractions = 50;

    public DealCommandResult Start(Flowchart flow, NewDeal input, string? actorId, Instant now)
    {
        var deal = new DealInstance
        {
            Id = input.Id,
            WorkflowId = flow.WorkflowId,
            WorkflowVersion = flow.Version,
            Title = input.Title,
            OwnerId = input.OwnerId,
            TeamId = input.TeamId,
            Amount = input.Amount,
            Source = input.Source,
            Client = input.Client,
            Contact = input.Contact,
            ClientId = input.ClientId,
            ContactIds = [.. input.ContactIds ?? []],
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        foreach (var (key, value) in input.Fields ?? new Dictionary<string, System.Text.Json.JsonElement>())
            deal.Fields[key] = value.Clone();
        var changes = new DealChanges();
        changes.Record(now, actorId, "created", new Dictionary<string, object?> { ["workflowId"] = flow.WorkflowId, ["version"] = flow.Version, ["ownerId"] = deal.OwnerId });
        var runner = Runner(flow, deal, actorId, now, changes);
        var error = runner.Begin();
        runner.Clocks.WatchNextStep(now);
        return error is null ? new DealCommandResult(deal, changes, null) : DealCommandResult.Refused(deal, error);
    }

    public DealCommandResult Move(Flowchart flow, DealInstance current, MoveRequest move, Instant now)
    {
        if (Precheck(current, move.ExpectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        var stage = flow.Find(current.ActivityId);
        if (stage is not IChoosableOutcomes choosable || current.Bookmark != BookmarkKind.Outcome)
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Conflict, "not-at-a-stage",
                $"The deal is at '{stage?.Name ?? current.ActivityId}', which goes on by itself; there is no outcome to choose."));
        if (!choosable.ChoosableOutcomes.Contains(move.Outcome, StringComparer.Ordinal))
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Invalid, "unknown-outcome",
                $"'{move.Outcome}' is not an outcome of '{stage.Name}'. Choose one of: {string.Join(", ", choosable.ChoosableOutcomes)}.",
                new Dictionary<string, string[]> { ["outcome"] = [.. choosable.ChoosableOutcomes] }));

        return Apply(flow, current, move.ActorId, now, (deal, runner, changes, context) =>
        {
            if (move.Details is { IsEmpty: false } details)
                UpdateDetailsOn(deal, details, now, move.ActorId, changes);
            if (move.NextStep is { } next)
                SetNextStepOn(deal, next, now, move.ActorId, changes);
            // Checked on the deal as this move would leave it, so data filled in by the move itself (its next step too) counts.
            if (stage is IOutcomeRequirements required && required.Missing(deal, move.Outcome, now, move.Facts ?? DealFacts.None) is { Count: > 0 } missing)
                return new EngineError(EngineErrorKind.Invalid, "missing-data",
                    $"'{move.Outcome}' at '{stage.Name}' needs data the deal does not have yet: {string.Join(", ", missing.Keys)}.", missing);
            if (!string.IsNullOrWhiteSpace(move.Comment))
                changes.Record(now, move.ActorId, "comment", new Dictionary<string, object?> { ["text"] = move.Comment });
            runner.RememberStage(deal.ActivityId);
            var step = stage.Resume(context, new Resumption.OutcomeChosen(move.Outcome));
            return runner.Run(stage, step, move.Outcome);
        });
    }

    /// <summary>Raises what fell due up to <paramref name="now"/> and wakes a timer bookmark whose time has come.</summary>
    public DealCommandResult Advance(Flowchart flow, DealInstance current, Instant now) =>
        Apply(flow, current, null, now, (deal, runner, _, context) =>
        {
            if (deal.State == DealState.Open && deal.Bookmark == BookmarkKind.Timer && deal.BookmarkDueAt <= now && flow.Find(deal.ActivityId) is { } timer)
            {
                runner.RememberStage(null);
                return runner.Run(timer, timer.Resume(context, new Resumption.TimerFired(deal.BookmarkDueAt!.Value)), null);
            }
            return null;
        }, allowClosed: true);

    public DealCommandResult Reassign(Flowchart flow, DealInstance current, string? newOwnerId, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        if (newOwnerId is not null && !environment.CanOwnDeals(newOwnerId))
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Invalid, "unknown-owner", $"User '{newOwnerId}' cannot own deals."));
        return Apply(flow, current, actorId, now, (deal, runner, changes, _) =>
        {
            var previous = deal.OwnerId;
            deal.OwnerId = newOwnerId;
            if (newOwnerId is not null)
                deal.TeamId = environment.TeamOf(newOwnerId) ?? deal.TeamId;
            runner.Clocks.FollowOwner(now);
            changes.Record(now, actorId, "assigned", new Dictionary<string, object?> { ["from"] = previous, ["to"] = newOwnerId, ["teamId"] = deal.TeamId });
            return null;
        });
    }

    public DealCommandResult SetNextStep(Flowchart flow, DealInstance current, NextStepRequest next, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        return Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            SetNextStepOn(deal, next, now, actorId, changes);
            return null;
        });
    }

    /// <summary>Sets the deal's next step to what the host says it is now (its earliest open activity), or clears it. A deal
    /// already showing that step is left as it is, so re-projecting the same step writes nothing.</summary>
    public DealCommandResult ProjectNextStep(Flowchart flow, DealInstance current, NextStepRequest? next, string? actorId, Instant now)
    {
        if (current.State != DealState.Open)
            return new DealCommandResult(current, new DealChanges(), null);
        if (current.NextStep is { } shown ? next is not null && shown.At == next.At && shown.What == next.What : next is null)
            return new DealCommandResult(current, new DealChanges(), null);
        return Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            if (next is not null)
            {
                SetNextStepOn(deal, next, now, actorId, changes);
                return null;
            }
            deal.NextStep = null;
            changes.Record(now, actorId, "nextStep", new Dictionary<string, object?> { ["at"] = null, ["what"] = null });
            return null;
        });
    }

    /// <summary>Notes an interaction (call, meeting, …): it satisfies a pending next step, and counts towards what the
    /// current stage requires (a pause stage logs it for the stage the deal was paused from).</summary>
    public DealCommandResult RecordInteraction(Flowchart flow, DealInstance current, LoggedInteraction interaction, string? actorId, IReadOnlyDictionary<string, object?> details, Instant now) =>
        Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            var at = interaction.At;
            if (deal.LastInteractionAt is null || at > deal.LastInteractionAt)
                deal.LastInteractionAt = at > now ? now : at;
            if (deal.State == DealState.Open)
            {
                var stageId = flow.Find(deal.ActivityId) is { Traits.PausesClocks: true } && deal.ReturnStageId is { } paused ? paused : deal.ActivityId;
                deal.StageInteractions.Add(interaction with { StageId = stageId });
                // Only the latest few can matter to a requirement; the journal keeps them all.
                if (deal.StageInteractions.Count > MaxStageInteractions)
                    deal.StageInteractions.RemoveRange(0, deal.StageInteractions.Count - MaxStageInteractions);
            }
            changes.Record(now, actorId, "interaction", details);
            return null;
        }, allowClosed: true);

    /// <summary>
    /// A logged interaction was corrected: its date and filled fields change where a stage requirement reads them (it keeps
    /// the stage it was logged at). One logged before interactions carried their journal id is left as it was.
    /// </summary>
    public DealCommandResult CorrectInteraction(Flowchart flow, DealInstance current, string interactionId, Instant at, IReadOnlyList<string> filled,
        string? actorId, IReadOnlyDictionary<string, object?> details, Instant now) =>
        Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            var index = deal.StageInteractions.FindIndex(i => i.Id == interactionId);
            if (index >= 0)
                deal.StageInteractions[index] = deal.StageInteractions[index] with { At = at, Filled = filled };
            changes.Record(now, actorId, "interactionCorrected", details);
            return null;
        }, allowClosed: true);

    /// <summary>Changes the deal's own data: title, amount, source, custom fields.</summary>
    public DealCommandResult UpdateDetails(Flowchart flow, DealInstance current, DealDetailsUpdate update, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        return Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            UpdateDetailsOn(deal, update, now, actorId, changes);
            return null;
        });
    }

    /// <summary>Takes a duplicate in: its contacts, its journal (through <see cref="DealInstance.MergedDealIds"/>) and its last interaction.</summary>
    public DealCommandResult Absorb(Flowchart flow, DealInstance current, MergeSource other, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        return Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            deal.ClientId ??= other.ClientId;
            foreach (var contactId in other.ContactIds.Where(c => !deal.ContactIds.Contains(c, StringComparer.Ordinal)))
                deal.ContactIds.Add(contactId);
            foreach (var merged in other.MergedDealIds.Prepend(other.DealId).Where(m => !deal.MergedDealIds.Contains(m, StringComparer.Ordinal)))
                deal.MergedDealIds.Add(merged);
            if (other.LastInteractionAt is { } last && (deal.LastInteractionAt is null || last > deal.LastInteractionAt))
                deal.LastInteractionAt = last;
            changes.Record(now, actorId, "merged", new Dictionary<string, object?> { ["dealId"] = other.DealId, ["title"] = other.Title });
            return null;
        });
    }

    /// <summary>Closes a duplicate of <paramref name="survivorId"/> as <see cref="DealState.Duplicate"/> (neither won nor lost,
    /// so win rates and loss reasons are not skewed by it); its history stays with it, its running clocks are cancelled.</summary>
    public DealCommandResult CloseAsMerged(Flowchart flow, DealInstance current, string survivorId, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        if (current.Id == survivorId)
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Invalid, "merge-into-itself", "A deal cannot be merged into itself."));
        return Apply(flow, current, actorId, now, (deal, runner, changes, _) =>
        {
            changes.Record(now, actorId, "mergedInto", new Dictionary<string, object?> { ["dealId"] = survivorId });
            runner.CloseHere(DealState.Duplicate, "duplicate");
            return null;
        });
    }

    /// <summary>
    /// Moves the deal to another funnel: it keeps its id, data, journal and history, its clocks of this funnel stop (running
    /// ones are cancelled, so they count neither as met nor as breached; a breach already recorded stays), and it enters
    /// <paramref name="target"/> at its start, or at the stage <paramref name="stageId"/>, as a new deal would.
    /// </summary>
    public DealCommandResult Transfer(Flowchart flow, Flowchart target, DealInstance current, string? stageId, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        var entry = stageId is null ? target.Start : target.Find(stageId);
        if (entry is null || (stageId is not null && !entry.Traits.IsStage))
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Invalid, "unknown-stage",
                $"'{stageId}' is not a stage of '{target.Definition.Name}'.", new Dictionary<string, string[]> { ["stageId"] = [$"'{stageId}' is not a stage of '{target.Definition.Name}'."] }));
        if (target.WorkflowId == current.WorkflowId)
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Invalid, "same-funnel",
                "The deal is already in this funnel: move it to a stage instead.", new Dictionary<string, string[]> { ["workflowId"] = ["The deal is already in this funnel."] }));
        return Apply(flow, current, actorId, now, (deal, runner, changes, _) => TransferOn(deal, runner, target, entry, actorId, now, changes));
    }

    /// <summary>Finishes a hand-off the deal's funnel asked for (<see cref="BookmarkKind.HandOff"/>): the processor loads the target
    /// funnel and calls this in the same round as the command that reached the hand-off.</summary>
    public DealCommandResult CompleteHandOff(Flowchart flow, Flowchart target, DealInstance current, string? stageId, Instant now)
    {
        var entry = stageId is null ? target.Start : target.Find(stageId);
        if (entry is null || target.WorkflowId == current.WorkflowId)
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Conflict, "hand-off-target",
                $"The funnel hands deals to '{target.WorkflowId}' at '{stageId}', which is not a stage there."));
        return Apply(flow, current, null, now, (deal, runner, changes, _) => TransferOn(deal, runner, target, entry, null, now, changes));
    }

    private EngineError? TransferOn(DealInstance deal, FlowRunner runner, Flowchart target, IActivity entry, string? actorId, Instant now, DealChanges changes)
    {
        var from = (Workflow: deal.WorkflowId, Version: deal.WorkflowVersion, Stage: deal.ActivityId);
        runner.Clocks.OnClose(now);
        deal.WorkflowId = target.WorkflowId;
        deal.WorkflowVersion = target.Version;
        deal.StageInteractions.Clear();
        changes.Record(now, actorId, "transferred", new Dictionary<string, object?>
        {
            ["fromWorkflowId"] = from.Workflow, ["fromVersion"] = from.Version, ["from"] = from.Stage,
            ["toWorkflowId"] = target.WorkflowId, ["toVersion"] = target.Version, ["to"] = entry.Id,
        });
        var arrived = Runner(target, deal, actorId, now, changes);
        var error = arrived.Enter(entry);
        arrived.Clocks.WatchNextStep(now);
        return error;
    }

    /// <summary>Links one of a client's people to the deal (first when <paramref name="main"/>). A deal with a client takes only
    /// that client's people; a deal without one becomes the deal of the contact's client.</summary>
    public DealCommandResult LinkContact(Flowchart flow, DealInstance current, string contactId, string contactClientId, DealClient contactClient, bool main,
        string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        if (current.ClientId is { } clientId && clientId != contactClientId)
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Invalid, "other-client",
                "The contact works for another client than the deal's.", new Dictionary<string, string[]> { ["contactId"] = ["The contact works for another client than the deal's."] }));
        var index = current.ContactIds.IndexOf(contactId);
        if (index == 0 || (index > 0 && !main))
            return new DealCommandResult(current, new DealChanges(), null);
        return Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            if (deal.ClientId is null)
            {
                deal.ClientId = contactClientId;
                deal.Client = contactClient;
            }
            deal.ContactIds.Remove(contactId);
            deal.ContactIds.Insert(main ? 0 : deal.ContactIds.Count, contactId);
            changes.Record(now, actorId, "contactLinked", new Dictionary<string, object?> { ["contactId"] = contactId, ["main"] = main });
            return null;
        });
    }

    /// <summary>Takes a contact off the deal; the next one becomes the main contact. Unlinking one not on the deal changes nothing.</summary>
    public DealCommandResult UnlinkContact(Flowchart flow, DealInstance current, string contactId, string? actorId, int? expectedVersion, Instant now)
    {
        if (Precheck(current, expectedVersion) is { } refused)
            return DealCommandResult.Refused(current, refused);
        if (!current.ContactIds.Contains(contactId, StringComparer.Ordinal))
            return new DealCommandResult(current, new DealChanges(), null);
        return Apply(flow, current, actorId, now, (deal, _, changes, _) =>
        {
            deal.ContactIds.Remove(contactId);
            changes.Record(now, actorId, "contactUnlinked", new Dictionary<string, object?> { ["contactId"] = contactId });
            return null;
        });
    }

    /// <summary>The earliest instant at which <see cref="Advance"/> would do something for this deal.</summary>
    public static Instant? NextDue(DealInstance deal)
    {
        if (deal.State != DealState.Open)
            return null;
        var next = ClockLedger.NextDue(deal);
        if (deal.Bookmark == BookmarkKind.Timer && deal.BookmarkDueAt is { } timer && (next is null || timer < next))
            next = timer;
        // A next step passing is no alert of the engine's (its activity raises one), but a funnel may watch it as a
        // regulation, whose clock starts the moment the step is behind the deal: so the deal wakes then.
        if (deal.NextStep is { OverdueAlerted: false } step && (next is null || step.At < next))
            next = step.At;
        return next;
    }

    private static EngineError? Precheck(DealInstance deal, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != deal.Version)
            return new EngineError(EngineErrorKind.Conflict, "stale-version", $"The deal has changed (version {deal.Version}, you sent {expected}); reload it and try again.");
        if (deal.State != DealState.Open)
            return new EngineError(EngineErrorKind.Conflict, "deal-closed", $"The deal is already {deal.State.ToString().ToLowerInvariant()}.");
        return null;
    }

    private DealCommandResult Apply(Flowchart flow, DealInstance current, string? actorId, Instant now,
        Func<DealInstance, FlowRunner, DealChanges, ActivityContext, EngineError?> command, bool allowClosed = false)
    {
        var deal = DealCopier.Copy(current);
        var changes = new DealChanges();
        var runner = Runner(flow, deal, actorId, now, changes);
        // A passed next step is settled without an alert or event (its activity raises activityOverdue); it must still be
        // stored, or a deal stored when next steps were still due instants keeps pointing the scheduler at the past.
        var settled = false;
        if (deal.State == DealState.Open)
        {
            runner.Clocks.Advance(now);
            settled = NextStepWatch.Advance(deal, now);
        }
        else if (!allowClosed)
        {
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Conflict, "deal-closed", "The deal is closed."));
        }
        var error = command(deal, runner, changes, runner.Context);
        if (error is not null)
            return DealCommandResult.Refused(current, error);
        // A transfer watches with the target funnel's own runner.
        if (deal.WorkflowId == flow.WorkflowId)
            runner.Clocks.WatchNextStep(now);
        // Interactions count for the stage they were logged at (kept through a pause); once the deal moves on they are spent.
        deal.StageInteractions.RemoveAll(i => deal.State != DealState.Open || (i.StageId != deal.ActivityId && i.StageId != deal.ReturnStageId));
        if (changes.Events.Count == 0 && !settled)
            return new DealCommandResult(current, changes, null);
        deal.UpdatedAt = now;
        deal.Version = current.Version + 1;
        return new DealCommandResult(deal, changes, null);
    }

    private FlowRunner Runner(Flowchart flow, DealInstance deal, string? actorId, Instant now, DealChanges changes)
    {
        var context = new ActivityContext(deal, now, actorId, environment, flow.Calendar, changes);
        return new FlowRunner(flow, deal, context, changes);
    }

    private static void UpdateDetailsOn(DealInstance deal, DealDetailsUpdate update, Instant now, string? actorId, DealChanges changes)
    {
        var changed = new Dictionary<string, object?>();
        if (update.Title is { } title && title != deal.Title)
            changed["title"] = deal.Title = title;
        if (update.Amount is { } amount && amount != deal.Amount)
            changed["amount"] = deal.Amount = amount;
        if (update.Source is { } source && source != deal.Source)
            changed["source"] = deal.Source = source;
        foreach (var (key, value) in update.Fields ?? new Dictionary<string, System.Text.Json.JsonElement>())
        {
            if (value.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined)
            {
                if (deal.Fields.Remove(key))
                    changed[$"fields.{key}"] = null;
            }
            else
            {
                deal.Fields[key] = value.Clone();
                changed[$"fields.{key}"] = value.Clone();
            }
        }
        if (changed.Count > 0)
            changes.Record(now, actorId, "updated", changed);
    }

    private static void SetNextStepOn(DealInstance deal, NextStepRequest next, Instant now, string? actorId, DealChanges changes)
    {
        deal.NextStep = new NextStep(next.At, next.What, now);
        changes.Record(now, actorId, "nextStep", new Dictionary<string, object?> { ["at"] = next.At.ToString(), ["what"] = next.What });
    }
}
