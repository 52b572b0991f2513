using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crm.Api.Tests.Persistence.DealSamples;

namespace Crm.Api.Tests.Persistence;

public sealed class EfDealStoreTests
{
    [Fact]
    public async Task CommitAsync_NewDealWithClocksEventsAndAlerts_ReadsBackIdentically()
    {
        await using var database = await StoreDatabase.CreateAsync();
        var deal = Deal("d1");
        var paused = RunningClock("c-paused", stageId: null);
        paused.RunningSince = null;
        paused.State = ClockState.Paused;
        paused.DueAt = null;
        deal.Clocks.AddRange([RunningClock("c-running"), paused]);
        var changes = new DealChanges();
        changes.ClockStarted("c-running");
        changes.ClockStarted("c-paused");
        changes.Record(Now, "manager-1", "moved", new Dictionary<string, object?> { ["from"] = null, ["to"] = "contacts" });
        changes.Raise(Alert("d1"));

        await database.Store.CommitAsync([new DealWrite(deal, 0, changes)], CancellationToken.None);

        var loaded = (await database.Store.LoadAsync(["d1", "missing"], CancellationToken.None)).ShouldHaveSingleItem().Value;
        Row(DealMapper.ToRecord(loaded)).ShouldBe(Row(DealMapper.ToRecord(deal)));
        ClockRows(loaded).ShouldBe(ClockRows(deal));
        await using var db = database.CreateDbContext();
        var events = await db.DealEvents.Where(e => e.DealId == "d1").OrderBy(e => e.Id).ToListAsync();
        events.Select(e => (e.At, e.By, e.Kind)).ShouldBe([(Now, "manager-1", "moved"), (Now, null, "alert")]);
        events[0].DetailsJson.ShouldBe("""{"from":null,"to":"contacts"}""");
        var alert = await db.Alerts.SingleAsync();
        (alert.Id, alert.RecipientId, alert.DueAt, alert.RaisedAt, alert.Message).ShouldBe(("alert-d1", "manager-1", Now + Duration.FromHours(1), Now, "One hour left."));
    }

    [Fact]
    public async Task CommitAsync_StaleLoadedVersion_ThrowsAndWritesNothingOfTheBatch()
    {
        await using var database = await StoreDatabase.CreateAsync();
        await SeedAsync(database, "a", "c");
        var loaded = await database.Store.LoadAsync(["a", "c"], CancellationToken.None);
        var before = await SnapshotAsync(database);

        var fresh = Moved(loaded["c"], out var freshChanges);
        fresh.Clocks.Add(RunningClock("c-new"));
        freshChanges.ClockStarted("c-new");
        var stale = Moved(loaded["a"], out var staleChanges);
        var batch = new List<DealWrite>
        {
            new(fresh, loaded["c"].Version, freshChanges) { Loaded = loaded["c"] },
            new(Deal("b"), 0, NewDealChanges()),
            new(stale, loaded["a"].Version + 4, staleChanges) { Loaded = loaded["a"] },
        };

        await Should.ThrowAsync<DealConcurrencyException>(() => database.Store.CommitAsync(batch, CancellationToken.None));

        (await SnapshotAsync(database)).ShouldBe(before);
    }

