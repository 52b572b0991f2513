using System.Diagnostics;
using Crm.Api.Auth;
using Crm.Api.Compliance;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Compliance;
using Crm.Engine.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Benchmarks.Compliance;

/// <summary>
/// The compliance reports on a year of generated clocks (10,000,000 by default; <c>--clocks N</c>) in a real SQLite file
/// (<c>--db path</c>; an existing file with the same count is reused). Times the per-manager report over a quarter as an
/// admin sees it (200 managers) and one manager's breach list over the same quarter: 100 runs each after a warm-up.
/// </summary>
internal static class ComplianceBenchmark
{
    private const int Runs = 100;
    private const int WarmUps = 10;

    public static async Task RunAsync(string[] args)
    {
        var clocks = Option(args, "--clocks") is { } n ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
        var path = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "crm-bench", $"compliance-{clocks}.db");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = $"Data Source={path};Pooling=True";
        var options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connection).AddInterceptors(SqlitePragmas.Instance).Options;
        IDbContextFactory<CrmDbContext> contexts = new CrmContexts(options);

        var generate = !File.Exists(path);
        // A file kept from an older build is brought up to date by the product's own migrations, as a customer's would be.
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        if (generate)
        {
            Console.WriteLine($"Generating {clocks:N0} clocks into {path}");
            await ComplianceDataGenerator.FillAsync(connection, clocks);
        }
        SqliteConnection.ClearAllPools();
        var size = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        Console.WriteLine($"Database: {path}, {size / 1024.0 / 1024.0:N0} MiB");

        var directory = new UserDirectory(contexts);
        await directory.ReloadAsync();
        var clock = new FakeClock(ComplianceDataGenerator.YearEnd);
        var flows = new NoFlowcharts();
        var scope = new ComplianceScope(directory);
        var reports = new ComplianceReports(contexts, flows, scope, clock);
        var breaches = new ComplianceClocks(contexts, flows, reports, scope, clock);
        var quarter = new ReportPeriod(Instant.FromUtc(2027, 4, 1, 0, 0), Instant.FromUtc(2027, 7, 1, 0, 0), DateTimeZone.Utc);
        var moscowQuarter = new ReportPeriod(Instant.FromUtc(2027, 3, 31, 21, 0), Instant.FromUtc(2027, 6, 30, 21, 0), DateTimeZoneProviders.Tzdb["Europe/Moscow"]);
        scope.TryTeam(new Caller("admin", Crm.Api.Roles.Admin, null), null, out var everyone, out _);

        var table = await reports.ManagersAsync(everyone, quarter, null, default);
        Console.WriteLine($"Quarter: {table.Count} managers, {table.Sum(r => r.Measured):N0} clocks measured, {table.Sum(r => r.Breached):N0} breached; " +
            $"first row: {table[0].Name} {table[0].Measured} measured, compliance {table[0].Compliance}, median {table[0].MedianOverrun}, p90 {table[0].P90Overrun}");
        foreach (var period in new[] { quarter, moscowQuarter })
        {
            var rows = await reports.ManagersAsync(everyone, period, null, default);
            foreach (var id in new[] { ComplianceDataGenerator.ManagerId(0), ComplianceDataGenerator.ManagerId(117), ComplianceDataGenerator.ManagerId(199) })
            {
                var expected = await FromClocksAsync(connection, id, period);
                var actual = rows.Single(r => r.ManagerId == id);
                var got = (actual.Measured, actual.Breached, actual.MedianOverrun, actual.P90Overrun);
                if (got != expected)
                    throw new InvalidOperationException($"{id} over {period.From}..{period.To}: the report says {got}, the clocks {expected}.");
            }
        }
        Console.WriteLine("Checked: three managers' rows, UTC and Moscow quarters, equal what their clocks give, counted one by one.");
        await Time("per-manager report, a quarter (UTC dates), 200 managers", _ => reports.ManagersAsync(everyone, quarter, null, default));
        await Time("per-manager report, a quarter (Moscow dates: two ragged edges)", _ => reports.ManagersAsync(everyone, moscowQuarter, null, default));
        var list = await breaches.BreachesAsync("m000", quarter, default);
        Console.WriteLine($"Breach list of m000 over the quarter: {list.Count} breaches");
        // The peer in the same run: the same figures the obvious way, each manager's clocks counted and sorted one by one
        // from the covering indexes, as the first version of the report did. Fewer runs: it is slow.
        await Time("peer: the same table straight from the clocks (counts and exact percentiles per manager)", async _ =>
        {
            long measured = 0;
            foreach (var id in Enumerable.Range(0, ComplianceDataGenerator.Managers).Select(ComplianceDataGenerator.ManagerId))
                measured += (await FromClocksAsync(connection, id, quarter)).Item1;
            return measured;
        }, runs: 10, warmUps: 1);
        await Time("one manager's breach list, a quarter", i => breaches.BreachesAsync(ComplianceDataGenerator.ManagerId(i % ComplianceDataGenerator.Managers), quarter, default));
    }

    /// <summary>One manager's measured and breached clocks and overrun percentiles straight from the clocks: the slow,
    /// obvious way the tallies must agree with. The generated year leaves no breach of these quarters open.</summary>
    private static async Task<(long, long, string?, string?)> FromClocksAsync(string connectionString, string owner, ReportPeriod period)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM "Clocks" WHERE "OwnerId" = @o AND "State" = 'met' AND "FinishedAt" >= @a AND "FinishedAt" < @b),
                   "OverrunTicks"
            FROM "Clocks" WHERE "OwnerId" = @o AND "BreachedAt" >= @a AND "BreachedAt" < @b ORDER BY "OverrunTicks"
            """;
        command.Parameters.AddWithValue("@o", owner);
        command.Parameters.AddWithValue("@a", period.From.ToUnixTimeTicks());
        command.Parameters.AddWithValue("@b", period.To.ToUnixTimeTicks());
        long met = 0;
        var overruns = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                met = reader.GetInt64(0);
                overruns.Add(reader.GetInt64(1));
            }
        }
        return (met + overruns.Count, overruns.Count,
            ManagerComplianceView.Iso(OverrunStatistics.Median(overruns)), ManagerComplianceView.Iso(OverrunStatistics.Percentile(overruns, 90)));
    }

    private static async Task Time<T>(string name, Func<int, Task<T>> run, int runs = Runs, int warmUps = WarmUps)
    {
        // Warm: the runtime's tiered JIT recompiles hot paths in the first few dozen calls, as a server would have long done.
        for (var i = 0; i < warmUps; i++)
            await run(1000 + i);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await run(i);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        var slowest = times.IndexOf(times.Max());
        times.Sort();
        Console.WriteLine($"{name}: p50 {Percentile(times, 50):0.0} ms, p99 {Percentile(times, 99):0.0} ms, min {times[0]:0.0} ms ({runs} runs; the slowest was run {slowest + 1})");
    }

    private static double Percentile(List<double> sorted, int p) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p / 100.0) - 1)];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The generated funnel is not published: stage names fall back to ids and overruns to the 24x7 calendar,
    /// which is what the benchmark's clocks were generated in.</summary>
    private sealed class NoFlowcharts : IFlowchartSource
    {
        public ValueTask<Flowchart?> GetAsync(string workflowId, int version, CancellationToken cancellationToken) => ValueTask.FromResult<Flowchart?>(null);

        public ValueTask<Flowchart?> GetPublishedAsync(string workflowId, CancellationToken cancellationToken) => ValueTask.FromResult<Flowchart?>(null);
    }
}
