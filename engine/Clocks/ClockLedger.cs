using Crm.Engine.Alerts;
using Crm.Engine.Calendars;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using NodaTime;

namespace Crm.Engine.Clocks;

/// <summary>
/// Keeps a deal's regulation clocks: starts, stops, pauses and resumes them as the deal moves, and raises
/// the warnings, breaches and escalations whose instants have come. Every instant is computed in the
/// funnel's calendar; a breach is dated at its deadline however late it is noticed.
/// </summary>
internal sealed class ClockLedger(Flowchart flow, DealInstance deal, DealChanges changes)
{
    private IWorkingCalendar Calendar => flow.Calendar;

    /// <summary>Raises everything due at or before <paramref name="now"/>, oldest first.</summary>
    public void Advance(Instant now)
    {
        foreach (var clock in deal.Clocks.Where(c => c.IsRunning))
        {
            while (NextInstant(clock) is { } at && at <= now)
                Fire(clock, at, now);
        }
    }

    public void OnEnter(IActivity stage, Instant now, bool returning)
    {
        if (returning)
            return;
        if (stage.Traits.PausesClocks)
            PauseAll(now);
        if (flow.StageRegulation(stage.Id) is { } own)
            Start(own, stage.Id, now);
        foreach (var regulation in flow.FunnelRegulations)
        {
            if (regulation.StopOn == stage.Id)
                StopActive(regulation.Id, now);
            if (regulation.StartOn == stage.Id && Active(regulation.Id) is null)
                Start(regulation, null, now);
        }
    }

    /// <summary>
    /// "Every open deal has a future next step" (<see cref="CompiledRegulation.WatchesNextStep"/>): starts the regulation's clock
    /// when the open deal has no next step in the future (from the instant its last one passed, if that is when it ran out),
    /// and meets it when a future one is set. Called after every command on an open deal.
    /// </summary>
    public void WatchNextStep(Instant now)
    {
        if (deal.State != DealState.Open)
            return;
        foreach (var regulation in flow.FunnelRegulations.Where(r => r.WatchesNextStep))
        {
            var planned = deal.NextStep is { } step && step.At > now;
            var active = Active(regulation.Id);
            if (planned && active is not null)
            {
                Finish(active, now, cancel: false);
            }
            else if (!planned && active is null)
            {
                // Nothing ran for the deal between its last change and now, so a step that passed since then ran out when it passed.
                var since = deal.NextStep is { } passed && passed.At > deal.UpdatedAt ? passed.At : now;
                Start(regulation, null, since);
                Advance(now);
            }
        }
    }

    /// <summary>The deal reached an activity that is not a stage (an End): funnel regulations that stop there are met.</summary>
    public void OnArrive(IActivity activity, Instant now)
    {
        foreach (var regulation in flow.FunnelRegulations.Where(r => r.StopOn == activity.Id))
            StopActive(regulation.Id, now);
    }

    /// <summary>The deal leaves a stage. From a pause stage, the paused clocks run again; the stage it was paused
    /// from loses its clock unless the deal goes back there. That clock is cancelled, not met: its stage was
    /// never finished, the deal left the regulated path through the pause (to Lost, say).</summary>
    public void OnLeave(IActivity stage, Instant now, string? returnStageId, bool returning)
    {
        StopStageClock(stage.Id, now, cancel: false);
        if (!stage.Traits.PausesClocks)
            return;
        ResumeAll(now);
        if (!returning && returnStageId is not null)
            StopStageClock(returnStageId, now, cancel: true);
    }

    /// <summary>The deal closed: clocks already breached finish as breached, the rest are cancelled.</summary>
    public void OnClose(Instant now)
    {
        foreach (var clock in deal.Clocks.Where(c => !c.IsFinished))
            Finish(clock, now, cancel: true);
    }

