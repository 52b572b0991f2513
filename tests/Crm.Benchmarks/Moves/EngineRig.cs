using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Api.Workflows;
using Crm.Engine.Abstractions;
using Crm.Engine.Calendars;
using Crm.Engine.Definitions;
using Crm.Engine.Hosting;
using Crm.Engine.Runtime;
using Crm.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Benchmarks.Moves;

/// <summary>
/// The product's write path without the web host: a fresh SQLite file (WAL, migrated), the real EF store, the
/// published-flowchart source, the engine and its single-writer processor, with b2b-sales published as version 1.
/// </summary>
internal sealed class EngineRig : IAsyncDisposable
{
    public const string WorkflowId = "b2b-sales";

    private readonly ServiceProvider _services;
    private readonly string _folder;

    private EngineRig(ServiceProvider services, string folder)
    {
        _services = services;
        _folder = folder;
        Store = services.GetRequiredService<MeasuredDealStore>();
        Processor = services.GetRequiredService<DealCommandProcessor>();
    }

    public MeasuredDealStore Store { get; }
    public DealCommandProcessor Processor { get; }
    public string DatabasePath => Path.Combine(_folder, "crm.db");

    public static async Task<EngineRig> StartAsync(string synchronous)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crm-bench-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        var pragmas = synchronous == "NORMAL" ? SqlitePragmas.NormalSync : SqlitePragmas.Instance;
        var connection = $"Data Source={Path.Combine(folder, "crm.db")};Pooling=True";

        var calendars = new CalendarRegistry();
        calendars.Set(CalendarCompiler.Compile(SampleCalendars.Moscow()).Calendar
            ?? throw new InvalidOperationException("The moscow sample calendar does not compile."));

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(SystemClock.Instance)
            .AddDbContextFactory<CrmDbContext, CrmContexts>(o => o.UseSqlite(connection).AddInterceptors(pragmas))
            .AddCrmEngine()
            .AddSingleton(calendars)
            .AddSingleton<ICalendarProvider>(calendars)
            .AddSingleton<UserDirectory>()
            .AddSingleton<IActivityEnvironment>(sp => sp.GetRequiredService<UserDirectory>())
            .AddSingleton<PublishedFlowcharts>()
            .AddSingleton<IFlowchartSource>(sp => sp.GetRequiredService<PublishedFlowcharts>())
            .AddSingleton<EfDealStore>()
            .AddSingleton(sp => new MeasuredDealStore(sp.GetRequiredService<EfDealStore>()))
            .AddSingleton<IDealStore>(sp => sp.GetRequiredService<MeasuredDealStore>())
            .AddSingleton<DealCommandProcessor>()
            .BuildServiceProvider();

        await PrepareDatabaseAsync(services);
        await services.GetRequiredService<DealCommandProcessor>().StartAsync();
        return new EngineRig(services, folder);
    }

    private static async Task PrepareDatabaseAsync(ServiceProvider services)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();

        var definition = BuiltInWorkflows.Load(WorkflowId);
        var compiled = services.GetRequiredService<WorkflowCompiler>().Compile(definition, 1);
        if (!compiled.IsValid)
            throw new InvalidOperationException($"{WorkflowId} does not compile: {string.Join("; ", compiled.Errors.Select(e => e.Message))}");
        var json = DefinitionJson.Write(definition);
        var now = SystemClock.Instance.GetCurrentInstant();
        db.Workflows.Add(new WorkflowRecord { Id = WorkflowId, Name = definition.Name, DraftJson = json, PublishedVersion = 1, UpdatedAt = now });
        db.WorkflowVersions.Add(new WorkflowVersionRecord { WorkflowId = WorkflowId, Number = 1, Json = json, PublishedAt = now, PublishedBy = "benchmark" });
        await db.SaveChangesAsync();
        await services.GetRequiredService<UserDirectory>().ReloadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled SQLite connections keep the file open until the pool lets go of them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
