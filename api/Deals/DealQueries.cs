using System.Text.Json;
using Crm.Api.Auth;
using Crm.Api.Clients;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Deals;

/// <summary>Reads deals for people: filtered by what the caller may see, with stage names, clocks and history.</summary>
public sealed class DealQueries(IDbContextFactory<CrmDbContext> contexts, IFlowchartSource flows, UserDirectory directory, IClock clock)
{
    public sealed record Filter(string? OwnerId, string? WorkflowId, string? StageId, string? State, string? Sla, int Limit, string? NextStep = null)
    {
        /// <summary>Source, text and overdue, applied as the board applies them.</summary>
        public DealFilter Narrowing { get; init; } = new();
    }

    /// <summary>A deal's earliest open activity, as its next step shows it.</summary>
    public sealed record NextActivity(string DealId, string Id, string Kind, Instant DueAt, string Subject);

    public async Task<DealView?> GetAsync(string id, Caller caller, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.Deals.AsNoTracking().VisibleTo(caller, directory).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (record is null)
            return null;
        var clocks = await db.Clocks.AsNoTracking().Where(c => c.DealId == id).ToListAsync(ct);
        var events = await db.DealEvents.AsNoTracking().Where(e => e.DealId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var deal = DealMapper.ToDeal(record, clocks);
        var contactIds = deal.ContactIds.ToArray();
        var contacts = (await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToListAsync(ct))
            .OrderBy(c => Array.IndexOf(contactIds, c.Id)).Select(ClientBook.Card).ToList();
        var history = await new HistoryWords(flows, directory).DescribeAsync(events, deal.WorkflowId, deal.WorkflowVersion, ct);
        return await ViewAsync(deal, history, ct, contacts);
    }

    public async Task<IReadOnlyList<DealView>> ListAsync(Filter filter, Caller caller, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = filter.Narrowing.Apply(db.Deals.AsNoTracking().VisibleTo(caller, directory), db, clock.GetCurrentInstant());
        if (filter.OwnerId is { } owner)
            query = query.Where(d => d.OwnerId == owner);
        if (filter.WorkflowId is { } workflow)
            query = query.Where(d => d.WorkflowId == workflow);
        if (filter.StageId is { } stage)
            query = query.Where(d => d.StageId == stage);
        if (filter.State is { } state)
            query = query.Where(d => d.State == state);
        var breached = nameof(ClockState.Breached).ToLowerInvariant();
        var running = nameof(ClockState.Running).ToLowerInvariant();
        query = filter.Sla switch
        {
            "overdue" => query.Where(d => db.Clocks.Any(c => c.DealId == d.Id && c.FinishedAt == null && c.BreachedAt != null)),
            "atRisk" => query.Where(d => db.Clocks.Any(c => c.DealId == d.Id && c.FinishedAt == null && c.BreachedAt == null && c.WarnedAt != null)),
            _ => query,
        };
        var now = clock.GetCurrentInstant();
        query = filter.NextStep switch
        {
            // As the view judges it: the earliest open activity, or a next step planned before activities existed.
            "missing" => query.Where(d => d.State == "open" && !db.Activities.Any(a => a.DealId == d.Id && a.State == "open") && d.NextStepAt == null),
            "overdue" => query.Where(d => d.State == "open" && (db.Activities.Any(a => a.DealId == d.Id && a.State == "open" && a.DueAt <= now)
                || (!db.Activities.Any(a => a.DealId == d.Id && a.State == "open") && d.NextStepAt <= now))),
            _ => query,
        };
        var records = await query.OrderByDescending(d => d.UpdatedAt).Take(filter.Limit).ToListAsync(ct);
        return await ViewsAsync(db, records, ct);
    }

    /// <summary>List views of stored deals, with their running clocks, in the order given.</summary>
    public async Task<IReadOnlyList<DealView>> ViewsAsync(CrmDbContext db, IReadOnlyList<DealRecord> records, CancellationToken ct)
    {
        var ids = records.Select(r => r.Id).ToArray();
        var clocks = (await db.Clocks.AsNoTracking().Where(c => ids.Contains(c.DealId) && c.FinishedAt == null).ToListAsync(ct))
            .ToLookup(c => c.DealId, StringComparer.Ordinal);
        var next = await NextActivitiesAsync(db, ids, ct);
        var views = new List<DealView>(records.Count);
        foreach (var record in records)
            views.Add(await ViewAsync(DealMapper.ToDeal(record, clocks[record.Id]), null, ct, null, next.GetValueOrDefault(record.Id), nextKnown: true));
        return views;
    }

    /// <summary>The earliest open activity of each deal that has one.</summary>
    private static async Task<Dictionary<string, NextActivity>> NextActivitiesAsync(CrmDbContext db, string[] dealIds, CancellationToken ct)
    {
        var open = await db.Activities.AsNoTracking().Where(a => a.DealId != null && dealIds.Contains(a.DealId) && a.State == "open")
            .Select(a => new NextActivity(a.DealId!, a.Id, a.Kind, a.DueAt, a.Subject)).ToListAsync(ct);
        return open.GroupBy(a => a.DealId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.DueAt).ThenBy(a => a.Id, StringComparer.Ordinal).First(), StringComparer.Ordinal);
    }