    /// <summary>The deal may have changed hands (a reassignment, an Assign activity): open clocks follow it to its
    /// owner now (a breach already recorded stays with whoever held it then), and each notes the handover for its holdings.</summary>
    public void FollowOwner(Instant now)
    {
        foreach (var clock in deal.Clocks.Where(c => !c.IsFinished))
        {
            if (clock.BreachedAt is null)
                clock.OwnerId = deal.OwnerId;
            if (clock.Handovers.Count == 0 || clock.Handovers[^1].HolderId != deal.OwnerId)
                clock.Handovers.Add(new ClockHandover(deal.OwnerId, clock.ConsumedAt(now, Calendar)));
        }
    }

    /// <summary>The earliest instant at which <see cref="Advance"/> has something to do, or null.</summary>
    public static Instant? NextDue(DealInstance deal)
    {
        Instant? next = null;
        foreach (var clock in deal.Clocks)
        {
            if (clock.IsRunning && NextInstant(clock) is { } at && (next is null || at < next))
                next = at;
        }
        return next;
    }

    private static Instant? NextInstant(RegulationClock clock)
    {
        Instant? next = null;
        if (clock.WarnAt is { } warn && clock.WarnedAt is null && clock.BreachedAt is null)
            next = warn;
        if (clock.BreachedAt is null && clock.DueAt is { } due && (next is null || due < next))
            next = due;
        if (clock.NextEscalationAt is { } escalation && (next is null || escalation < next))
            next = escalation;
        return next;
    }

    private void Fire(RegulationClock clock, Instant at, Instant now)
    {
        if (clock.WarnAt == at && clock.WarnedAt is null && clock.BreachedAt is null)
        {
            clock.WarnedAt = at;
            Raise(clock, AlertKind.Warning, AlertAudience.Owner, now);
        }
        else if (clock.BreachedAt is null && clock.DueAt == at)
        {
            clock.BreachedAt = at;
            clock.State = ClockState.Breached;
            clock.OwnerId = deal.OwnerId;
            changes.ClockSettled(clock.Id);
            Raise(clock, AlertKind.Breach, AlertAudience.Owner, now);
        }
        else if (clock.NextEscalationAt == at)
        {
            var escalation = clock.Escalations[clock.EscalationsRaised];
            clock.EscalationsRaised++;
            Raise(clock, AlertKind.Escalation, escalation.Notify, now);
            clock.NextEscalationAt = EscalationInstant(clock);
        }
    }

    private void Raise(RegulationClock clock, string kind, string audience, Instant now)
    {
        var stage = clock.StageId is not null ? flow.Find(clock.StageId) : flow.Find(deal.ActivityId);
        changes.Raise(new RaisedAlert
        {
            Id = AlertIds.New(),
            Kind = kind,
            Audience = audience,
            DealId = deal.Id,
            DealTitle = deal.Title,
            RegulationId = clock.RegulationId,
            RegulationName = clock.Name,
            StageId = stage?.Id,
            StageName = stage?.Name,
            OwnerId = deal.OwnerId,
            TeamId = deal.TeamId,
            DueAt = clock.DueAt,
            RaisedAt = now,
        });
    }

    private RegulationClock? Active(string regulationId) =>
        deal.Clocks.FirstOrDefault(c => c.RegulationId == regulationId && !c.IsFinished);

    private void Start(CompiledRegulation regulation, string? stageId, Instant now)
    {
        var clock = new RegulationClock
        {
            Id = Guid.CreateVersion7().ToString("N"),
            RegulationId = regulation.Id,
            WorkflowId = flow.WorkflowId,
            Name = regulation.Name,
            StageId = stageId,
            StartedAt = now,
            Limit = regulation.Limit,
            WarnBefore = regulation.WarnBefore,
            Escalations = regulation.Escalations,
            OwnerId = deal.OwnerId,
            Handovers = [new ClockHandover(deal.OwnerId, Duration.Zero)],
        };
        deal.Clocks.Add(clock);
        changes.ClockStarted(clock.Id);
        Run(clock, now);
        // A regulation that starts while the deal sits in a pause stage waits for the pause to end.
        if (deal.ActivityId is { } current && flow.Find(current)?.Traits.PausesClocks == true && stageId != current)
            Pause(clock, now);
        changes.Record(now, null, "clockStarted", new Dictionary<string, object?>
        {
            ["clockId"] = clock.Id, ["regulationId"] = clock.RegulationId, ["dueAt"] = clock.DueAt?.ToString(),
        });
    }

