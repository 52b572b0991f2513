using System.Text.RegularExpressions;
using Crm.Api.Audit;
using Crm.Api.Clients;
using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Api.Tests.Audit;

/// <summary>
/// The trail is complete by construction: every property of a client or contact, as EF maps it (so a property added
/// tomorrow is covered too), is audited through the change tracker, and nothing in the product writes them around it.
/// </summary>
public sealed partial class AuditCoverageTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;
    private IDbContextFactory<CrmDbContext> _contexts = null!;
    private ActingParty _acting = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync();
        _contexts = _host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        _acting = _host.Services.GetRequiredService<ActingParty>();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    [Fact]
    public void Bookkeeping_IsOnlyTheKeyTheTimesTheVersionAndTheDerivedSearchKeys()
    {
        // Leaving a field out of the trail is a decision: it has to be made here, in the open.
        AuditedFields.Bookkeeping.ShouldBe(["Id", "Version", "CreatedAt", "UpdatedAt", "NameKey", "EmailKeys", "PhoneKeys"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(typeof(ClientRecord))]
    [InlineData(typeof(ContactRecord))]
    public async Task Tracker_ChangingEachProperty_WritesAnEntryNamingIt(Type recordType)
    {
        var (clientId, contactId) = await SeedAsync();
        var otherClientId = (await SeedAsync()).ClientId;
        var entityId = recordType == typeof(ClientRecord) ? clientId : contactId;
        await using var model = await _contexts.CreateDbContextAsync();
        var properties = model.Model.FindEntityType(recordType)!.GetProperties().ToList();
        properties.Count.ShouldBeGreaterThan(5);

        foreach (var property in properties.Where(p => !p.IsPrimaryKey()))
        {
            var entriesBefore = await CountEntriesAsync(entityId);
            _host.Clock.Advance(Duration.FromMinutes(1));
            await using (var db = await _contexts.CreateDbContextAsync())
            using (_acting.Act(new AuditActor("coverage")))
            {
                var record = recordType == typeof(ClientRecord)
                    ? (object)await db.Clients.SingleAsync(c => c.Id == clientId)
                    : await db.Contacts.SingleAsync(c => c.Id == contactId);
                var entry = db.Entry(record).Property(property.Name);
                entry.CurrentValue = Different(property, entry.CurrentValue, otherClientId);
                await db.SaveChangesAsync();
            }

            var latest = await LatestEntryAsync(entityId);
            if (AuditedFields.Bookkeeping.Contains(property.Name))
            {
                // Bookkeeping alone is not a change anyone made.
                (await CountEntriesAsync(entityId)).ShouldBe(entriesBefore, property.Name);
                continue;
            }
            latest.Entry.At.ShouldBe(_host.Clock.GetCurrentInstant(), property.Name);
            latest.Entry.ActorId.ShouldBe("coverage");
            latest.Entry.Action.ShouldBe(AuditActions.Updated);
            latest.Changes.Select(c => c.Field).ShouldBe([AuditedFields.JsonName(property.Name)], property.Name);
        }
    }

    [Fact]
    public async Task Tracker_CreatingAndDeletingAContact_RecordsEveryValueItHad()
    {
        var (_, contactId) = await SeedAsync();

        await using (var db = await _contexts.CreateDbContextAsync())
        {
            db.Contacts.Remove(await db.Contacts.SingleAsync(c => c.Id == contactId));
            await db.SaveChangesAsync();
        }

        await using var read = await _contexts.CreateDbContextAsync();
        var entries = await read.AuditEntries.Where(e => e.EntityId == contactId).ToListAsync();
        entries.Select(e => e.Action).ShouldBe([AuditActions.Created, AuditActions.Deleted], ignoreOrder: true);
        entries.ShouldAllBe(e => e.ActorId == "system");
        var deleted = entries.Single(e => e.Action == AuditActions.Deleted);
        var changes = await read.AuditChanges.Where(c => c.EntryId == deleted.Id).ToListAsync();
        changes.ShouldContain(c => c.Field == "name" && c.Before == "Seed Person" && c.After == null);
        changes.ShouldContain(c => c.Field == "emails" && c.Before != null && c.Before.EndsWith("@coverage.test") && c.After == null);
        changes.ShouldContain(c => c.Field == "birthday" && c.Before == "1980-05-17");
    }

    [Fact]
    public async Task Tracker_ASaveThatLosesARace_LeavesNoEntryAndARetryWritesOne()
    {
        var (clientId, _) = await SeedAsync();
        await using var winner = await _contexts.CreateDbContextAsync();
        await using var loser = await _contexts.CreateDbContextAsync();
        var first = await winner.Clients.SingleAsync(c => c.Id == clientId);
        var second = await loser.Clients.SingleAsync(c => c.Id == clientId);
        first.Name = "Winner";
        first.Version++;
        await winner.SaveChangesAsync();

        second.Name = "Loser";
        second.Version++;
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());
        (await CountEntriesAsync(clientId)).ShouldBe(2);
        loser.Entry(second).OriginalValues.SetValues(await loser.Entry(second).GetDatabaseValuesAsync() ?? throw new InvalidOperationException());
        await loser.SaveChangesAsync();

        await using var read = await _contexts.CreateDbContextAsync();
        var updates = await read.AuditEntries.Where(e => e.EntityId == clientId && e.Action == AuditActions.Updated).Select(e => e.Id).ToListAsync();
        updates.Count.ShouldBe(2);
        var names = await read.AuditChanges.Where(c => updates.Contains(c.EntryId) && c.Field == "name").Select(c => c.After).ToListAsync();
        names.ShouldBe(["Winner", "Loser"], ignoreOrder: true);
    }

    [Fact]
    public void ApiSource_ChangesClientsAndContactsOnlyThroughTheTracker()
    {
        // ExecuteUpdate/ExecuteDelete and hand-written SQL skip SaveChanges, and with it the audit trail.
        var api = Path.Combine(RepositoryRoot(), "api");
        var offenders = System.IO.Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(api, f), Line: i + 1, Text: line)))
            .Where(l => BypassingWrite().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("await db.Clients.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Source, (string?)null));")]
    [InlineData("await book.Db.Contacts.ExecuteDeleteAsync(ct);")]
    [InlineData("await db.Database.ExecuteSqlRawAsync(\"UPDATE \\\"Contacts\\\" SET \\\"Phones\\\" = '[]'\");")]
    [InlineData("const string Sql = \"DELETE FROM Clients WHERE Id = @id\";")]
    [InlineData("INSERT INTO \\\"Clients\\\" (\\\"Id\\\") VALUES (@id)")]
    public void BypassingWrite_RecognizesWritesAroundTheTracker(string line) => BypassingWrite().IsMatch(line).ShouldBeTrue();

    [GeneratedRegex("""(Clients|Contacts)\b[^;]*\.Execute(Update|Delete)|(UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+\\?"?(Clients|Contacts)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex BypassingWrite();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Crm.sln not found above the test's folder.");
    }

    private async Task<(string ClientId, string ContactId)> SeedAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var book = new ClientBook(db, _host.Clock);
        var client = book.NewClient($"Seed {Guid.NewGuid():N}", "company", "website", ["top-100-city"]);
        var contact = book.NewContact(client.Id, new ContactRequest("Seed Person", "CFO", ["+7 495 000-00-01"], [$"{Guid.NewGuid():N}@coverage.test"], "1980-05-17"));
        db.Clients.Add(client);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return (client.Id, contact.Id);
    }

    private async Task<int> CountEntriesAsync(string entityId)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(e => e.EntityId == entityId);
    }

    private async Task<(AuditEntryRecord Entry, List<AuditChangeRecord> Changes)> LatestEntryAsync(string entityId)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var entry = await db.AuditEntries.Where(e => e.EntityId == entityId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).FirstAsync();
        return (entry, await db.AuditChanges.Where(c => c.EntryId == entry.Id).ToListAsync());
    }

    /// <summary>A value unlike <paramref name="current"/>; a property of a type not listed here fails the test until it is taught.</summary>
    private static object Different(IProperty property, object? current, string otherClientId)
    {
        if (property.IsForeignKey())
            return otherClientId;
        return current switch
        {
            List<string> list => new List<string>([.. list, "added-" + list.Count]),
            string text => text + " changed",
            null when property.ClrType == typeof(string) => "was empty",
            Instant instant => instant + Duration.FromHours(1),
            int number => number + 1,
            _ => throw new InvalidOperationException($"Teach this test how to change {property.DeclaringType.ClrType.Name}.{property.Name} ({property.ClrType.Name})."),
        };
    }
}
