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
    public sealed record Filter(string? OwnerId, string? WorkflowId, string? StageId, string? State, string? Sla, int Limit)
    {
        /// <summary>Source, text and overdue, applied as the board applies them.</summary>
        public DealFilter Narrowing { get; init; } = new();
    }

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
        var records = await query.OrderByDescending(d => d.UpdatedAt).Take(filter.Limit).ToListAsync(ct);
        return await ViewsAsync(db, records, ct);
    }

    /// <summary>List views of stored deals, with their running clocks, in the order given.</summary>
    public async Task<IReadOnlyList<DealView>> ViewsAsync(CrmDbContext db, IReadOnlyList<DealRecord> records, CancellationToken ct)
    {
        var ids = records.Select(r => r.Id).ToArray();
        var clocks = (await db.Clocks.AsNoTracking().Where(c => ids.Contains(c.DealId) && c.FinishedAt == null).ToListAsync(ct))
            .ToLookup(c => c.DealId, StringComparer.Ordinal);
        var views = new List<DealView>(records.Count);
        foreach (var record in records)
            views.Add(await ViewAsync(DealMapper.ToDeal(record, clocks[record.Id]), null, ct));
        return views;
    }

    public async Task<DealView> ViewAsync(DealInstance deal, IReadOnlyList<HistoryView>? history, CancellationToken ct, IReadOnlyList<ContactCard>? contacts = null)
    {
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
            deal.NextStep is { } next ? new NextStepView(next.At, next.What) : null,
            deal.Fields,
            deal.Version, deal.CreatedAt, deal.UpdatedAt, deal.ClosedAt,
            [.. deal.Clocks.Select(ClockViewOf)],
            history,
            deal.ClientId, deal.ContactIds, deal.MergedDealIds, contacts, directory.Find(deal.OwnerId)?.Name);
    }

    private static ClockView ClockViewOf(RegulationClock c) => new(
        c.Id, c.RegulationId, c.Name, c.StageId, c.StartedAt, c.DueAt, c.WarnAt, DealMapper.StateName(c.State), c.FinishedAt, c.OwnerId,
        IsoDuration.Format(c.Limit), c.Overrun is { } o ? IsoDuration.Format(o) : null, c.BreachedAt);
}
