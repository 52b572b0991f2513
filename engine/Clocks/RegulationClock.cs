using NodaTime;

namespace Crm.Engine.Clocks;

/// <summary>
/// One regulation in force on a deal. Time is kept as working time consumed: <see cref="Consumed"/> up to
/// <see cref="RunningSince"/>, plus whatever the calendar counts after it while the clock runs. Every
/// instant the clock cares about (warning, deadline, escalations) is "when consumed time reaches X", so a
/// pause simply moves all of them by the paused working time.
/// </summary>
public sealed class RegulationClock
{
    public required string Id { get; init; }
    public required string RegulationId { get; init; }
    /// <summary>The funnel the clock was started in (a deal may since have moved to another); null on clocks stored
    /// before deals could change funnels, which are the deal's own.</summary>
    public string? WorkflowId { get; init; }
    public required string Name { get; init; }
    /// <summary>The stage whose regulation this is, or null for a funnel-level regulation.</summary>
    public string? StageId { get; init; }
    public required Instant StartedAt { get; init; }
    public required Duration Limit { get; init; }
    public Duration? WarnBefore { get; init; }
    public IReadOnlyList<Definitions.CompiledEscalation> Escalations { get; init; } = [];

    public ClockState State { get; set; } = ClockState.Running;
    /// <summary>Working time consumed before <see cref="RunningSince"/>.</summary>
    public Duration Consumed { get; set; }
    /// <summary>When the clock last started running; null while paused or finished.</summary>
    public Instant? RunningSince { get; set; }
    public Instant? DueAt { get; set; }
    public Instant? WarnAt { get; set; }
    public Instant? WarnedAt { get; set; }
    /// <summary>The deadline instant at which the breach was recorded (not when it was noticed).</summary>
    public Instant? BreachedAt { get; set; }
    public int EscalationsRaised { get; set; }
    /// <summary>When the next escalation falls due; null when none is left or the clock is not running.</summary>
    public Instant? NextEscalationAt { get; set; }
    public Instant? FinishedAt { get; set; }
    /// <summary>The owner the result is attributed to: set when met or breached, the current owner before that.</summary>
    public string? OwnerId { get; set; }
    /// <summary>Working time past the limit when the clock finished (zero when met in time).</summary>
    public Duration? Overrun { get; set; }
    /// <summary>Who owned the deal while the clock ran, from its start: see <see cref="ClockHoldings"/>.</summary>
    public List<ClockHandover> Handovers { get; init; } = [];

    /// <summary>Working time consumed up to <paramref name="now"/> (for a finished clock, its final consumed time).</summary>
    public Duration ConsumedAt(Instant now, Calendars.IWorkingCalendar calendar) =>
        RunningSince is { } since && now > since ? Consumed + calendar.WorkingTime(since, now) : Consumed;

    public bool IsFinished => FinishedAt is not null;
    public bool IsPaused => RunningSince is null && FinishedAt is null;
    public bool IsRunning => RunningSince is not null && FinishedAt is null;
}
