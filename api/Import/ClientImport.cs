using Crm.Api.Audit;
using Crm.Api.Clients;
using Crm.Api.Dictionaries;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Import;

/// <summary>
/// Imports clients and contacts from a table. Every row is checked first; with any bad row nothing is written. The
/// rest is written in one transaction. A row's contact is the same person as an existing one (in the database or
/// earlier in the file) when an e-mail or phone matches, and its client the same client when the name matches
/// ignoring case; matches are filled in (new phones, e-mails, segments) instead of duplicated, so importing the same
/// file again creates nothing. A responsible column names an active user by e-mail, id or name; a new client without one
/// is the importer's, like a client created by hand.
/// </summary>
public sealed class ClientImport(CrmDbContext db, IClock clock, ActingParty acting, Crm.Api.Directory.UserDirectory directory)
{
    private sealed record Row(int Number, string Client, string Kind, string? Source, List<string> Segments, ContactRequest? Contact, string? ResponsibleId = null);

    public async Task<(ImportReport Report, bool Written)> RunAsync(ImportTable table, bool preview, CancellationToken ct, string? importedBy = null)
    {
        var (map, ignored) = ImportColumns.Map(table.Header);
        var bad = new List<BadRow>();
        if (!map.ContainsKey(ImportColumns.Client))
            bad.Add(new BadRow(1, ImportColumns.Client, "The header has no client column (client, company, клиент, компания)."));
        var sources = await DictionaryAsync(DictionaryKinds.Sources, ct);
        var segments = await DictionaryAsync(DictionaryKinds.Segments, ct);
        var rows = new List<Row>();
        if (bad.Count == 0)
        {
            foreach (var row in table.Rows)
            {
                if (Check(row, map, sources, segments, bad) is { } valid && Responsible(row, map, bad) is var (ok, responsibleId) && ok)
                    rows.Add(valid with { ResponsibleId = responsibleId });
            }
        }
        var plan = new Plan(db, clock, importedBy);
        await plan.PrefetchAsync(rows, ct);
        foreach (var row in rows)
            await plan.AddAsync(row, ct);
        var report = new ImportReport(preview, table.Format, table.Encoding, table.Rows.Count, rows.Count, bad,
            new ImportCounts(plan.NewClients.Count, plan.MatchedClients.Count), new ImportCounts(plan.NewContacts.Count, plan.MatchedContacts.Count), ignored);
        if (preview || bad.Count > 0)
            return (report, false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var importing = acting.Act(acting.Current with { Via = AuditVia.Import });
        db.Clients.AddRange(plan.NewClients);
        db.Contacts.AddRange(plan.NewContacts);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (report, true);
    }

    /// <summary>The responsible manager a row names: an active user found by e-mail, id or name (any case).</summary>
    private (bool Ok, string? Id) Responsible(ImportRow row, Dictionary<string, int> map, List<BadRow> bad)
    {
        var text = ImportColumns.Cell(row, map, ImportColumns.Responsible);
        if (text.Length == 0)
            return (true, null);
        var user = directory.Users.Where(u => u.Active).FirstOrDefault(u =>
            string.Equals(u.Email, text, StringComparison.OrdinalIgnoreCase) || string.Equals(u.Id, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.Name, text, StringComparison.OrdinalIgnoreCase));
        if (user is not null)
            return (true, user.Id);
        bad.Add(new BadRow(row.Number, ImportColumns.Responsible, $"'{text}' is not an active user; give their e-mail or name."));
        return (false, null);
    }

    private static Row? Check(ImportRow row, Dictionary<string, int> map, Dictionary<string, string> sources, Dictionary<string, string> segments, List<BadRow> bad)
    {
        string Cell(string column) => ImportColumns.Cell(row, map, column);
        var before = bad.Count;
        void Bad(string column, string reason) => bad.Add(new BadRow(row.Number, column, reason));

        var client = Cell(ImportColumns.Client);
        if (client.Length == 0)
            Bad(ImportColumns.Client, "The client's name is missing.");
        else if (client.Length > 200)
            Bad(ImportColumns.Client, "The client's name is longer than 200 characters.");
        var kindText = Cell(ImportColumns.Kind);
        var kind = kindText.Length == 0 ? "company" : ClientRules.Kind(kindText);
        if (kind is null)
            Bad(ImportColumns.Kind, $"'{kindText}' is not a kind of client: company or person.");
        var sourceText = Cell(ImportColumns.Source);
        string? source = null;
        if (sourceText.Length > 0 && !sources.TryGetValue(sourceText, out source))
            Bad(ImportColumns.Source, $"'{sourceText}' is not in the sources dictionary.");
        var segmentIds = new List<string>();
        foreach (var segment in ImportColumns.Split(Cell(ImportColumns.Segments), ',', ';'))
        {
            if (segments.TryGetValue(segment, out var id))
                segmentIds.Add(id);
            else
                Bad(ImportColumns.Segments, $"'{segment}' is not in the segments dictionary.");
        }

        var name = Cell(ImportColumns.Contact);
        var phones = ImportColumns.Split(Cell(ImportColumns.Phones), ',', ';', '\n');
        var emails = ImportColumns.Split(Cell(ImportColumns.Emails), ',', ';', ' ', '\n');
        var position = Cell(ImportColumns.Position);
        var birthday = Cell(ImportColumns.Birthday);
        ContactRequest? contact = null;
        if (name.Length > 0 || phones.Count > 0 || emails.Count > 0 || position.Length > 0 || birthday.Length > 0)
        {
            contact = new ContactRequest(name, position.Length > 0 ? position : null, phones, emails, birthday.Length > 0 ? birthday : null);
            var errors = new Dictionary<string, string[]>();
            ClientRules.CheckContact(contact, errors);
            foreach (var (field, reasons) in errors)
                Bad(field == "name" ? ImportColumns.Contact : field, reasons[0]);
        }
        return bad.Count == before ? new Row(row.Number, client, kind!, source, segmentIds, contact) : null;
    }

    /// <summary>A dictionary by id and by name, so a sheet may say "website" or "Website form".</summary>
    private async Task<Dictionary<string, string>> DictionaryAsync(string kind, CancellationToken ct)
    {
        var entries = await db.Dictionaries.AsNoTracking().Where(d => d.Kind == kind).ToListAsync(ct);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            map.TryAdd(entry.Id, entry.Id);
            map.TryAdd(entry.Name.Trim(), entry.Id);
        }
        return map;
    }

