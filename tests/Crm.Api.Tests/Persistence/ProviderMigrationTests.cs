using Crm.Api.Persistence;
using Crm.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Crm.Api.Tests.Persistence;

/// <summary>
/// Each database has its own migration set. Both must describe today's model (so nobody forgets one of them), and both
/// must keep every id a user's database may already carry, so that an old database upgrades by applying only the new ones.
/// </summary>
public sealed class ProviderMigrationTests
{
    /// <summary>Ids that shipped when one neutral set served both databases; every set must keep them, in this order.</summary>
    private static readonly string[] Shipped =
    [
        "20261126110001_Initial", "20261126112607_Records", "20261126112749_Compliance", "20261126134458_ComplianceBreakdown",
        "20261202113117_RecordAudit", "20261202123435_AccountSecurity",
    ];

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = Sqlite("Data Source=:memory:");

        db.Database.HasPendingModelChanges().ShouldBeFalse("run api/Persistence/add-migration.sh <Name> after changing the model");
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        // Comparing the model with the set's snapshot needs no server.
        using var db = Postgres("Host=localhost;Database=never-opened");

        db.Database.HasPendingModelChanges().ShouldBeFalse("run api/Persistence/add-migration.sh <Name> after changing the model");
    }

    [Fact]
    public void BothSets_KeepEveryShippedId_AndHaveTheSameIds()
    {
        using var sqlite = Sqlite("Data Source=:memory:");
        using var postgres = Postgres("Host=localhost;Database=never-opened");
        var sqliteIds = sqlite.Database.GetMigrations().ToList();

        sqliteIds.Take(Shipped.Length).ShouldBe(Shipped);
        postgres.Database.GetMigrations().ShouldBe(sqliteIds);
    }

    [Fact]
    public async Task Migrate_ASqliteDatabaseAtTheLastSharedMigration_AppliesOnlyTheNewOnes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            await UpgradeAsync(() => Sqlite($"Data Source={file};Pooling=False"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migrate_APostgresDatabaseAtTheLastSharedMigration_AppliesOnlyTheNewOnes()
    {
        if (!TestDatabase.IsPostgres)
            return; // The PostgreSQL pass runs it (CRM_TEST_DATABASE=postgres); SQLite's twin above runs everywhere.
        var name = $"crm_test_upgrade{Guid.NewGuid():N}";
        var connection = TestDatabase.EnsurePostgres(name);
        try
        {
            await UpgradeAsync(() => Postgres(connection));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestDatabase.DropPostgres(name);
        }
    }

    /// <summary>A database as the last shared migration left it, with overruns kept as comma lists, brought up to date:
    /// only the migrations after it run, and every overrun of every day becomes a row of its own.</summary>
    private static async Task UpgradeAsync(Func<CrmDbContext> open)
    {
        await using (var old = open())
        {
            await old.GetService<IMigrator>().MigrateAsync(Shipped[^1]);
            (await old.Database.GetAppliedMigrationsAsync()).ShouldBe(Shipped);
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ClockTallies" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "Overruns", "LateHeldTicks")
                VALUES (20513, 'anna', 'b2b', 'first-call', 'qualify', 1, 3, '3600000000,600000000,3600000000', 0),
                       (20514, 'anna', 'b2b', 'first-call', '', 0, 1, '42', 0),
                       (20514, 'boris', 'b2b', 'first-call', '', 2, 0, NULL, 0);
                INSERT INTO "ClockTallyBlocks" ("Days", "Start", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "Overruns", "LateHeldTicks")
                VALUES (8, 20512, 'anna', 'b2b', 'first-call', 'qualify', 1, 3, '3600000000,600000000,3600000000', 0);
                """);
        }

        await using var db = open();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();

        pending.ShouldNotBeEmpty();
        pending.ShouldBe(db.Database.GetMigrations().Skip(Shipped.Length));
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        var rows = await db.ClockTallyOverruns.AsNoTracking().ToListAsync();
        rows.Select(o => $"{o.Day} {o.OwnerId} {o.StageId} {o.Ticks}").Order(StringComparer.Ordinal).ShouldBe(
        [
            "20513 anna qualify 3600000000",
            "20513 anna qualify 3600000000",
            "20513 anna qualify 600000000",
            "20514 anna  42",
        ]);
        (await db.ClockTallies.CountAsync()).ShouldBe(3);
    }

    private static CrmDbContext Sqlite(string connection) =>
        CrmContexts.Create(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connection).Options);

    private static CrmDbContext Postgres(string connection) =>
        CrmContexts.Create(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(connection).Options);
}
