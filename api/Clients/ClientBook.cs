using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Clients;

/// <summary>
/// Finds and builds client and contact records. A contact is the same person when any of its e-mails (ignoring case)
/// or phones (by their last ten digits, so 8 and +7 prefixes agree) match; a client is the same when its name matches ignoring case and surrounding spaces.
/// </summary>
public sealed class ClientBook(CrmDbContext db, IClock clock)
{
    public CrmDbContext Db => db;

    /// <summary>A contact that has any of these e-mails or phones, other than <paramref name="exceptId"/>.</summary>
    public async Task<ContactRecord?> FindContactAsync(IEnumerable<string?> emails, IEnumerable<string?> phones, CancellationToken ct, string? exceptId = null)
    {
        foreach (var key in emails.Select(ContactKeys.Email).Where(k => k is not null).Distinct())
        {
            var bar = $"|{key}|";
            if (await db.Contacts.FirstOrDefaultAsync(c => c.Id != exceptId && c.EmailKeys.Contains(bar), ct) is { } found)
                return found;
        }
        foreach (var key in phones.Select(ContactKeys.PhoneSearch).Where(k => k is not null).Distinct())
        {
            // Ten digits or more: the same number whatever the country prefix (8 or +7); shorter ones exactly.
            var pattern = key!.Length >= 10 ? $"{key}|" : $"|{key}|";
            if (await db.Contacts.FirstOrDefaultAsync(c => c.Id != exceptId && c.PhoneKeys.Contains(pattern), ct) is { } found)
                return found;
        }
        return null;
    }

    public Task<ClientRecord?> FindClientByNameAsync(string name, CancellationToken ct)
    {
        var key = ContactKeys.Search(name);
        return db.Clients.OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(c => c.NameKey == key, ct);
    }

    public ClientRecord NewClient(string name, string kind, string? source, IEnumerable<string>? segments)
    {
        var now = clock.GetCurrentInstant();
        return new ClientRecord
        {
            Id = NewId(),
            Name = name.Trim(),
            NameKey = ContactKeys.Search(name),
            Kind = kind,
            Source = source,
            Segments = ClientRules.Clean(segments),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public ContactRecord NewContact(string clientId, ContactRequest body)
    {
        var now = clock.GetCurrentInstant();
        var contact = new ContactRecord { Id = NewId(), ClientId = clientId, Name = body.Name!.Trim(), CreatedAt = now, UpdatedAt = now };
        Fill(contact, body);
        return contact;
    }

    /// <summary>Replaces a contact's data and recomputes its keys.</summary>
    public static void Fill(ContactRecord contact, ContactRequest body)
    {
        contact.Name = body.Name!.Trim();
        contact.NameKey = ContactKeys.Search(contact.Name);
        contact.Position = string.IsNullOrWhiteSpace(body.Position) ? null : body.Position.Trim();
        contact.Phones = ClientRules.Clean(body.Phones);
        contact.Emails = ClientRules.Clean(body.Emails);
        contact.Birthday = ClientRules.ParseBirthday(body.Birthday);
        Rekey(contact);
    }

    public static void Rekey(ContactRecord contact)
    {
        contact.EmailKeys = ContactKeys.Joined(contact.Emails.Select(ContactKeys.Email));
        contact.PhoneKeys = ContactKeys.Joined(contact.Phones.Select(ContactKeys.Phone));
    }

    public static ContactCard Card(ContactRecord c) => new(c.Id, c.ClientId, c.Name, c.Position, c.Phones, c.Emails, c.Birthday, c.Version);

    public static ClientCard Card(ClientRecord c, IReadOnlyList<ContactCard>? contacts = null, IReadOnlyList<ClientDeal>? deals = null) =>
        new(c.Id, c.Name, c.Kind, c.Source, c.Segments, c.Version, c.CreatedAt, c.UpdatedAt, contacts, deals, c.ResponsibleId);

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
