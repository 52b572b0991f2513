using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Benchmarks.Harness;
using Hangfire;
using Hangfire.InMemory;
using NodaTime;

namespace Crm.Benchmarks.Timers;

/// <summary>
/// The plain alternative: one Hangfire delayed job per deadline (<c>BackgroundJob.Schedule</c>), InMemory
/// storage, a server with default options. The job records the breach and how late it ran.
/// </summary>
internal static class HangfireDelayedJobs
{
    public static async Task<Dictionary<string, double>> RunAsync(TimersSettings settings)
    {
        var storage = new InMemoryStorage(new InMemoryStorageOptions());
        JobStorage.Current = storage;
        var client = new BackgroundJobClient(storage);
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions(), storage);
        var t0 = SystemClock.Instance.GetCurrentInstant();
        var cpu = ProcessMeter.CpuTime();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < settings.Count; i++)
        {
            var due = t0 + Duration.FromSeconds(settings.LeadSeconds + (settings.WindowSeconds * i / settings.Count));
            var ticks = due.ToUnixTimeTicks();
            var id = i;
            client.Schedule(() => HangfireBreachJob.Record(id, ticks), due.ToDateTimeOffset());
        }
        var createSeconds = stopwatch.Elapsed.TotalSeconds;
        var createCpu = (ProcessMeter.CpuTime() - cpu).TotalSeconds;
        var openMb = ProcessMeter.WorkingSetMb();
        Console.WriteLine($"scheduled {settings.Count:N0} jobs in {createSeconds:N1} s; working set {openMb:N0} MB");

        cpu = ProcessMeter.CpuTime();
        var last = t0 + Duration.FromSeconds(settings.LeadSeconds + settings.WindowSeconds);
        await WaitAsync(() => HangfireBreachJob.Breaches.Count >= settings.Count, last + Duration.FromSeconds(60));
        var fireCpu = (ProcessMeter.CpuTime() - cpu).TotalSeconds;
        var summary = HangfireBreachJob.Lateness.Summarise();
        Console.WriteLine($"breaches {HangfireBreachJob.Breaches.Count:N0}; lateness {summary}; CPU {fireCpu:N1} s");
        return new()
        {
            ["count"] = HangfireBreachJob.Breaches.Count,
            ["p50"] = summary.P50,
            ["p99"] = summary.P99,
            ["max"] = summary.Max,
            ["createSeconds"] = createSeconds,
            ["createCpu"] = createCpu,
            ["fireCpu"] = fireCpu,
            ["openMb"] = openMb,
            ["peakMb"] = ProcessMeter.PeakWorkingSetMb(),
        };
    }

    /// <summary>Polls until <paramref name="done"/> or the system clock passes <paramref name="giveUpAt"/>.</summary>
    public static async Task WaitAsync(Func<bool> done, Instant giveUpAt)
    {
        while (!done() && SystemClock.Instance.GetCurrentInstant() < giveUpAt)
            await Task.Delay(200);
    }
}

/// <summary>The delayed job: records one breach per deadline, and how late it ran.</summary>
public static class HangfireBreachJob
{
    internal static readonly ConcurrentDictionary<int, Instant> Breaches = new();
    internal static readonly Latencies Lateness = new();

    public static void Record(int id, long dueUnixTicks)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        if (Breaches.TryAdd(id, now))
            Lateness.Add((now - Instant.FromUnixTimeTicks(dueUnixTicks)).TotalMilliseconds);
    }
}
