using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using NodaTime;

namespace Crm.Benchmarks.Distributed;

/// <summary>
/// Kill -9 under load: real API processes take a steady load of moves (many concurrent HTTP clients) and of deadlines
/// (deals opened every half second and left alone); one node is SIGKILLed mid-load and restarted. Run on two PostgreSQL
/// nodes and, separately, on the embedded SQLite node. Afterwards it checks the database: every acknowledged move is in
/// the deal's history, every deadline that passed was breached once at its deadline with one alert, and every alert was
/// delivered (acknowledged by a live client) or is waiting to be replayed — which a fresh connection then gets.
/// </summary>
internal static class SurvivalTest
{
    private const string Regulation = "PT4S";
    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KillAt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(4);
    private const int HotDeals = 200;
    private const int Workers = 32;

    public static async Task RunAsync(string[] args)
    {
        _ = ApiNode.ApiDll;
        var failed = false;
        if (!args.Contains("--embedded-only"))
        {
            await using var cluster = await Deployment.StartPostgresAsync(2, 5411);
            failed |= !await SurviveAsync(cluster, victim: cluster.Nodes[0]);
        }
        if (!args.Contains("--distributed-only"))
        {
            await using var embedded = await Deployment.StartEmbeddedAsync(5421);
            failed |= !await SurviveAsync(embedded, victim: embedded.Nodes[0]);
        }
        Console.WriteLine(failed ? "SURVIVAL: FAILED" : "SURVIVAL: PASSED");
        Environment.ExitCode = failed ? 1 : 0;
    }

