using System.Diagnostics;
using System.Globalization;
using Crm.Api.Persistence;
using Crm.Api.Scheduling;
using Crm.Benchmarks.Harness;
using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Benchmarks.Timers;

/// <summary>
/// A million open clocks: how much memory the running host needs with them, and how long a restart takes to be
/// firing again. One child process fills a database (<c>--clocks</c>, 1,000,000, due in 20 hours, plus
/// <c>--overdue</c>, 10,000, that fall due while the host is down); a second starts the host on it with the
/// scheduler on and times: host started, first overdue breach recorded, every overdue breach recorded.
/// The fill opens deals through the real engine (<see cref="DealEngine.Start"/>) and writes the store's own rows
/// (<see cref="BulkRows"/>) in transactions of <c>--batch</c> (20,000): through the command processor and EF's
/// change tracker a million deals take about eight minutes on the 2-core box (2,000/s).
/// </summary>
internal static class OpenClocksBenchmark
{
    private const int FarSeconds = 20 * 3600;

    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var phase = options.Text("phase");
        if (phase == "fill")
        {
            ChildRuns.Report(await FillAsync(options.Text("dir")!, options.Int("clocks", 1_000_000), options.Int("overdue", 10_000), options.Int("batch", 20_000)));
            return;
        }
        if (phase == "restart")
        {
            ChildRuns.Report(await RestartAsync(options.Text("dir")!, options.Int("clocks", 1_000_000), options.Int("overdue", 10_000)));
            return;
        }
        var dir = BenchHost.NewDataDirectory("open-clocks");
        try
        {
            Console.WriteLine("Filling the database:");
            var fill = await ChildRuns.RunAsync(["timers-open", .. args, "--phase", "fill", "--dir", dir]);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Console.WriteLine("Restarting the host on it:");
            var restart = await ChildRuns.RunAsync(["timers-open", .. args, "--phase", "restart", "--dir", dir]);
            var size = new DirectoryInfo(dir).EnumerateFiles("crm.db*").Sum(f => f.Length) / 1048576.0;
            Console.WriteLine();
            Console.WriteLine("| figure | Crm |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| open clocks (deals) filled | {fill["clocks"]:N0} in {fill["seconds"]:N0} s ({fill["clocks"] / fill["seconds"]:N0}/s); database {size:N0} MB |");
            Console.WriteLine($"| restart: host started (migrate, directory, HTTP up) | {restart["startedMs"]:N0} ms |");
            Console.WriteLine($"| restart: first overdue breach recorded | {restart["firstMs"]:N0} ms |");
            Console.WriteLine($"| restart: all {restart["overdue"]:N0} overdue breaches recorded | {restart["allMs"]:N0} ms ({restart["recorded"]:N0} recorded) |");
            Console.WriteLine($"| working set with {fill["clocks"]:N0} open clocks, armed (after a full GC) | {restart["settledMb"]:N0} MB (managed heap {restart["managedMb"]:N0} MB; peak {restart["peakMb"]:N0} MB) |");
            Console.WriteLine($"| deals held in the scheduler's memory window | {restart["window"]:N0} |");
        }
        finally
        {
            BenchHost.DeleteData(dir);
        }
    }

    private static async Task<Dictionary<string, double>> FillAsync(string dir, int clocks, int overdue, int batch)
    {
        await using var host = await BenchHost.StartAsync(dir, runScheduler: false);
        using (var admin = await host.SignInAsync("admin@crm.local"))
            await DeadlineFunnels.PublishAsync(admin, 1, FarSeconds);
        var engine = host.Services.GetRequiredService<DealEngine>();
        await using var rows = await BulkRows.OpenAsync(host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>());
        var flows = host.Services.GetRequiredService<IFlowchartSource>();
        var far = (await flows.GetAsync(DeadlineFunnels.IdFor(FarSeconds), 1, CancellationToken.None))!;
        var soon = (await flows.GetAsync(DeadlineFunnels.IdFor(1), 1, CancellationToken.None))!;
        var stopwatch = Stopwatch.StartNew();
        var total = clocks + overdue;
        for (var first = 0; first < total; first += batch)
        {
            var now = SystemClock.Instance.GetCurrentInstant();
            var writes = new List<DealWrite>(batch);
            for (var i = first; i < Math.Min(first + batch, total); i++)
            {
                var owner = i % 2 == 0 ? "anna" : "boris";
                var result = engine.Start(i < clocks ? far : soon, new NewDeal
                {
                    Id = Guid.CreateVersion7().ToString("N"), Title = $"Open deal {i}", OwnerId = owner, TeamId = "sales",
                }, owner, now);
                writes.Add(new DealWrite(result.Deal, 0, result.Changes));
            }
            rows.Write(writes);
            if ((first / batch) % 10 == 0)
                Console.WriteLine($"{first + writes.Count:N0} deals, {stopwatch.Elapsed.TotalSeconds:N0} s");
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"filled {total:N0} deals with open clocks in {seconds:N0} s ({total / seconds:N0}/s)");
        return new() { ["clocks"] = total, ["seconds"] = seconds };
    }

    private static async Task<Dictionary<string, double>> RestartAsync(string dir, int clocks, int overdue)
    {
        var recorder = new BreachRecorder();
        var stopwatch = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(dir, runScheduler: true, recorder);
        var startedMs = stopwatch.Elapsed.TotalMilliseconds;
        await Task.WhenAny(recorder.FirstBreach, Task.Delay(TimeSpan.FromMinutes(2)));
        var firstMs = stopwatch.Elapsed.TotalMilliseconds;
        var giveUp = SystemClock.Instance.GetCurrentInstant() + Duration.FromMinutes(3);
        await HangfireDelayedJobs.WaitAsync(() => recorder.Lateness.Count >= overdue, giveUp);
        var allMs = (recorder.LastRecordedAt - SystemClock.Instance.GetCurrentInstant()).TotalMilliseconds + stopwatch.Elapsed.TotalMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (settled, managed) = ProcessMeter.SettledMemory();
        var window = host.Services.GetRequiredService<DeadlineScheduler>().ArmedCount;
        Console.WriteLine($"started {startedMs:N0} ms; first breach {firstMs:N0} ms; {recorder.Lateness.Count:N0}/{overdue:N0} overdue at {allMs:N0} ms; "
            + $"{settled.ToString("N0", CultureInfo.InvariantCulture)} MB settled, window {window:N0}");
        return new()
        {
            ["startedMs"] = startedMs,
            ["firstMs"] = firstMs,
            ["allMs"] = allMs,
            ["overdue"] = overdue,
            ["recorded"] = recorder.Lateness.Count,
            ["settledMb"] = settled,
            ["managedMb"] = managed,
            ["peakMb"] = ProcessMeter.PeakWorkingSetMb(),
            ["window"] = window,
            ["clocks"] = clocks,
        };
    }
}
