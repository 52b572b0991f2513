using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Compliance;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>The clocks behind the figures: one person's breaches, and everything counted in their own report.</summary>
public sealed class ComplianceClocks(IDbContextFactory<CrmDbContext> contexts, IFlowchartSource flows, ComplianceReports reports, ComplianceScope scope, IClock clock)
{
    private sealed record Row(ClockRecord Clock, string Title, int Version);

    /// <summary>Breaches attributed to <paramref name="ownerId"/> with the deadline in the period, the latest first.</summary>
    public async Task<IReadOnlyList<BreachView>> BreachesAsync(string ownerId, ReportPeriod period, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (
            from c in db.Clocks.AsNoTracking()
            where c.OwnerId == ownerId && c.BreachedAt >= period.From && c.BreachedAt < period.To
            join d in db.Deals.AsNoTracking() on c.DealId equals d.Id
            orderby c.BreachedAt descending, c.Id
            select new Row(c, d.Title, d.WorkflowVersion)).ToListAsync(ct);
        var live = new LiveOverruns(flows, clock.GetCurrentInstant());
        var views = new List<BreachView>(rows.Count);
        foreach (var row in rows)
        {
            var c = row.Clock;
            var stageName = await StageNameAsync(c, row.Version, ct);
            views.Add(new BreachView(c.Id, c.DealId, row.Title, c.RegulationId, c.Name, c.StageId, stageName, c.StartedAt, c.BreachedAt!.Value,
                c.FinishedAt, IsoDuration(await OverrunAsync(c, row.Version, live, ct)), await HoldersAsync(c, row.Version, live, ct)));
        }
        return views;
    }

    /// <summary>The caller's own row, the clocks behind it and its weekly trend.</summary>
    public async Task<OwnComplianceView> OwnAsync(string ownerId, ReportPeriod period, CancellationToken ct)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal) { ownerId };
        var team = new ComplianceScope.Team(owners, [], [ownerId]);
        var table = await reports.ManagersAsync(team, period, null, ct);
        var figures = table.Count > 0 ? table[0] : ManagerComplianceView.Of(ownerId, scope.NameOf(ownerId), ComplianceFigures.Empty);
        var weeks = (await reports.TrendAsync(team, period, ownerId, ct))[0].Weeks;

        await using var db = await contexts.CreateDbContextAsync(ct);
        var (start, end) = (period.From, period.To);
        var rows = await (
            from c in db.Clocks.AsNoTracking()
            where c.OwnerId == ownerId
                && ((c.State == "met" && c.FinishedAt >= start && c.FinishedAt < end)
                    || (c.BreachedAt >= start && c.BreachedAt < end)
                    || (c.FinishedAt == null && c.BreachedAt != null))
            join d in db.Deals.AsNoTracking() on c.DealId equals d.Id
            select new Row(c, d.Title, d.WorkflowVersion)).ToListAsync(ct);
        var live = new LiveOverruns(flows, clock.GetCurrentInstant());
        var clocks = new List<(Instant At, OwnClockView View)>(rows.Count);
        foreach (var row in rows)
        {
            var c = row.Clock;
            var counted = c.BreachedAt is { } b ? (period.Contains(b) ? "breached" : "openOverdue") : "met";
            var overrun = c.BreachedAt is null ? null : IsoDuration(await OverrunAsync(c, row.Version, live, ct));
            clocks.Add((c.BreachedAt ?? c.FinishedAt!.Value, new OwnClockView(
                c.Id, c.DealId, row.Title, c.RegulationId, c.Name, c.StageId, await StageNameAsync(c, row.Version, ct), c.State, counted,
                c.StartedAt, c.BreachedAt ?? c.DueAt, c.FinishedAt, overrun, await HoldersAsync(c, row.Version, live, ct))));
        }
        return new OwnComplianceView(figures.ManagerId, figures.Name, figures.Measured, figures.Met, figures.Breached, figures.Compliance,
            figures.MedianOverrun, figures.P90Overrun, figures.OpenOverdue, figures.LateHeld, period.From, period.To,
            [.. clocks.OrderByDescending(c => c.At).ThenBy(c => c.View.ClockId, StringComparer.Ordinal).Select(c => c.View)], weeks);
    }

    private static async ValueTask<Duration> OverrunAsync(ClockRecord c, int version, LiveOverruns live, CancellationToken ct) =>
        c.OverrunTicks is { } final
            ? Duration.FromTicks(final)
            : await live.OfAsync(c.WorkflowId, version, c.ConsumedTicks, c.RunningSince, c.LimitTicks, ct);

    private async ValueTask<IReadOnlyList<ClockHolderView>> HoldersAsync(ClockRecord c, int version, LiveOverruns live, CancellationToken ct) =>
        [.. (await live.HoldingsAsync(DealMapper.Handovers(c.HandoversJson, c.OwnerId), c.WorkflowId, version, c.ConsumedTicks, c.RunningSince, c.LimitTicks, ct)).Select(h => new ClockHolderView(
            h.HolderId, h.HolderId is null ? null : scope.NameOf(h.HolderId), IsoDuration(h.Held), IsoDuration(h.OverrunHeld)))];

    private async ValueTask<string?> StageNameAsync(ClockRecord c, int version, CancellationToken ct) =>
        c.StageId is null ? null : (await flows.GetAsync(c.WorkflowId, version, ct))?.Find(c.StageId)?.Name ?? c.StageId;

    private static string IsoDuration(Duration d) => Infrastructure.IsoDuration.Format(d);
}