    /// <summary>
    /// What the rows come to: new records, and existing (tracked) ones they fill in. The keys of every stored contact and
    /// client are read once, so a file of many thousand rows costs a query per match, not per row.
    /// </summary>
    private sealed class Plan(CrmDbContext db, IClock clock, string? importedBy)
    {
        private readonly Dictionary<string, ClientRecord> _clientsByName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ClientRecord> _clientsById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ContactRecord> _contactsByKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ContactRecord> _storedContactsById = new(StringComparer.Ordinal);
        private Dictionary<string, string>? _storedContacts;
        private Dictionary<string, string>? _storedClients;

        public List<ClientRecord> NewClients { get; } = [];
        public HashSet<ClientRecord> MatchedClients { get; } = [];
        public List<ContactRecord> NewContacts { get; } = [];
        public HashSet<ContactRecord> MatchedContacts { get; } = [];

        /// <summary>Loads, in chunks, every stored contact and client the rows will match.</summary>
        public async Task PrefetchAsync(IReadOnlyList<Row> rows, CancellationToken ct)
        {
            await LoadStoredKeysAsync(ct);
            var contactIds = rows.Where(r => r.Contact is not null)
                .SelectMany(r => Keys(r.Contact!.Emails ?? [], r.Contact.Phones ?? []))
                .Select(k => _storedContacts!.GetValueOrDefault(k)).OfType<string>().Distinct().ToList();
            foreach (var chunk in contactIds.Chunk(500))
            {
                foreach (var contact in await db.Contacts.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                    _storedContactsById[contact.Id] = contact;
            }
            var clientIds = rows.Select(r => _storedClients!.GetValueOrDefault(ContactKeys.Search(r.Client))).OfType<string>()
                .Concat(_storedContactsById.Values.Select(c => c.ClientId)).Distinct().ToList();
            foreach (var chunk in clientIds.Chunk(500))
            {
                foreach (var client in await db.Clients.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                    _clientsById[client.Id] = client;
            }
        }

        public async Task AddAsync(Row row, CancellationToken ct)
        {
            await LoadStoredKeysAsync(ct);
            var now = clock.GetCurrentInstant();
            var contact = row.Contact is { } c ? await FindContactAsync(c, ct) : null;
            var client = contact is not null ? await ClientByIdAsync(contact.ClientId, ct) : await FindClientAsync(row.Client, ct);
            if (client is null)
            {
                client = new ClientRecord { Id = ClientBook.NewId(), Name = row.Client, NameKey = ContactKeys.Search(row.Client), Kind = row.Kind, ResponsibleId = row.ResponsibleId ?? importedBy, CreatedAt = now, UpdatedAt = now };
                NewClients.Add(client);
            }
            else if (!NewClients.Contains(client))
            {
                MatchedClients.Add(client);
            }
            _clientsByName.TryAdd(client.NameKey, client);
            _clientsById.TryAdd(client.Id, client);
            if (FillClient(client, row) && !NewClients.Contains(client))
                Touch(client, now);

            if (row.Contact is not { } input)
                return;
            if (contact is null)
            {
                contact = new ContactRecord { Id = ClientBook.NewId(), ClientId = client.Id, Name = input.Name!, CreatedAt = now, UpdatedAt = now };
                ClientBook.Fill(contact, input);
                NewContacts.Add(contact);
            }
            else
            {
                if (!NewContacts.Contains(contact))
                    MatchedContacts.Add(contact);
                if (FillContact(contact, input) && !NewContacts.Contains(contact))
                {
                    contact.UpdatedAt = now;
                    contact.Version++;
                }
            }
            foreach (var key in Keys(contact.Emails, contact.Phones))
                _contactsByKey.TryAdd(key, contact);
        }

        private async Task LoadStoredKeysAsync(CancellationToken ct)
        {
            if (_storedContacts is not null)
                return;
            _storedContacts = new Dictionary<string, string>(StringComparer.Ordinal);
            var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.CreatedAt).Select(c => new { c.Id, c.EmailKeys, c.PhoneKeys }).ToListAsync(ct);
            foreach (var contact in contacts)
            {
                var emails = contact.EmailKeys.Split('|', StringSplitOptions.RemoveEmptyEntries);
                var phones = contact.PhoneKeys.Split('|', StringSplitOptions.RemoveEmptyEntries);
                foreach (var key in Keys(emails, phones))
                    _storedContacts.TryAdd(key, contact.Id);
            }
            _storedClients = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var client in await db.Clients.AsNoTracking().OrderBy(c => c.CreatedAt).Select(c => new { c.Id, c.NameKey }).ToListAsync(ct))
                _storedClients.TryAdd(client.NameKey, client.Id);
        }

