using System.Data.Common;
using System.Diagnostics;
using Crm.Benchmarks.Harness;

namespace Crm.Benchmarks.Distributed;

/// <summary>
/// A load check kept out of the test suite (it needs PostgreSQL, Redis and about a minute of real time): <c>--deals</c>
/// (10,000) deals with a 10-second regulation opened through two API processes on one PostgreSQL database, so that
/// the first deadlines fall due while later deals are still being opened on both nodes, as under real load. Every
/// deadline must breach exactly once, with one alert, and nothing may fire again while both nodes keep running. Prints
/// the counts and the times; exits with 1 when a count is off.
/// </summary>
internal static class DeadlinesOnceCheck
{
    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var deals = options.Int("deals", 10_000);
        await using var deployment = await Deployment.StartPostgresAsync(2, 5461);
        var nodes = deployment.Nodes;
        await ApiClient.PublishLoadFunnelAsync(nodes[0].BaseAddress, "PT10S", "once");
        HttpClient[] clients = [await ApiClient.SignInAsync(nodes[0].BaseAddress, "anna@crm.local"), await ApiClient.SignInAsync(nodes[1].BaseAddress, "boris@crm.local")];

        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, deals, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (i, _) => await ApiClient.OpenDealAsync(clients[i % 2], $"Deal {i}", "once"));
        var opened = watch.Elapsed;
        var counts = await CountAsync(deployment);
        while ((counts.Breached < deals || counts.Alerts < deals) && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
            counts = await CountAsync(deployment);
        }
        var settled = watch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await CountAsync(deployment);

        Console.WriteLine($"deadlines-once: {deals:N0} deals opened over two nodes in {opened.TotalSeconds:0.0} s; " +
            $"all breached and alerted after {settled.TotalSeconds:0.0} s");
        Console.WriteLine($"| breached | at their deadline | breach alerts | two seconds later |");
        Console.WriteLine($"| {counts.Breached:N0} | {counts.AtDeadline:N0} | {counts.Alerts:N0} | {after.Breached:N0} / {after.AtDeadline:N0} / {after.Alerts:N0} |");
        if (after != (deals, deals, deals))
        {
            Console.WriteLine($"FAILED: expected {deals:N0} of each, exactly once.");
            Environment.ExitCode = 1;
        }
    }

    private static async Task<(int Breached, int AtDeadline, int Alerts)> CountAsync(Deployment deployment)
    {
        await using var connection = await deployment.OpenDatabaseAsync();
        return (await ScalarAsync(connection, """SELECT COUNT(*) FROM "Clocks" WHERE "BreachedAt" IS NOT NULL"""),
            await ScalarAsync(connection, """SELECT COUNT(*) FROM "Clocks" WHERE "BreachedAt" IS NOT NULL AND "BreachedAt" = "DueAt" """),
            await ScalarAsync(connection, """SELECT COUNT(*) FROM "Alerts" WHERE "Kind" = 'breach'"""));
    }

    private static async Task<int> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
