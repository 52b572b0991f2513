using System.Diagnostics;
using Crm.Api;
using Crm.Api.Auth;
using Crm.Api.Directory;
using Crm.Api.Persistence;
using Crm.Benchmarks.Harness;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Benchmarks.Alerts;

/// <summary>
/// Deadline to alert received, end to end: the real host on a loopback port, <c>--users</c> (1,000) managers each
/// connected with the real SignalR client over WebSockets, <c>--deadlines</c> (10,000) clocks spread evenly over
/// <c>--window</c> (60) seconds, owned round-robin. Every client records when each breach alert reaches it; the
/// delay is that moment minus the alert's deadline. Also reports deadline to breach committed, to split the path.
/// </summary>
internal static class AlertsBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var users = options.Int("users", 1_000);
        var deadlines = options.Int("deadlines", 10_000);
        var window = options.Double("window", 60);
        var lead = options.Double("lead", 30);
        var data = BenchHost.NewDataDirectory("alerts");
        var committed = new BreachRecorder();
        try
        {
            await using var host = await BenchHost.StartAsync(data, runScheduler: true, committed);
            Console.WriteLine($"alerts: {users:N0} clients, {deadlines:N0} deadlines due over {window:0} s; host at {host.BaseAddress}");
            var maxSeconds = (int)Math.Ceiling(lead + window) + 1;
            using (var admin = await host.SignInAsync("admin@crm.local"))
                await DeadlineFunnels.PublishAsync(admin, maxSeconds);
            var ids = await CreateManagersAsync(host, users);

            var stopwatch = Stopwatch.StartNew();
            var issuer = host.Services.GetRequiredService<TokenIssuer>();
            var directory = host.Services.GetRequiredService<UserDirectory>();
            var clients = new AlertClient[users];
            using (var gate = new SemaphoreSlim(32))
            {
                await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        clients[i] = await AlertClient.ConnectAsync(host.BaseAddress, issuer.Issue(directory.Find(ids[i])!).Token);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
            Console.WriteLine($"connected {users:N0} clients over WebSockets in {stopwatch.Elapsed.TotalSeconds:N1} s");

            var processor = host.Services.GetRequiredService<DealCommandProcessor>();
            var t0 = SystemClock.Instance.GetCurrentInstant();
            var targets = Enumerable.Range(0, deadlines).Select(i => t0 + Duration.FromSeconds(lead + (window * i / deadlines))).ToArray();
            stopwatch.Restart();
            var late = await DeadlineFunnels.OpenAsync(processor, targets, maxSeconds, i => ids[i % users], "sales", chunk: 64);
            Console.WriteLine($"opened {deadlines:N0} deals in {stopwatch.Elapsed.TotalSeconds:N1} s, {late} past their target");

            var cpu = ProcessMeter.CpuTime();
            await Timers.HangfireDelayedJobs.WaitAsync(() => clients.Sum(c => c.Received) >= deadlines, targets[^1] + Duration.FromSeconds(60));
            // A quiet window, not a wait for an event: duplicates are what did not happen, so the benchmark listens a while longer.
            await Task.Delay(2000);
            var cpuSeconds = (ProcessMeter.CpuTime() - cpu).TotalSeconds;

            var received = new Latencies();
            foreach (var client in clients)
                client.CopyTo(received);
            var summary = received.Summarise();
            var commit = committed.Lateness.Summarise();
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var stored = await db.Alerts.CountAsync(a => a.Kind == "breach");
            Console.WriteLine();
            Console.WriteLine($"| figure | value |");
            Console.WriteLine($"|---|---|");
            Console.WriteLine($"| breach alerts stored / received (distinct) / duplicates | {stored:N0} / {summary.Count:N0} / {clients.Sum(c => c.Duplicates):N0} |");
            Console.WriteLine($"| deadline -> received by the client p50 / p99 / max | {summary.P50:N1} / {summary.P99:N1} / {summary.Max:N1} ms |");
            Console.WriteLine($"| deadline -> breach committed p50 / p99 / max | {commit.P50:N1} / {commit.P99:N1} / {commit.Max:N1} ms |");
            Console.WriteLine($"| CPU while they fell due (server and {users:N0} clients, one process) | {cpuSeconds:N1} s |");
            Console.WriteLine($"| peak working set (server and clients) | {ProcessMeter.PeakWorkingSetMb():N0} MB |");

            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
        finally
        {
            BenchHost.DeleteData(data);
        }
    }

    /// <summary>Managers <c>m0001</c>… in the demo team, written through the store (one password hash shared: hashing
    /// 1,000 PBKDF2 passwords would time the hasher, not the alerts), then the directory reloads as POST /api/users does.</summary>
    private static async Task<string[]> CreateManagersAsync(BenchHost host, int count)
    {
        var ids = Enumerable.Range(1, count).Select(i => $"m{i:D4}").ToArray();
        var hash = PasswordHasher.Hash("bench");
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            db.Users.AddRange(ids.Select(id => new UserRecord
            {
                Id = id, Email = $"{id}@bench.local", Name = $"Manager {id}", Role = Roles.Manager, TeamId = "sales", PasswordHash = hash,
            }));
            await db.SaveChangesAsync();
        }
        await host.Services.GetRequiredService<UserDirectory>().ReloadAsync();
        return ids;
    }
}
