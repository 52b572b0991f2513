using Crm.Api.Calendars;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Infrastructure;

/// <summary>Before the host serves: bring the schema up to date, seed an empty database, load what the engine keeps in memory.</summary>
internal sealed class StartupInitializer(
    IDbContextFactory<CrmDbContext> contexts,
    IOptions<CrmOptions> options,
    DemoSeeder seeder,
    CalendarLoader calendars,
    UserDirectory directory,
    ILogger<StartupInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        await seeder.SeedEssentialsAsync(cancellationToken);
        await calendars.LoadAllAsync(cancellationToken);
        await seeder.SeedWorkflowsAsync(cancellationToken);
        if (options.Value.SeedDemoData)
            await seeder.SeedDemoAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        if (options.Value.SeedDemoData)
            await seeder.SeedDemoDealsAsync(cancellationToken);
        logger.LogInformation("Database ready.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
