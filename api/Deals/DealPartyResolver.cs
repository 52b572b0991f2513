using Crm.Api.Clients;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Deals;

/// <summary>
/// Works out the client and contacts of a new deal: linked by id (<c>clientId</c>, <c>contactIds</c>), or given inline,
/// in which case an existing contact with the same e-mail or phone, and an existing client of the same name, are
/// reused and the rest created. New records are only staged; the caller saves them with the deal.
/// </summary>
public sealed class DealPartyResolver(ClientBook book)
{
    public sealed record Parties(ClientRecord? Client, IReadOnlyList<ContactRecord> Contacts, IReadOnlyList<object> Created);

    public async Task<Parties> ResolveAsync(string? clientId, IReadOnlyList<string>? contactIds, ClientView? client, ContactView? contact,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (clientId is not null || contactIds is { Count: > 0 })
            return await LinkAsync(clientId, contactIds ?? [], errors, ct);
        return await FindOrCreateAsync(client, contact, ct);
    }

    private async Task<Parties> LinkAsync(string? clientId, IReadOnlyList<string> contactIds, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var db = book.Db;
        ClientRecord? client = null;
        if (clientId is not null && (client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, ct)) is null)
            errors["clientId"] = [$"Client '{clientId}' does not exist."];
        var ids = contactIds.Distinct(StringComparer.Ordinal).ToArray();
        var found = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var contacts = ids.Select(id => found.FirstOrDefault(c => c.Id == id)).ToList();
        var unknown = ids.Where((_, i) => contacts[i] is null).ToList();
        if (unknown.Count > 0)
            errors["contactIds"] = [$"No such contact: {string.Join(", ", unknown)}."];
        var known = contacts.Where(c => c is not null).Select(c => c!).ToList();
        if (client is null && clientId is null && known.Count > 0)
            client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == known[0].ClientId, ct);
        if (client is not null && known.Any(c => c.ClientId != client.Id))
            errors["contactIds"] = ["Every contact of a deal belongs to the deal's client."];
        return new Parties(client, known, []);
    }

    private async Task<Parties> FindOrCreateAsync(ClientView? inlineClient, ContactView? inlineContact, CancellationToken ct)
    {
        var created = new List<object>();
        var hasContact = inlineContact is not null && (inlineContact.Name ?? inlineContact.Email ?? inlineContact.Phone) is { Length: > 0 };
        ContactRecord? contact = null;
        ClientRecord? client = null;
        if (hasContact)
        {
            contact = await book.FindContactAsync([inlineContact!.Email], [inlineContact.Phone], ct);
            if (contact is not null)
                client = await book.Db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contact.ClientId, ct);
        }
        if (client is null && inlineClient is not null)
            client = await book.FindClientByNameAsync(inlineClient.Name, ct);
        if (client is null && (inlineClient is not null || hasContact))
        {
            client = inlineClient is not null
                ? book.NewClient(inlineClient.Name, inlineClient.Kind, null, null)
                : book.NewClient(NameOf(inlineContact!), "person", null, null);
            created.Add(client);
        }
        if (hasContact && contact is null)
        {
            contact = book.NewContact(client!.Id, new ContactRequest(NameOf(inlineContact!), inlineContact!.Position,
                inlineContact.Phone is { Length: > 0 } phone ? [phone] : [], inlineContact.Email is { Length: > 0 } email ? [email] : [], null));
            created.Add(contact);
        }
        return new Parties(client, contact is null ? [] : [contact], created);
    }

    private static string NameOf(ContactView contact) =>
        (contact.Name ?? contact.Email ?? contact.Phone ?? "").Trim() is { Length: > 0 } name ? name : "Unknown";
}