        private async Task<ContactRecord?> FindContactAsync(ContactRequest input, CancellationToken ct)
        {
            var keys = Keys(input.Emails ?? [], input.Phones ?? []).ToList();
            foreach (var key in keys)
            {
                if (_contactsByKey.TryGetValue(key, out var known))
                    return known;
            }
            var storedId = keys.Select(k => _storedContacts!.GetValueOrDefault(k)).FirstOrDefault(id => id is not null);
            if (storedId is null)
                return null;
            var found = _storedContactsById.GetValueOrDefault(storedId) ?? await db.Contacts.FirstAsync(c => c.Id == storedId, ct);
            foreach (var key in Keys(found.Emails, found.Phones))
                _contactsByKey.TryAdd(key, found);
            return found;
        }

        private async Task<ClientRecord?> FindClientAsync(string name, CancellationToken ct)
        {
            var key = ContactKeys.Search(name);
            if (_clientsByName.TryGetValue(key, out var known))
                return known;
            return _storedClients!.TryGetValue(key, out var id) ? await ClientByIdAsync(id, ct) : null;
        }

        private async Task<ClientRecord> ClientByIdAsync(string id, CancellationToken ct) =>
            _clientsById.TryGetValue(id, out var known) ? known : await db.Clients.FirstAsync(c => c.Id == id, ct);

        private static IEnumerable<string> Keys(IEnumerable<string> emails, IEnumerable<string> phones) =>
            emails.Select(e => ContactKeys.Email(e)).Where(k => k is not null).Select(k => "e:" + k)
                .Concat(phones.Select(p => ContactKeys.PhoneSearch(p)).Where(k => k is not null).Select(k => "p:" + k));

        /// <summary>Adds what the row knows and the client lacks; true when anything changed.</summary>
        private static bool FillClient(ClientRecord client, Row row)
        {
            var changed = false;
            // Like the source: a client that has a responsible manager keeps them; one without gets the sheet's.
            if (client.ResponsibleId is null && row.ResponsibleId is not null)
            {
                client.ResponsibleId = row.ResponsibleId;
                changed = true;
            }
            if (client.Source is null && row.Source is not null)
            {
                client.Source = row.Source;
                changed = true;
            }
            foreach (var segment in row.Segments.Where(s => !client.Segments.Contains(s)))
            {
                client.Segments = [.. client.Segments, segment];
                changed = true;
            }
            return changed;
        }

        private static bool FillContact(ContactRecord contact, ContactRequest input)
        {
            var phones = ClientRules.Clean(contact.Phones.Concat(input.Phones ?? []));
            var emails = ClientRules.Clean(contact.Emails.Concat(input.Emails ?? []));
            // Same digits typed differently are the same phone: keep the first spelling.
            phones = [.. phones.GroupBy(ContactKeys.Phone).Select(g => g.First())];
            var changed = phones.Count != contact.Phones.Count || emails.Count != contact.Emails.Count;
            contact.Phones = phones;
            contact.Emails = emails;
            if (contact.Position is null && input.Position is not null)
            {
                contact.Position = input.Position;
                changed = true;
            }
            if (contact.Birthday is null && ClientRules.ParseBirthday(input.Birthday) is { } birthday)
            {
                contact.Birthday = birthday;
                changed = true;
            }
            if (changed)
                ClientBook.Rekey(contact);
            return changed;
        }

        private static void Touch(ClientRecord client, Instant now)
        {
            client.UpdatedAt = now;
            client.Version++;
        }
    }
}