    [Fact]
    public async Task CommitAsync_DealChangedSinceLoaded_Throws()
    {
        await using var database = await StoreDatabase.CreateAsync();
        await SeedAsync(database, "a");
        var first = (await database.Store.LoadAsync(["a"], CancellationToken.None))["a"];
        var second = (await database.Store.LoadAsync(["a"], CancellationToken.None))["a"];
        var winner = Moved(first, out var winnerChanges);
        await database.Store.CommitAsync([new DealWrite(winner, first.Version, winnerChanges) { Loaded = first }], CancellationToken.None);

        var loser = Moved(second, out var loserChanges);
        await Should.ThrowAsync<DealConcurrencyException>(() =>
            database.Store.CommitAsync([new DealWrite(loser, second.Version, loserChanges) { Loaded = second }], CancellationToken.None));

        (await database.Store.LoadAsync(["a"], CancellationToken.None))["a"].Version.ShouldBe(winner.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CommitAsync_NewAndExistingClocks_RoundTrip(bool storeKnowsLoadedState)
    {
        await using var database = await StoreDatabase.CreateAsync();
        var seeded = Deal("d1");
        var finished = RunningClock("c-finished", "requirements");
        finished.FinishedAt = Now - Duration.FromMinutes(20);
        finished.RunningSince = null;
        finished.State = ClockState.Met;
        finished.Overrun = Duration.Zero;
        seeded.Clocks.AddRange([finished, RunningClock("c-stage"), RunningClock("c-funnel", stageId: null)]);
        var seedChanges = NewDealChanges();
        foreach (var clock in seeded.Clocks)
            seedChanges.ClockStarted(clock.Id);
        await database.Store.CommitAsync([new DealWrite(seeded, 0, seedChanges)], CancellationToken.None);
        var loaded = (await database.Store.LoadAsync(["d1"], CancellationToken.None))["d1"];

        // The stage clock pauses, the funnel clock runs on untouched, and a new one starts.
        var moved = Moved(loaded, out var changes);
        var stage = moved.Clocks.Single(c => c.Id == "c-stage");
        stage.Consumed += Duration.FromMinutes(10);
        stage.RunningSince = null;
        stage.State = ClockState.Paused;
        stage.DueAt = null;
        stage.WarnAt = null;
        stage.NextEscalationAt = null;
        stage.OwnerId = "manager-2";
        moved.Clocks.Add(RunningClock("c-started", "paused"));
        changes.ClockStarted("c-started");
        await database.Store.CommitAsync([new DealWrite(moved, loaded.Version, changes) { Loaded = storeKnowsLoadedState ? loaded : null }], CancellationToken.None);

        var reloaded = (await database.Store.LoadAsync(["d1"], CancellationToken.None))["d1"];
        ClockRows(reloaded).ShouldBe(ClockRows(moved));
        Row(DealMapper.ToRecord(reloaded)).ShouldBe(Row(DealMapper.ToRecord(moved)));
    }

    [Fact]
    public void StoreTables_MatchTheEfModelColumnForColumn()
    {
        using var db = CrmContexts.Create(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite("Data Source=:memory:").Options);
        string[] Columns<T>(string? except = null) =>
        [.. db.Model.FindEntityType(typeof(T))!.GetProperties().Select(p => p.GetColumnName()).Where(c => c != except).Order(StringComparer.Ordinal)];

        StoreTables.Deals.ColumnNames.Order(StringComparer.Ordinal).ShouldBe(Columns<DealRecord>());
        StoreTables.Clocks.ColumnNames.Order(StringComparer.Ordinal).ShouldBe(Columns<ClockRecord>());
        StoreTables.DealEvents.ColumnNames.Order(StringComparer.Ordinal).ShouldBe(Columns<DealEventRecord>(except: "Id"));
        StoreTables.Alerts.ColumnNames.Order(StringComparer.Ordinal).ShouldBe(Columns<AlertRecord>());
        db.Model.FindEntityType(typeof(DealRecord))!.GetTableName().ShouldBe("Deals");
        db.Model.FindEntityType(typeof(ClockRecord))!.GetTableName().ShouldBe("Clocks");
        db.Model.FindEntityType(typeof(DealEventRecord))!.GetTableName().ShouldBe("DealEvents");
        db.Model.FindEntityType(typeof(AlertRecord))!.GetTableName().ShouldBe("Alerts");
    }

    private static async Task SeedAsync(StoreDatabase database, params string[] ids)
    {
        var writes = ids.Select(id =>
        {
            var deal = Deal(id);
            deal.Clocks.Add(RunningClock($"clock-{id}"));
            var changes = NewDealChanges();
            changes.ClockStarted($"clock-{id}");
            return new DealWrite(deal, 0, changes);
        }).ToList();
        await database.Store.CommitAsync(writes, CancellationToken.None);
    }

    private static DealChanges NewDealChanges()
    {
        var changes = new DealChanges();
        changes.Record(Now, null, "created", new Dictionary<string, object?>());
        return changes;
    }

    /// <summary>What the engine does to a loaded deal: a copy one version on, with one event.</summary>
    private static DealInstance Moved(DealInstance loaded, out DealChanges changes)
    {
        var moved = DealMapper.ToDeal(DealMapper.ToRecord(loaded), loaded.Clocks.Select(c => DealMapper.ToRecord(c, loaded)));
        moved.ActivityId = "paused";
        moved.ReturnStageId = "contacts";
        moved.UpdatedAt = Now + Duration.FromSeconds(1);
        moved.Version = loaded.Version + 1;
        changes = new DealChanges();
        changes.Record(moved.UpdatedAt, "manager-1", "moved", new Dictionary<string, object?> { ["to"] = "paused" });
        return moved;
    }

    private static async Task<string> SnapshotAsync(StoreDatabase database)
    {
        await using var db = database.CreateDbContext();
        var deals = await db.Deals.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        var clocks = await db.Clocks.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var events = await db.DealEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var alerts = await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        return string.Join("\n", deals.Select(d => string.Join("|", Row(d)))
            .Concat(clocks.Select(c => string.Join("|", Row(c))))
            .Concat(events.Select(e => $"{e.Id}|{e.DealId}|{e.Kind}|{e.DetailsJson}"))
            .Concat(alerts.Select(a => a.Id)));
    }

    private static object[] Row(DealRecord record) => [.. StoreTables.Deals.Columns.Select(c => c.Value(record))];

    private static object[] Row(ClockRecord record) => [.. StoreTables.Clocks.Columns.Select(c => c.Value(record))];

    private static string[] ClockRows(DealInstance deal) =>
        [.. deal.Clocks.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => string.Join("|", Row(DealMapper.ToRecord(c, deal))))];
}
