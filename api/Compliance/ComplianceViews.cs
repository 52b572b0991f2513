using Crm.Api.Infrastructure;
using Crm.Engine.Compliance;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>One row of the managers table: the screen, the CSV and the spreadsheet all show exactly these.
/// <see cref="LateHeld"/> is the working time the person held clocks past their deadlines (breaches in the period).</summary>
public sealed record ManagerComplianceView(
    string ManagerId, string Name, long Measured, long Met, long Breached, double? Compliance,
    string? MedianOverrun, string? P90Overrun, long OpenOverdue, string LateHeld)
{
    public static ManagerComplianceView Of(string managerId, string name, ComplianceFigures f) => new(
        managerId, name, f.Measured, f.Met, f.Breached, f.Compliance, Iso(f.MedianOverrun), Iso(f.P90Overrun), f.OpenOverdue,
        IsoDuration.Format(f.LateHeld));

    internal static string? Iso(Duration? duration) => duration is { } d ? IsoDuration.Format(d) : null;
}

/// <summary>One regulation (and, for a stage regulation, its stage) of one funnel.</summary>
public sealed record RegulationComplianceView(
    string WorkflowId, string RegulationId, string RegulationName, string? StageId, string? StageName,
    long Measured, long Met, long Breached, double? Compliance, string? MedianOverrun, string? P90Overrun, long OpenOverdue);

/// <summary>A breach a manager is accountable for. <see cref="Overrun"/> is final when finished, so far when still open;
/// <see cref="Holders"/> split the clock between everyone who owned the deal while it ran.</summary>
public sealed record BreachView(
    string ClockId, string DealId, string DealTitle, string RegulationId, string RegulationName, string? StageId, string? StageName,
    Instant StartedAt, Instant DueAt, Instant? FinishedAt, string Overrun, IReadOnlyList<ClockHolderView> Holders);

/// <summary>One person's share of a clock (ServiceNow's "SLA breakdown"): working time it ran while they owned the deal,
/// and the part of it past the deadline. A null <see cref="UserId"/> is time in the team queue, owned by no one.</summary>
public sealed record ClockHolderView(string? UserId, string? Name, string Held, string OverrunHeld);

public sealed record WeekView(LocalDate WeekStart, Instant From, Instant To, long Measured, long Met, long Breached, double? Compliance);

public sealed record ManagerTrendView(string ManagerId, string Name, IReadOnlyList<WeekView> Weeks);

/// <summary>
/// A clock behind the caller's own figures. <see cref="Counted"/> says where it went: <c>met</c> or <c>breached</c> in the
/// period, or <c>openOverdue</c> for a breach from before the period that is still running.
/// </summary>
public sealed record OwnClockView(
    string ClockId, string DealId, string DealTitle, string RegulationId, string RegulationName, string? StageId, string? StageName,
    string State, string Counted, Instant StartedAt, Instant? DueAt, Instant? FinishedAt, string? Overrun, IReadOnlyList<ClockHolderView> Holders);

public sealed record OwnComplianceView(
    string ManagerId, string Name, long Measured, long Met, long Breached, double? Compliance,
    string? MedianOverrun, string? P90Overrun, long OpenOverdue, string LateHeld, Instant From, Instant To,
    IReadOnlyList<OwnClockView> Clocks, IReadOnlyList<WeekView> Weeks);
