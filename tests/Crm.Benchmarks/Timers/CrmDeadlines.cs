using System.Diagnostics;
using Crm.Api.Persistence;
using Crm.Benchmarks.Harness;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Benchmarks.Timers;

/// <summary>
/// Crm's side: the real host with its scheduler on; deals opened through the command processor on funnels whose
/// stage regulation makes each clock fall due at its target; a commit listener timestamps each breach once durable.
/// </summary>
internal static class CrmDeadlines
{
    public static async Task<Dictionary<string, double>> RunAsync(TimersSettings settings)
    {
        var data = BenchHost.NewDataDirectory("timers");
        var recorder = new BreachRecorder();
        try
        {
            await using var host = await BenchHost.StartAsync(data, runScheduler: true, recorder);
            var maxSeconds = (int)Math.Ceiling(settings.LeadSeconds + settings.WindowSeconds) + 1;
            using (var admin = await host.SignInAsync("admin@crm.local"))
                await DeadlineFunnels.PublishAsync(admin, maxSeconds);

            var processor = host.Services.GetRequiredService<DealCommandProcessor>();
            var t0 = SystemClock.Instance.GetCurrentInstant();
            var targets = Enumerable.Range(0, settings.Count)
                .Select(i => t0 + Duration.FromSeconds(settings.LeadSeconds + (settings.WindowSeconds * i / settings.Count))).ToArray();
            var cpu = ProcessMeter.CpuTime();
            var stopwatch = Stopwatch.StartNew();
            var late = await DeadlineFunnels.OpenAsync(processor, targets, maxSeconds, i => i % 2 == 0 ? "anna" : "boris", "sales", settings.Chunk);
            var createSeconds = stopwatch.Elapsed.TotalSeconds;
            var createCpu = (ProcessMeter.CpuTime() - cpu).TotalSeconds;
            var openMb = ProcessMeter.WorkingSetMb();
            Console.WriteLine($"opened {settings.Count:N0} deals in {createSeconds:N1} s ({settings.Count / createSeconds:N0}/s, CPU {createCpu:N1} s), {late} past their target; working set {openMb:N0} MB; breaches so far {recorder.Lateness.Count}");

            cpu = ProcessMeter.CpuTime();
            await HangfireDelayedJobs.WaitAsync(() => recorder.Lateness.Count >= settings.Count, targets[^1] + Duration.FromSeconds(60));
            var fireCpu = (ProcessMeter.CpuTime() - cpu).TotalSeconds;
            var summary = recorder.Lateness.Summarise();
            Console.WriteLine($"breaches {summary.Count:N0}; lateness {summary}; CPU {fireCpu:N1} s");

            await using var db = await host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var exact = await db.Clocks.CountAsync(c => c.State == "breached" && c.BreachedAt == c.DueAt && c.WorkflowId.StartsWith("bench-"));
            var alerts = await db.Alerts.CountAsync(a => a.Kind == "breach");
            Console.WriteLine($"stored: {exact:N0} clocks breached at their deadline, {alerts:N0} breach alerts");
            return new()
            {
                ["count"] = summary.Count,
                ["p50"] = summary.P50,
                ["p99"] = summary.P99,
                ["max"] = summary.Max,
                ["createSeconds"] = createSeconds,
                ["createCpu"] = createCpu,
                ["fireCpu"] = fireCpu,
                ["openMb"] = openMb,
                ["peakMb"] = ProcessMeter.PeakWorkingSetMb(),
                ["storedExact"] = exact,
                ["storedAlerts"] = alerts,
                ["late"] = late,
            };
        }
        finally
        {
            BenchHost.DeleteData(data);
        }
    }
}
