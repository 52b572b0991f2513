using Crm.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Clients;

public static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/contacts/{id}", async (string id, HttpContext http, ClientBook book, CancellationToken ct) =>
        {
            var contact = await book.Db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (contact is null)
                return Problems.NotFound($"Contact '{id}' does not exist.");
            http.Response.Headers.ETag = $"\"{contact.Version}\"";
            return Results.Ok(ClientBook.Card(contact));
        });

        app.MapPut("/api/contacts/{id}", async (string id, ContactRequest body, bool? allowDuplicate, HttpContext http, ClientBook book, IClock clock, CancellationToken ct) =>
        {
            if (!http.Request.TryIfMatch(out var expected))
                return Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".");
            var errors = new Dictionary<string, string[]>();
            ClientRules.CheckContact(body, errors);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            var contact = await book.Db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (contact is null)
                return Problems.NotFound($"Contact '{id}' does not exist.");
            if (expected is { } version && version != contact.Version)
                return Problems.Conflict($"The contact has changed (version {contact.Version}, you sent {version}); reload it and try again.", "stale-version");
            ClientBook.Fill(contact, body);
            if (allowDuplicate != true && await ClientEndpoints.DuplicateAsync(book, [contact], ct, exceptId: contact.Id) is { } duplicate)
                return duplicate;
            contact.UpdatedAt = clock.GetCurrentInstant();
            contact.Version++;
            if (!await book.Db.TrySaveAsync(ct))
                return Problems.Conflict("The contact changed meanwhile; reload it and try again.", "stale-version");
            http.Response.Headers.ETag = $"\"{contact.Version}\"";
            return Results.Ok(ClientBook.Card(contact));
        });
    }
}
