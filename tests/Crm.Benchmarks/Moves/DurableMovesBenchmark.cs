using System.Diagnostics;

namespace Crm.Benchmarks.Moves;

/// <summary>
/// Durable moves per second through the real engine and store on SQLite: concurrent callers each send a move,
/// wait until it is committed (group commit: the processor puts many moves in one transaction) and send the next.
/// Runs with synchronous=FULL (the product's setting) and NORMAL, for several numbers of callers.
/// </summary>
internal static class DurableMovesBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var options = MovesOptions.Parse(args);
        Console.WriteLine($"moves: {options.Deals:N0} deals on b2b-sales, {options.Moves:N0} moves per run, callers {string.Join(",", options.Callers)}, " +
            $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        var reports = new List<MoveRunReport>();
        foreach (var sync in options.SyncModes)
        {
            await using var rig = await EngineRig.StartAsync(sync);
            var fleet = new DealFleet(options.Deals);
            var created = await fleet.CreateAsync(rig.Processor, Math.Min(256, options.Deals));
            Console.WriteLine($"sync={sync}: created {options.Deals:N0} deals at {created:N0} deals/s in {rig.DatabasePath}");
            if (options.WarmupMoves > 0)
                await fleet.MoveAsync(rig.Processor, options.Callers[0], options.WarmupMoves);
            foreach (var callers in options.Callers)
            {
                var report = await MeasureAsync(rig, fleet, sync, callers, options.Moves);
                reports.Add(report);
                Console.WriteLine(report.Describe());
            }
        }
        foreach (var group in reports.GroupBy(r => r.Sync))
        {
            var best = group.MaxBy(r => r.MovesPerSecond)!;
            Console.WriteLine($"SUMMARY moves sync={group.Key}: best {best.MovesPerSecond:N0} moves/s at {best.Callers} callers " +
                $"(p50 {best.LatencyP50Ms:F2} ms, p99 {best.LatencyP99Ms:F2} ms, {best.Moves / (double)best.Batches.Count:F0} deals/commit); " +
                string.Join(", ", group.Select(r => $"{r.Callers}: {r.MovesPerSecond:N0}/s")));
        }
    }

    private static async Task<MoveRunReport> MeasureAsync(EngineRig rig, DealFleet fleet, string sync, int callers, int moves)
    {
        GC.Collect();
        rig.Store.Reset();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var (latencies, refused, elapsed) = await fleet.MoveAsync(rig.Processor, callers, moves);
        return new MoveRunReport(sync, callers, moves, refused, elapsed, [.. rig.Store.BatchSizes], rig.Store.LoadTime, rig.Store.CommitTime,
            latencies, GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2);
    }
}