    private static async Task<bool> SurviveAsync(Deployment deployment, ApiNode victim)
    {
        Console.WriteLine($"== {deployment.Label}: {Workers} clients moving {HotDeals} deals, 10 deadlines/s ({Regulation}), " +
            $"SIGKILL {victim.Name} at {KillAt.TotalSeconds:0} s, restart {DownFor.TotalSeconds:0} s later, load for {LoadFor.TotalSeconds:0} s");
        var nodes = deployment.Nodes;
        await ApiClient.PublishLoadFunnelAsync(nodes[0].BaseAddress, Regulation);
        var clients = new List<HttpClient>();
        foreach (var node in nodes)
        {
            clients.Add(await ApiClient.SignInAsync(node.BaseAddress, "anna@crm.local"));
            clients.Add(await ApiClient.SignInAsync(node.BaseAddress, "boris@crm.local"));
        }
        var hot = new List<string>();
        for (var i = 0; i < HotDeals; i++)
            hot.Add(await ApiClient.OpenDealAsync(clients[i % clients.Count], $"Hot {i}") ?? throw new InvalidOperationException("Could not open a deal."));

        // Live clients on the node that survives (on one node, the victim itself: they reconnect after its restart).
        var watched = nodes[^1];
        var streams = new List<AlertStream>();
        foreach (var user in new[] { "anna@crm.local", "boris@crm.local" })
            streams.Add(await AlertStream.ConnectAsync(watched.BaseAddress, await ApiClient.TokenAsync(watched.BaseAddress, user)));

        var sent = 0L;
        var acknowledged = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var heardBeforeRestart = 0;
        var opened = 0;
        using var stop = new CancellationTokenSource(LoadFor);
        var clock = Stopwatch.StartNew();
        var movers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                // A manager moves only their own deals: hot deal i belongs to anna when i is even (see above), sent via any node.
                var index = random.Next(hot.Count);
                var deal = hot[index];
                var client = clients[2 * random.Next(nodes.Count) + index % 2];
                Interlocked.Increment(ref sent);
                var status = await ApiClient.MoveAsync(client, deal);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status is >= 200 and < 300)
                    acknowledged.AddOrUpdate(deal, 1, (_, n) => n + 1);
                else if (status == 0)
                    await Task.Delay(50);
            }
        })).ToList();
        var deadlines = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                for (var j = 0; j < 5; j++)
                {
                    try
                    {
                        if (await ApiClient.OpenDealAsync(clients[(i * 5 + j) % clients.Count], $"Left alone {i}.{j}") is not null)
                            Interlocked.Increment(ref opened);
                    }
                    catch (HttpRequestException)
                    {
                        // The node is down: this deadline was never armed.
                    }
                }
                await Task.Delay(500);
            }
        });

        await Task.Delay(KillAt);
        victim.Kill();
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0.0} s  SIGKILL {victim.Name}");
        await Task.Delay(DownFor);
        await victim.StartAsync();
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0.0} s  {victim.Name} restarted and ready");
        if (watched == victim)
        {
            // The live clients went down with it; on reconnect they get what they missed.
            foreach (var s in streams)
                await s.DisposeAsync();
            heardBeforeRestart = streams.Sum(s => s.Received.Count);
            streams.Clear();
            foreach (var user in new[] { "anna@crm.local", "boris@crm.local" })
                streams.Add(await AlertStream.ConnectAsync(watched.BaseAddress, await ApiClient.TokenAsync(watched.BaseAddress, user)));
        }
        await Task.WhenAll(movers.Append(deadlines));
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0.0} s  load stopped; waiting for the last deadlines");
        // Every deal is now left alone: each falls due within the regulation; give the scheduler a moment past that.
        await Task.Delay(TimeSpan.FromSeconds(4 + 4));
        var cutoff = SystemClock.Instance.GetCurrentInstant() - Duration.FromSeconds(2);
        foreach (var s in streams)
            await s.DisposeAsync();
        var delivered = heardBeforeRestart + streams.Sum(s => s.Received.Count);

        await using var db = await deployment.OpenDatabaseAsync();
        var found = await MovesFoundAsync(db);
        var acked = acknowledged.Values.Sum();
        var foundOfAcked = acknowledged.Sum(kv => Math.Min(kv.Value, found.GetValueOrDefault(kv.Key)));
        var extra = found.Sum(kv => Math.Max(0, kv.Value - acknowledged.GetValueOrDefault(kv.Key)));
        var (passed, breached, atDeadline) = await DeadlinesAsync(db, cutoff);
        var (alerts, duplicates, acknowledgedAlerts, waiting) = await AlertsAsync(db, cutoff);

        // Replay: a fresh connection per user gets every alert still waiting (the hub replays up to 1,000 per connect).
        var replayed = 0;
        foreach (var user in new[] { "anna@crm.local", "boris@crm.local" })
        {
            await using var fresh = await AlertStream.ConnectAsync(watched.BaseAddress, await ApiClient.TokenAsync(watched.BaseAddress, user), acknowledge: false);
            await Task.Delay(TimeSpan.FromSeconds(3));
            replayed += fresh.Received.Count;
        }
        var unacknowledgedNow = await ScalarAsync(db, """SELECT COUNT(*) FROM "Alerts" WHERE "AcknowledgedAt" IS NULL""");

        Console.WriteLine($"  moves: sent {sent:N0}, acknowledged {acked:N0}, found {foundOfAcked:N0} of them " +
            $"(+{extra:N0} committed whose answer was lost to the kill); answers: " +
            string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{(kv.Key == 0 ? "none" : kv.Key.ToString())} x{kv.Value:N0}")));
        Console.WriteLine($"  deadlines passed {passed:N0} (deals left alone: {opened:N0} opened): breaches {breached:N0}, at their deadline {atDeadline:N0}; " +
            $"breach alerts {alerts:N0}, duplicates {duplicates}");
        Console.WriteLine($"  alerts: delivered live and acknowledged {acknowledgedAlerts:N0} (clients heard {delivered:N0}), waiting for replay {waiting:N0}; " +
            $"a fresh connection replayed {replayed:N0} of {unacknowledgedNow:N0} unacknowledged");
        var ok = foundOfAcked == acked && breached == passed && atDeadline == passed && alerts == passed && duplicates == 0
                 && acknowledgedAlerts + waiting == alerts && replayed == Math.Min(unacknowledgedNow, 2000);
        Console.WriteLine(ok ? "  OK" : "  FAILED");
        return ok;
    }

    private static async Task<Dictionary<string, int>> MovesFoundAsync(DbConnection db)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT "DealId", COUNT(*) FROM "DealEvents"
            WHERE "Kind" = 'moved' AND "DetailsJson" LIKE '%"outcome":"Again"%' GROUP BY "DealId"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found[reader.GetString(0)] = (int)reader.GetInt64(1);
        return found;
    }

    private static async Task<(long Passed, long Breached, long AtDeadline)> DeadlinesAsync(DbConnection db, Instant cutoff)
    {
        var at = cutoff.ToUnixTimeTicks();
        // A deadline passed unless its clock was met before it.
        var passed = await ScalarAsync(db, $"""
            SELECT COUNT(*) FROM "Clocks" WHERE "DueAt" <= {at}
            AND NOT ("State" = 'met' AND "FinishedAt" IS NOT NULL AND "FinishedAt" < "DueAt")
            """);
        var breached = await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Clocks" WHERE "DueAt" <= {at} AND "BreachedAt" IS NOT NULL""");
        var atDeadline = await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Clocks" WHERE "DueAt" <= {at} AND "BreachedAt" = "DueAt" """);
        return (passed, breached, atDeadline);
    }

    private static async Task<(long Alerts, long Duplicates, long Acknowledged, long Waiting)> AlertsAsync(DbConnection db, Instant cutoff)
    {
        var at = cutoff.ToUnixTimeTicks();
        var alerts = await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Alerts" WHERE "Kind" = 'breach' AND "DueAt" <= {at}""");
        var duplicates = await ScalarAsync(db, """
            SELECT COUNT(*) FROM (SELECT "DealId", "RegulationId", "DueAt" FROM "Alerts" WHERE "Kind" = 'breach'
            GROUP BY "DealId", "RegulationId", "DueAt" HAVING COUNT(*) > 1) AS "Twice"
            """);
        var acknowledged = await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Alerts" WHERE "Kind" = 'breach' AND "DueAt" <= {at} AND "AcknowledgedAt" IS NOT NULL""");
        var waiting = await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Alerts" WHERE "Kind" = 'breach' AND "DueAt" <= {at} AND "AcknowledgedAt" IS NULL""");
        return (alerts, duplicates, acknowledged, waiting);
    }

    private static async Task<long> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
