using Crm.Api.Auth;
using Crm.Api.Calendars;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Api.Infrastructure;

/// <summary>Before the host serves: bring the schema up to date, seed an empty database, load what the engine keeps in memory.</summary>
internal sealed class StartupInitializer(
    IDbContextFactory<CrmDbContext> contexts,
    IOptions<CrmOptions> options,
    DemoSeeder seeder,
    FirstAdmin firstAdmin,
    IHostEnvironment environment,
    CalendarLoader calendars,
    UserDirectory directory,
    ILogger<StartupInitializer> logger) : IHostedService
{
    // Any number every node agrees on: "crm-init" in ASCII.
    private const long InitLockKey = 0x63726d2d696e6974;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Nodes starting together on one PostgreSQL database take turns: one migrates and seeds, the next finds it done.
        await using var turn = options.Value.UsesPostgres ? await TakeTurnAsync(cancellationToken) : null;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
                RestrictSqliteFiles(db.Database.GetDbConnection().DataSource);
        }
        await seeder.SeedEssentialsAsync(cancellationToken);
        await calendars.LoadAllAsync(cancellationToken);
        await seeder.SeedWorkflowsAsync(cancellationToken);
        var demo = options.Value.SeedsDemoData(environment);
        if (demo)
            await seeder.SeedDemoAsync(cancellationToken);
        else
            await firstAdmin.EnsureAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        if (demo)
            await seeder.SeedDemoDealsAsync(cancellationToken);
        if (environment.IsProduction())
            await firstAdmin.WarnAboutDemoAccountsAsync(cancellationToken);
        logger.LogInformation("Database ready.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The database holds password hashes and every deal: owner-only, with its write-ahead log and shared memory.</summary>
    private static void RestrictSqliteFiles(string file)
    {
        if (string.IsNullOrEmpty(file) || file == ":memory:")
            return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            OwnerOnlyFiles.Restrict(file + suffix);
    }

    /// <summary>A session-level advisory lock on a connection of its own, released when the connection closes.</summary>
    private async Task<NpgsqlConnection> TakeTurnAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({InitLockKey})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