    /// <summary>Sets the clock running from <paramref name="now"/> and recomputes every instant it cares about.</summary>
    private void Run(RegulationClock clock, Instant now)
    {
        clock.RunningSince = now;
        clock.State = clock.BreachedAt is null ? ClockState.Running : ClockState.Breached;
        if (clock.BreachedAt is null)
            clock.DueAt = ReachedAt(clock, clock.Limit);
        clock.WarnAt = clock.WarnBefore is { } warn && clock.BreachedAt is null && clock.WarnedAt is null
            ? ReachedAt(clock, clock.Limit - warn)
            : clock.WarnAt;
        clock.NextEscalationAt = EscalationInstant(clock);
    }

    private Instant? EscalationInstant(RegulationClock clock) =>
        clock.EscalationsRaised < clock.Escalations.Count && clock.RunningSince is not null
            ? ReachedAt(clock, clock.Limit + clock.Escalations[clock.EscalationsRaised].After)
            : null;

    /// <summary>When the clock's consumed working time reaches <paramref name="mark"/>.</summary>
    private Instant ReachedAt(RegulationClock clock, Duration mark)
    {
        var left = mark - clock.Consumed;
        var since = clock.RunningSince!.Value;
        return left <= Duration.Zero ? since : Calendar.Deadline(since, left);
    }

    private void PauseAll(Instant now)
    {
        foreach (var clock in deal.Clocks.Where(c => c.IsRunning))
            Pause(clock, now);
    }

    private void Pause(RegulationClock clock, Instant now)
    {
        clock.Consumed += Calendar.WorkingTime(clock.RunningSince!.Value, now);
        clock.RunningSince = null;
        clock.State = ClockState.Paused;
        if (clock.BreachedAt is null)
            clock.DueAt = null;
        if (clock.WarnedAt is null)
            clock.WarnAt = null;
        clock.NextEscalationAt = null;
    }

    private void ResumeAll(Instant now)
    {
        foreach (var clock in deal.Clocks.Where(c => c.IsPaused))
            Run(clock, now);
    }

    private void StopStageClock(string stageId, Instant now, bool cancel)
    {
        foreach (var clock in deal.Clocks.Where(c => c.StageId == stageId && !c.IsFinished))
            Finish(clock, now, cancel);
    }

    private void StopActive(string regulationId, Instant now)
    {
        if (Active(regulationId) is { } clock)
            Finish(clock, now, cancel: false);
    }

    private void Finish(RegulationClock clock, Instant now, bool cancel)
    {
        if (clock.RunningSince is { } since)
            clock.Consumed += Calendar.WorkingTime(since, now);
        clock.RunningSince = null;
        clock.FinishedAt = now;
        clock.NextEscalationAt = null;
        var overrun = clock.Consumed - clock.Limit;
        clock.Overrun = overrun > Duration.Zero ? overrun : Duration.Zero;
        if (clock.BreachedAt is not null)
        {
            clock.State = ClockState.Breached;
            changes.BreachFinished(clock.Id);
        }
        else if (cancel)
        {
            clock.State = ClockState.Cancelled;
        }
        else
        {
            clock.State = ClockState.Met;
            clock.OwnerId = deal.OwnerId;
            changes.ClockSettled(clock.Id);
        }
        changes.Record(now, null, "clockStopped", new Dictionary<string, object?>
        {
            ["clockId"] = clock.Id, ["regulationId"] = clock.RegulationId, ["state"] = clock.State.ToString().ToLowerInvariant(),
        });
    }
}
