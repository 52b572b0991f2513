using System.Text.Json;
using Crm.Api.Auth;
using Crm.Api.Clients;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Interactions;

/// <summary>
/// The interaction journal of deals and clients. An interaction on a deal goes through the engine first (it sets the
/// deal's last interaction, which next-step alerts depend on, counts for the stage's requirements and adds the history
/// entry), and is then written to the journal table; one on a client alone goes straight to the table.
/// </summary>
public sealed class InteractionJournal(CrmDbContext db, DealCommandProcessor processor, DealQueries queries, UserDirectory directory, IClock clock)
{
    private const int MaxListed = 500;

    public async Task<ServiceResult<DealView>> RecordOnDealAsync(Caller caller, string dealId, InteractionRequest body, CancellationToken ct)
    {
        var errors = await CheckAsync(body, ct);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);
        var contact = body.ContactId is { } contactId ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct) : null;
        var record = NewRecord(body, caller, dealId, contact?.ClientId);
        var details = new Dictionary<string, object?>
        {
            ["interactionId"] = record.Id,
            ["kind"] = record.Kind,
            ["at"] = record.At.ToString(),
            ["text"] = record.Text,
            ["result"] = record.Result,
            ["topic"] = record.Topic,
            ["contactId"] = record.ContactId,
        };
        var visible = DealVisibility.Guard(caller, directory);
        var command = DealCommand.RecordInteraction(dealId, new LoggedInteraction(record.Kind, record.At, Filled(record), Id: record.Id), caller.Id, details)
            .WithGuard(deal => visible(deal) ?? ContactOfDeal(deal, contact));
        var result = await processor.SubmitAsync(command, CancellationToken.None);
        if (result.Error is { } error)
            return ServiceFailure.From(error);
        record.ClientId = result.Deal.ClientId ?? contact?.ClientId;
        await JournalNumbering.AddNumberedAsync(db, record, CancellationToken.None);
        return (await queries.GetAsync(dealId, Caller.System, ct))!;
    }

    public async Task<ServiceResult<InteractionView>> RecordOnClientAsync(Caller caller, string clientId, InteractionRequest body, CancellationToken ct)
    {
        var errors = await CheckAsync(body, ct);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct))
            return new ServiceFailure.NotFound($"Client '{clientId}' does not exist.");
        if (body.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.ClientId == clientId, ct))
            return ServiceFailure.Field("contactId", $"Contact '{contactId}' is not one of this client's people.");
        var record = NewRecord(body, caller, null, clientId);
        await JournalNumbering.AddNumberedAsync(db, record, ct);
        return (await ViewsAsync([record], ct))[0];
    }

    /// <summary>
    /// An entry nobody signed in wrote (a website lead's message): the engine command for the deal, and the journal row to
    /// save once that command is committed.
    /// </summary>
    internal (DealCommand Command, InteractionRecord Record) Unattended(string dealId, string? clientId, string? contactId, string topic, string text)
    {
        var now = clock.GetCurrentInstant();
        var record = new InteractionRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            DealId = dealId,
            ClientId = clientId,
            ContactId = contactId,
            Kind = InteractionKinds.Note,
            At = now,
            Text = text,
            Topic = topic,
            SearchText = ContactKeys.Search(topic, text),
            CreatedAt = now,
        };
        var details = new Dictionary<string, object?>
        {
            ["interactionId"] = record.Id,
            ["kind"] = record.Kind,
            ["at"] = now.ToString(),
            ["text"] = text,
            ["topic"] = topic,
            ["contactId"] = contactId,
        };
        return (DealCommand.RecordInteraction(dealId, new LoggedInteraction(record.Kind, now, Filled(record), Id: record.Id), null, details), record);
    }

    internal Task SaveAsync(InteractionRecord record) => JournalNumbering.AddNumberedAsync(db, record, CancellationToken.None);

    /// <summary>
    /// The deal's journal with those of the duplicates merged into it, newest first; <paramref name="clientWide"/> gives the
    /// whole journal of the deal's client instead (whoever sees one of a client's deals works with the client).
    /// Entries of a merged duplicate keep the numbers they got on it, and name that deal.
    /// </summary>
    public async Task<ServiceResult<List<InteractionView>>> ListForDealAsync(string dealId, string? q, string? managerId, bool clientWide, Caller caller, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().VisibleTo(caller, directory).Where(d => d.Id == dealId).Select(d => new { d.Data, d.ClientId }).FirstOrDefaultAsync(ct);
        if (deal is null)
            return new ServiceFailure.NotFound($"Deal '{dealId}' does not exist.");
        var merged = JsonSerializer.Deserialize<DealData>(deal.Data, DealData.Options)?.MergedDealIds ?? [];
        var ids = merged.Prepend(dealId).ToArray();
        var query = db.Interactions.AsNoTracking().Where(i => i.DealId != null && ids.Contains(i.DealId));
        if (clientWide && deal.ClientId is { } clientId)
            query = WholeClient(clientId).Union(query);
        return await ViewsAsync(await Newest(Search(ByManager(query, managerId), q)).ToListAsync(ct), ct);
    }

    /// <summary>
    /// The client's journal, newest first: for those who work with the client (<see cref="ClientSight"/>) every entry on the
    /// client and on all its deals; for others the client's own entries and those of the deals they see.
    /// </summary>
    public async Task<ServiceResult<List<InteractionView>>> ListForClientAsync(string clientId, string? q, string? managerId, Caller caller, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.ResponsibleId }).FirstOrDefaultAsync(ct);
        if (client is null)
            return new ServiceFailure.NotFound($"Client '{clientId}' does not exist.");
        IQueryable<InteractionRecord> query;
        if (await db.WorksWithAsync(caller, directory, clientId, client.ResponsibleId, ct))
        {
            query = WholeClient(clientId);
        }
        else
        {
            var visibleDeals = db.Deals.AsNoTracking().VisibleTo(caller, directory).Select(d => d.Id);
            query = db.Interactions.AsNoTracking().Where(i => i.ClientId == clientId && (i.DealId == null || visibleDeals.Contains(i.DealId)));
        }
        return await ViewsAsync(await Newest(Search(ByManager(query, managerId), q)).ToListAsync(ct), ct);
    }

    /// <summary>Entries on the client, on its deals (also those written before the deal got its client), and on the duplicates merged into them.</summary>
    private IQueryable<InteractionRecord> WholeClient(string clientId)
    {
        var deals = db.Deals.AsNoTracking().Where(d => d.ClientId == clientId).Select(d => d.Id);
        return db.Interactions.AsNoTracking().Where(i => i.ClientId == clientId || (i.DealId != null && deals.Contains(i.DealId)));
    }

    private static IQueryable<InteractionRecord> ByManager(IQueryable<InteractionRecord> query, string? managerId) =>
        string.IsNullOrWhiteSpace(managerId) ? query : query.Where(i => i.By == managerId);

    private async Task<Dictionary<string, string[]>> CheckAsync(InteractionRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!InteractionKinds.IsKnown(body.Kind))
            errors["kind"] = [$"kind is one of {string.Join(", ", InteractionKinds.All)}."];
        if (string.IsNullOrWhiteSpace(body.Text) && !Activities.ActivityKinds.IsQuick(body.Result))
            errors["text"] = ["Say what happened."];
        else
            TextLimits.Check(errors, "text", body.Text, TextLimits.Comment);
        TextLimits.Check(errors, "topic", body.Topic, TextLimits.Name);
        if (body.Result is { } result && !await db.InDictionaryAsync(DictionaryKinds.WorkResults, result, ct))
            errors["result"] = [$"'{result}' is not in the work-results dictionary."];
        if (body.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
            errors["contactId"] = [$"Contact '{contactId}' does not exist."];
        return errors;
    }

    private static EngineError? ContactOfDeal(DealInstance deal, ContactRecord? contact) =>
        contact is null || deal.ContactIds.Contains(contact.Id) || deal.ClientId == contact.ClientId
            ? null
            : new EngineError(EngineErrorKind.Invalid, "contact-not-of-deal", $"Contact '{contact.Name}' is not one of this deal's client's people.",
                new Dictionary<string, string[]> { ["contactId"] = [$"Contact '{contact.Id}' is not one of this deal's client's people."] });

    private InteractionRecord NewRecord(InteractionRequest body, Caller caller, string? dealId, string? clientId)
    {
        var now = clock.GetCurrentInstant();
        var text = (body.Text ?? "").Trim();
        var topic = string.IsNullOrWhiteSpace(body.Topic) ? null : body.Topic.Trim();
        return new InteractionRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            DealId = dealId,
            ClientId = clientId,
            ContactId = body.ContactId,
            Kind = body.Kind!,
            At = body.At ?? now,
            Text = text,
            Topic = topic,
            Result = body.Result,
            By = caller.Id,
            SearchText = ContactKeys.Search(topic, text),
            CreatedAt = now,
        };
    }

    /// <summary>The fields a stage requirement may ask of the interaction (its date is always there).</summary>
    internal static string[] Filled(InteractionRecord r) =>
        [.. new (string Name, bool Has)[] { ("at", true), ("contact", r.ContactId is not null), ("topic", r.Topic is not null), ("result", r.Result is not null), ("text", r.Text.Length > 0) }
            .Where(f => f.Has).Select(f => f.Name)];

    private static IQueryable<InteractionRecord> Search(IQueryable<InteractionRecord> query, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return query;
        var key = ContactKeys.Search(q);
        return query.Where(i => i.SearchText.Contains(key));
    }

    private static IQueryable<InteractionRecord> Newest(IQueryable<InteractionRecord> query) =>
        query.OrderByDescending(i => i.At).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(MaxListed);

    internal async Task<List<InteractionView>> ViewsAsync(IReadOnlyList<InteractionRecord> records, CancellationToken ct)
    {
        var results = await db.Dictionaries.AsNoTracking().Where(d => d.Kind == DictionaryKinds.WorkResults).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var dealIds = records.Where(r => r.DealId is not null).Select(r => r.DealId!).Distinct().ToList();
        var titles = dealIds.Count == 0 ? [] : await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        return [.. records.Select(r => new InteractionView(r.Id, r.DealId, r.ClientId, r.ContactId, r.Kind, r.At, r.Text, r.Topic, r.Result,
            r.Result is not null ? results.GetValueOrDefault(r.Result) : null, r.By, r.CreatedAt,
            r.Number, r.DealId is not null ? titles.GetValueOrDefault(r.DealId) : null, directory.Find(r.By)?.Name, r.EditedAt, r.Revisions))];
    }
}
