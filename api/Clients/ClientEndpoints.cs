using Crm.Api.Deals;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Clients;

/// <summary>
/// Clients and their contacts. Every signed-in user reads and edits them: a client is shared by the company, while
/// who sees which deal is still decided per deal.
/// </summary>
public static class ClientEndpoints
{
    public static void MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients");

        group.MapGet("", async (string? q, string? segment, string? responsibleId, int? limit, CrmDbContext db, UserDirectory directory, CancellationToken ct) =>
        {
            var query = string.IsNullOrWhiteSpace(segment) ? db.Clients.AsNoTracking() : db.InSegment(segment).AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q))
            {
                var key = ContactKeys.Search(q);
                query = query.Where(c => c.NameKey.Contains(key));
            }
            if (!string.IsNullOrWhiteSpace(responsibleId))
                query = query.Where(c => c.ResponsibleId == responsibleId);
            var clients = await query.OrderBy(c => c.NameKey).Take(Math.Clamp(limit ?? 200, 1, 2000)).ToListAsync(ct);
            return Results.Ok(clients.Select(c => Named(ClientBook.Card(c), directory)));
        });

        group.MapPost("", async (ClientRequest body, HttpContext http, ClientBook book, UserDirectory directory, CancellationToken ct) =>
        {
            var db = book.Db;
            var errors = new Dictionary<string, string[]>();
            ClientRules.CheckClient(body, await ClientRules.SourcesAsync(db, ct), await ClientRules.SegmentsAsync(db, ct), errors);
            ClientRules.CheckResponsible(body.ResponsibleId, directory, errors);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            var client = book.NewClient(body.Name!, ClientRules.Kind(body.Kind)!, body.Source, body.Segments);
            client.ResponsibleId = body.ResponsibleId ?? http.Caller().Id;
            var contacts = (body.Contacts ?? []).Select(c => book.NewContact(client.Id, c)).ToList();
            if (await DuplicateAsync(book, contacts, ct) is { } duplicate)
                return duplicate;
            db.Clients.Add(client);
            db.Contacts.AddRange(contacts);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/clients/{client.Id}", Named(ClientBook.Card(client, [.. contacts.Select(ClientBook.Card)], []), directory));
        });

        group.MapGet("/{id}", async (string id, HttpContext http, CrmDbContext db, UserDirectory directory, CancellationToken ct) =>
        {
            var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (client is null)
                return Problems.NotFound($"Client '{id}' does not exist.");
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.ClientId == id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
            var deals = await db.Deals.AsNoTracking().VisibleTo(http.Caller(), directory).Where(d => d.ClientId == id)
                .OrderByDescending(d => d.UpdatedAt).Select(d => new ClientDeal(d.Id, d.Title, d.State, d.StageId, d.OwnerId, d.Amount)).ToListAsync(ct);
            http.Response.Headers.ETag = $"\"{client.Version}\"";
            return Results.Ok(Named(ClientBook.Card(client, [.. contacts.Select(ClientBook.Card)], deals), directory));
        });

        group.MapPut("/{id}", async (string id, ClientRequest body, HttpContext http, CrmDbContext db, UserDirectory directory, IClock clock, CancellationToken ct) =>
        {
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var errors = new Dictionary<string, string[]>();
            ClientRules.CheckClient(body with { Contacts = null }, await ClientRules.SourcesAsync(db, ct), await ClientRules.SegmentsAsync(db, ct), errors);
            ClientRules.CheckResponsible(body.ResponsibleId, directory, errors);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (client is null)
                return Problems.NotFound($"Client '{id}' does not exist.");
            if (expected is { } version && version != client.Version)
                return Problems.Conflict($"The client has changed (version {client.Version}, you sent {version}); reload it and try again.", "stale-version");
            client.Name = body.Name!.Trim();
            client.NameKey = ContactKeys.Search(client.Name);
            client.Kind = ClientRules.Kind(body.Kind)!;
            client.Source = body.Source;
            client.Segments = ClientRules.Clean(body.Segments);
            client.ResponsibleId = body.ResponsibleId ?? client.ResponsibleId;
            client.UpdatedAt = clock.GetCurrentInstant();
            client.Version++;
            if (!await db.TrySaveAsync(ct))
                return Problems.Conflict("The client changed meanwhile; reload it and try again.", "stale-version");
            http.Response.Headers.ETag = $"\"{client.Version}\"";
            return Results.Ok(Named(ClientBook.Card(client), directory));
        });

        group.MapGet("/{id}/contacts", async (string id, CrmDbContext db, CancellationToken ct) =>
        {
            if (!await db.Clients.AnyAsync(c => c.Id == id, ct))
                return Problems.NotFound($"Client '{id}' does not exist.");
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.ClientId == id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
            return Results.Ok(contacts.Select(ClientBook.Card));
        });

        group.MapPost("/{id}/contacts", async (string id, ContactRequest body, bool? allowDuplicate, ClientBook book, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            ClientRules.CheckContact(body, errors);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            if (!await book.Db.Clients.AnyAsync(c => c.Id == id, ct))
                return Problems.NotFound($"Client '{id}' does not exist.");
            var contact = book.NewContact(id, body);
            if (allowDuplicate != true && await DuplicateAsync(book, [contact], ct) is { } duplicate)
                return duplicate;
            book.Db.Contacts.Add(contact);
            await book.Db.SaveChangesAsync(ct);
            return Results.Created($"/api/contacts/{contact.Id}", ClientBook.Card(contact));
        });
    }

    /// <summary>409 naming the existing contact when one of these shares an e-mail or phone with it.</summary>
    internal static async Task<IResult?> DuplicateAsync(ClientBook book, IReadOnlyList<ContactRecord> contacts, CancellationToken ct, string? exceptId = null)
    {
        foreach (var contact in contacts)
        {
            if (await book.FindContactAsync(contact.Emails, contact.Phones, ct, exceptId) is { } existing)
            {
                return Problems.Conflict($"Contact '{existing.Name}' already has this e-mail or phone.", "duplicate",
                    new Dictionary<string, object?> { ["existingContactId"] = existing.Id, ["existingClientId"] = existing.ClientId });
            }
        }
        return null;
    }

    private static ClientCard Named(ClientCard card, UserDirectory directory) =>
        card with { ResponsibleName = directory.Find(card.ResponsibleId)?.Name };
}
