using NodaTime;

namespace Crm.Api.Persistence;

public sealed class UserRecord
{
    public required string Id { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public string? TeamId { get; set; }
    public required string PasswordHash { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; } = 1;
    /// <summary>Changes whenever the account's access changes (role, team, active, password); tokens carry it, so older ones stop working.</summary>
    public string SecurityStamp { get; set; } = Auth.SecurityStamp.New();
    /// <summary>Set by an admin's password reset and on the first admin: the user must choose a password before anything else.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>Wrong passwords in a row; the account locks from the fifth on (<see cref="Auth.SignInLockout"/>).</summary>
    public int FailedSignIns { get; set; }
    public Instant? LockedUntil { get; set; }
    /// <summary>How many activities a day the user plans at most (their own load limit); null when they set none.</summary>
    public int? DailyActivityLimit { get; set; }
}

public sealed class TeamRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? HeadId { get; set; }
    /// <summary>How many deals round-robin has handed out; the next goes to member number (cursor mod count).</summary>
    public long RotationCursor { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class CalendarRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public Instant UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class WorkflowRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string DraftJson { get; set; }
    public int? PublishedVersion { get; set; }
    public Instant UpdatedAt { get; set; }
    /// <summary>Optimistic-concurrency version of the draft.</summary>
    public int Version { get; set; } = 1;
}

public sealed class WorkflowVersionRecord
{
    public required string WorkflowId { get; set; }
    public int Number { get; set; }
    public required string Json { get; set; }
    public Instant PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

public sealed class DealRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string WorkflowId { get; set; }
    public int WorkflowVersion { get; set; }
    public string? StageId { get; set; }
    public required string State { get; set; }
    public string? OwnerId { get; set; }
    public string? TeamId { get; set; }
    public decimal? Amount { get; set; }
    public string? Source { get; set; }
    public string? ClientName { get; set; }
    public string? ClientKind { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>Lower-cased, for duplicate detection.</summary>
    public string? ContactEmailKey { get; set; }
    /// <summary>Digits only, for duplicate detection.</summary>
    public string? ContactPhoneKey { get; set; }
    public string? ContactPosition { get; set; }
    /// <summary>The client record the deal is with.</summary>
    public string? ClientId { get; set; }
    /// <summary>Title, client and contact names lower-cased, for the search box.</summary>
    public string? SearchText { get; set; }
    public Instant? NextStepAt { get; set; }
    /// <summary>The earliest instant the engine has something to do for this deal; indexed, it drives every timer.</summary>
    public Instant? NextDueAt { get; set; }
    /// <summary>Engine state not queried by SQL: bookmark, pause return, fields, next step.</summary>
    public required string Data { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    public int Version { get; set; }
}

public sealed class ClockRecord
{
    public required string Id { get; set; }
    public required string DealId { get; set; }
    public required string WorkflowId { get; set; }
    public required string RegulationId { get; set; }
    public required string Name { get; set; }
    public string? StageId { get; set; }
    public required string State { get; set; }
    public Instant StartedAt { get; set; }
    public long LimitTicks { get; set; }
    public long? WarnBeforeTicks { get; set; }
    public string? EscalationsJson { get; set; }
    public long ConsumedTicks { get; set; }
    public Instant? RunningSince { get; set; }
    public Instant? DueAt { get; set; }
    public Instant? WarnAt { get; set; }
    public Instant? WarnedAt { get; set; }
    public Instant? BreachedAt { get; set; }
    public int EscalationsRaised { get; set; }
    public Instant? NextEscalationAt { get; set; }
    public Instant? FinishedAt { get; set; }
    public string? OwnerId { get; set; }
    public long? OverrunTicks { get; set; }
    /// <summary>Who held the clock from which consumed time on (JSON); null for clocks stored before holdings were kept.</summary>
    public string? HandoversJson { get; set; }
}

public sealed class DealEventRecord
{
    public long Id { get; set; }
    public required string DealId { get; set; }
    public Instant At { get; set; }
    public string? By { get; set; }
    public required string Kind { get; set; }
    public required string DetailsJson { get; set; }
}

public sealed class AlertRecord
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string Audience { get; set; }
    /// <summary>The user the alert is for: the owner, or the head of the owner's team.</summary>
    public string? RecipientId { get; set; }
    /// <summary>Empty for an alert of an activity on a client alone (kept non-null, so SQLite needs no table rebuild).</summary>
    public required string DealId { get; set; }
    public required string DealTitle { get; set; }
    /// <summary>The activity an activity alert is about.</summary>
    public string? ActivityId { get; set; }
    public string? RegulationId { get; set; }
    public string? RegulationName { get; set; }
    public string? StageId { get; set; }
    public string? StageName { get; set; }
    public string? OwnerId { get; set; }
    public string? TeamId { get; set; }
    public Instant? DueAt { get; set; }
    public Instant RaisedAt { get; set; }
    public string? Message { get; set; }
    public Instant? AcknowledgedAt { get; set; }
}

public sealed class DictionaryRecord
{
    public required string Kind { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// Met and breached clocks per UTC day, owner, funnel, regulation and stage, kept in the same transaction as the
/// clocks themselves. Compliance reports over months add these up instead of counting millions of clocks.
/// </summary>
public sealed class ClockTallyRecord
{
    /// <summary>Days since 1970-01-01 UTC of the instant the clock was met (FinishedAt) or breached (BreachedAt).</summary>
    public long Day { get; set; }
    public required string OwnerId { get; set; }
    public required string WorkflowId { get; set; }
    public required string RegulationId { get; set; }
    /// <summary>The stage of a stage regulation; empty for a funnel-level one (a key cannot be null).</summary>
    public required string StageId { get; set; }
    public long Met { get; set; }
    public long Breached { get; set; }
    /// <summary>Working time (ticks) that <see cref="OwnerId"/> held finished breaches of this day past their deadline,
    /// whoever the breach is attributed to: their share of the overruns (see <c>ClockHoldings</c>).</summary>
    public long LateHeldTicks { get; set; }
}

/// <summary>
/// <see cref="ClockTallyRecord"/>s added up over aligned blocks of days (see <c>TallyBlocks</c>), in the same
/// transaction: a report over a quarter reads a handful of these per key instead of ninety daily rows.
/// </summary>
public sealed class ClockTallyBlockRecord
{
    /// <summary>How many days the block spans: 8 or 64.</summary>
    public int Days { get; set; }
    /// <summary>Its first day (days since 1970-01-01 UTC), a multiple of <see cref="Days"/>.</summary>
    public long Start { get; set; }
    public required string OwnerId { get; set; }
    public required string WorkflowId { get; set; }
    public required string RegulationId { get; set; }
    public required string StageId { get; set; }
    public long Met { get; set; }
    public long Breached { get; set; }
    public long LateHeldTicks { get; set; }
}

/// <summary>
/// The final overrun (working-time ticks) of one finished breach, under the key of the daily tally that counted it: one
/// row per breach, inserted when the breach finishes and never rewritten. A breach still running has none yet. Blocks
/// keep no overruns: a report reads a period's overruns straight from these rows.
/// </summary>
public sealed class ClockTallyOverrunRecord
{
    public long Id { get; set; }
    public long Day { get; set; }
    public required string OwnerId { get; set; }
    public required string WorkflowId { get; set; }
    public required string RegulationId { get; set; }
    public required string StageId { get; set; }
    public long Ticks { get; set; }
}

/// <summary>A target a head set for a manager: so many of <see cref="Metric"/> between two instants.</summary>
public sealed class PlanRecord
{
    public required string Id { get; set; }
    public required string ManagerId { get; set; }
    public required string Metric { get; set; }
    public Instant From { get; set; }
    public Instant To { get; set; }
    public int Target { get; set; }
    public string? SetBy { get; set; }
    public Instant UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}
