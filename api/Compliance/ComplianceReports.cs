using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Compliance;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>
/// The compliance tables. A clock is measured in the period when it was met (finished in time) or breached (its deadline
/// passed) inside it, and counts for the owner recorded on the clock at that moment. Overruns are working time: final
/// for finished breaches, so far (as of now) for breaches still running. Open overdue counts running breaches now.
/// </summary>
public sealed class ComplianceReports(IDbContextFactory<CrmDbContext> contexts, IFlowchartSource flows, ComplianceScope scope, IClock clock)
{
    public async Task<IReadOnlyList<ManagerComplianceView>> ManagersAsync(ComplianceScope.Team team, ReportPeriod period, string? workflowId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var store = new ComplianceStore(db);
        await using var snapshot = await store.SnapshotAsync(ct);
        var tallies = new Dictionary<string, ComplianceTally>(StringComparer.Ordinal);
        ComplianceTally Of(string owner) => tallies.TryGetValue(owner, out var t) ? t : tallies[owner] = new ComplianceTally();

        await store.TalliesAsync(period.From, period.To, team.Owners, workflowId, new Sink(key => Of(key.OwnerId), withLateHeld: true), withOverruns: true, ct);
        await AddOpenBreachesAsync(store, team.Owners, period, workflowId, b => Of(b.Key.OwnerId), (holder, ticks) => Of(holder).AddLateHeld(ticks), ct);

        var rows = new Dictionary<string, ManagerComplianceView>(StringComparer.Ordinal);
        foreach (var person in team.Listed)
            rows[person.Id] = ManagerComplianceView.Of(person.Id, person.Name, ComplianceFigures.Empty);
        foreach (var (owner, tally) in tallies.Where(t => !t.Value.IsEmpty))
            rows[owner] = ManagerComplianceView.Of(owner, scope.NameOf(owner), tally.ToFigures());
        return [.. rows.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.ManagerId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<RegulationComplianceView>> RegulationsAsync(ComplianceScope.Team team, ReportPeriod period, string? workflowId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var store = new ComplianceStore(db);
        await using var snapshot = await store.SnapshotAsync(ct);
        var tallies = new Dictionary<(string Workflow, string Regulation, string Stage), ComplianceTally>();
        ComplianceTally Of(ClockKey k) =>
            tallies.TryGetValue((k.WorkflowId, k.RegulationId, k.StageId), out var t) ? t : tallies[(k.WorkflowId, k.RegulationId, k.StageId)] = new ComplianceTally();

        await store.TalliesAsync(period.From, period.To, team.Owners, workflowId, new Sink(Of, withLateHeld: false), withOverruns: true, ct);
        await AddOpenBreachesAsync(store, team.Owners, period, workflowId, b => Of(b.Key), null, ct);

        var names = new RegulationNames(db, flows);
        var rows = new List<RegulationComplianceView>(tallies.Count);
        foreach (var ((workflow, regulation, stage), tally) in tallies.Where(t => !t.Value.IsEmpty))
        {
            var (regulationName, stageName) = await names.FindAsync(workflow, regulation, stage, ct);
            var f = tally.ToFigures();
            rows.Add(new RegulationComplianceView(workflow, regulation, regulationName, stage.Length > 0 ? stage : null, stageName,
                f.Measured, f.Met, f.Breached, f.Compliance, ManagerComplianceView.Iso(f.MedianOverrun), ManagerComplianceView.Iso(f.P90Overrun), f.OpenOverdue));
        }
        return [.. rows.OrderBy(r => r.WorkflowId, StringComparer.Ordinal).ThenBy(r => r.RegulationId, StringComparer.Ordinal)];
    }

    /// <summary>Weekly compliance per person: weeks start on Monday in the period's time zone and are clipped to it.</summary>
    public async Task<IReadOnlyList<ManagerTrendView>> TrendAsync(ComplianceScope.Team team, ReportPeriod period, string? managerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var store = new ComplianceStore(db);
        await using var snapshot = await store.SnapshotAsync(ct);
        var owners = managerId is not null ? new HashSet<string>(StringComparer.Ordinal) { managerId } : team.Owners;
        var weeks = ReportWeeks.Split(period.From, period.To, period.Zone);
        var perWeek = new List<Dictionary<string, (long Met, long Breached)>>(weeks.Count);
        foreach (var week in weeks)
        {
            var byOwner = new Dictionary<string, (long Met, long Breached)>(StringComparer.Ordinal);
            foreach (var (key, (met, breached)) in await store.CountAsync(week.From, week.To, owners, null, ct))
            {
                var (m, b) = byOwner.GetValueOrDefault(key.OwnerId);
                byOwner[key.OwnerId] = (m + met, b + breached);
            }
            perWeek.Add(byOwner);
        }
        var people = managerId is not null
            ? [managerId]
            : team.Listed.Select(p => p.Id).Concat(perWeek.SelectMany(w => w.Keys)).Distinct(StringComparer.Ordinal).ToList();
        return [.. people
            .Select(id => new ManagerTrendView(id, scope.NameOf(id), [.. weeks.Select((w, i) => Week(w, perWeek[i].GetValueOrDefault(id)))]))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    internal static WeekView Week(ReportWeek week, (long Met, long Breached) counts) => new(
        week.Monday, week.From, week.To, counts.Met + counts.Breached, counts.Met, counts.Breached,
        ComplianceRatio.Of(counts.Met, counts.Met + counts.Breached));

    /// <summary>Open breaches count as open overdue whenever they happened; those breached inside the period also bring
    /// their overrun so far, so that a breach left running is not better for the median than one closed late, and the
    /// late time held so far to whoever held them (of <paramref name="owners"/>, whoever owns the breach).</summary>
    private async Task AddOpenBreachesAsync(ComplianceStore store, IReadOnlySet<string>? owners, ReportPeriod period, string? workflowId,
        Func<OpenBreach, ComplianceTally> tallyOf, Action<string, long>? lateHeld, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var live = new LiveOverruns(flows, now);
        foreach (var breach in await store.OpenBreachesAsync(lateHeld is null ? owners : null, workflowId, ct))
        {
            var inPeriod = period.Contains(breach.BreachedAt);
            if (owners is null || owners.Contains(breach.Key.OwnerId))
            {
                var tally = tallyOf(breach);
                tally.AddOpenOverdue();
                if (inPeriod)
                    tally.AddOverrun(await live.OfAsync(breach.Key.WorkflowId, breach.WorkflowVersion, breach.ConsumedTicks, breach.RunningSince, breach.LimitTicks, ct));
            }
            if (lateHeld is null || !inPeriod)
                continue;
            var handovers = DealMapper.Handovers(breach.HandoversJson, breach.Key.OwnerId);
            foreach (var holding in await live.HoldingsAsync(handovers, breach.Key.WorkflowId, breach.WorkflowVersion, breach.ConsumedTicks, breach.RunningSince, breach.LimitTicks, ct))
            {
                if (holding.HolderId is { } holder && holding.OverrunHeld > Duration.Zero && (owners is null || owners.Contains(holder)))
                    lateHeld(holder, holding.OverrunHeld.BclCompatibleTicks);
            }
        }
    }

    /// <summary>Feeds what the store reads into report rows: <paramref name="tallyOf"/> picks the row for a key.</summary>
    private sealed class Sink(Func<ClockKey, ComplianceTally> tallyOf, bool withLateHeld) : ITallySink
    {
        public void Count(ClockKey key, long met, long breached)
        {
            var tally = tallyOf(key);
            tally.AddMet(met);
            tally.AddBreached(breached);
        }

        public void Overruns(ClockKey key, ReadOnlySpan<long> ticks, int sign) => tallyOf(key).AddOverruns(ticks, sign);

        public void LateHeld(ClockKey key, long ticks)
        {
            if (withLateHeld)
                tallyOf(key).AddLateHeld(ticks);
        }
    }
}
