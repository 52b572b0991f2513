using System.Text.Json;
using Crm.Api.Auth;
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
        var command = DealCommand.RecordInteraction(dealId, new LoggedInteraction(record.Kind, record.At, Filled(record)), caller.Id, details)
            .WithGuard(deal => visible(deal) ?? ContactOfDeal(deal, contact));
        var result = await processor.SubmitAsync(command, CancellationToken.None);
        if (result.Error is { } error)
            return ServiceFailure.From(error);
        record.ClientId = result.Deal.ClientId ?? contact?.ClientId;
        db.Interactions.Add(record);
        await db.SaveChangesAsync(CancellationToken.None);
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
        db.Interactions.Add(record);
        await db.SaveChangesAsync(ct);
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
        return (DealCommand.RecordInteraction(dealId, new LoggedInteraction(record.Kind, now, Filled(record)), null, details), record);
    }

    internal async Task SaveAsync(InteractionRecord record)
    {
        db.Interactions.Add(record);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The deal's journal with those of the duplicates merged into it, newest first.</summary>
    public async Task<ServiceResult<List<InteractionView>>> ListForDealAsync(string dealId, string? q, Caller caller, CancellationToken ct)
    {
        var data = await db.Deals.AsNoTracking().VisibleTo(caller, directory).Where(d => d.Id == dealId).Select(d => d.Data).FirstOrDefaultAsync(ct);
        if (data is null)
            return new ServiceFailure.NotFound($"Deal '{dealId}' does not exist.");
        var merged = JsonSerializer.Deserialize<DealData>(data, DealData.Options)?.MergedDealIds ?? [];
        var ids = merged.Prepend(dealId).ToArray();
        var query = Search(db.Interactions.AsNoTracking().Where(i => i.DealId != null && ids.Contains(i.DealId)), q);
        return await ViewsAsync(await Newest(query).ToListAsync(ct), ct);
    }

    /// <summary>The client's journal: its own entries and those of its deals the caller may see, newest first.</summary>
    public async Task<ServiceResult<List<InteractionView>>> ListForClientAsync(string clientId, string? q, Caller caller, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct))
            return new ServiceFailure.NotFound($"Client '{clientId}' does not exist.");
        var visibleDeals = db.Deals.AsNoTracking().VisibleTo(caller, directory).Select(d => d.Id);
        var query = Search(db.Interactions.AsNoTracking().Where(i => i.ClientId == clientId && (i.DealId == null || visibleDeals.Contains(i.DealId))), q);
        return await ViewsAsync(await Newest(query).ToListAsync(ct), ct);
    }

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
    private static string[] Filled(InteractionRecord r) =>
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

    private async Task<List<InteractionView>> ViewsAsync(IReadOnlyList<InteractionRecord> records, CancellationToken ct)
    {
        var results = await db.Dictionaries.AsNoTracking().Where(d => d.Kind == DictionaryKinds.WorkResults).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. records.Select(r => new InteractionView(r.Id, r.DealId, r.ClientId, r.ContactId, r.Kind, r.At, r.Text, r.Topic, r.Result,
            r.Result is not null ? results.GetValueOrDefault(r.Result) : null, r.By, r.CreatedAt))];
    }
}