    public async Task<DealView> ViewAsync(DealInstance deal, IReadOnlyList<HistoryView>? history, CancellationToken ct, IReadOnlyList<ContactCard>? contacts = null,
        NextActivity? nextActivity = null, bool nextKnown = false)
    {
        if (!nextKnown)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            nextActivity = (await NextActivitiesAsync(db, [deal.Id], ct)).GetValueOrDefault(deal.Id);
        }
        var now = clock.GetCurrentInstant();
        // The activities are the truth; the engine's projection only stands in for a deal planned before activities existed.
        var nextStep = nextActivity is { } a ? new NextStepView(a.DueAt, a.Subject, a.Id, a.Kind, a.DueAt <= now)
            : deal.NextStep is { } legacy ? new NextStepView(legacy.At, legacy.What, null, null, legacy.At <= now)
            : null;
        var nextStepState = deal.State != DealState.Open ? null : nextStep is null ? "missing" : nextStep.Overdue ? "overdue" : "ok";
        var flow = await flows.GetAsync(deal.WorkflowId, deal.WorkflowVersion, ct);
        var stage = flow?.Find(deal.ActivityId);
        var outcomes = deal.State == DealState.Open && deal.Bookmark == BookmarkKind.Outcome && stage is IChoosableOutcomes choosable
            ? choosable.ChoosableOutcomes
            : [];
        return new DealView(
            deal.Id, deal.Title, deal.WorkflowId, deal.WorkflowVersion, deal.ActivityId, stage?.Name, outcomes,
            deal.OwnerId, deal.TeamId, DealMapper.StateName(deal.State), deal.Amount, deal.Source,
            deal.Client is { } client ? new ClientView(client.Name, client.Kind) : null,
            deal.Contact is { } contact ? new ContactView(contact.Name, contact.Email, contact.Phone, contact.Position) : null,
            nextStep,
            deal.Fields,
            deal.Version, deal.CreatedAt, deal.UpdatedAt, deal.ClosedAt,
            [.. deal.Clocks.Select(ClockViewOf)],
            history,
            deal.ClientId, deal.ContactIds, deal.MergedDealIds, contacts, directory.Find(deal.OwnerId)?.Name, nextStepState);
    }

    private static ClockView ClockViewOf(RegulationClock c) => new(
        c.Id, c.RegulationId, c.Name, c.StageId, c.StartedAt, c.DueAt, c.WarnAt, DealMapper.StateName(c.State), c.FinishedAt, c.OwnerId,
        IsoDuration.Format(c.Limit), c.Overrun is { } o ? IsoDuration.Format(o) : null, c.BreachedAt);
}
