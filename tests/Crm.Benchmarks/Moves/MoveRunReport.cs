using System.Diagnostics;

namespace Crm.Benchmarks.Moves;

/// <summary>The figures of one measured run: throughput, commit batch sizes, per-move latency, where the writer's time went.</summary>
internal sealed record MoveRunReport(
    string Sync, int Callers, int Moves, int Refused, TimeSpan Elapsed, IReadOnlyList<int> Batches,
    TimeSpan Load, TimeSpan Commit, long[] Latencies, long AllocatedBytes, int Gen0, int Gen2)
{
    public double MovesPerSecond => Moves / Elapsed.TotalSeconds;
    public double LatencyP50Ms => Percentile(0.50);
    public double LatencyP99Ms => Percentile(0.99);
    public double LatencyMaxMs => Percentile(1.0);

    public string Describe()
    {
        var sorted = Batches.Order().ToArray();
        int Batch(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        int[] edges = [1, 8, 32, 128, 512];
        var histogram = string.Join(" ", edges.Select((low, i) =>
        {
            var high = i + 1 < edges.Length ? edges[i + 1] : int.MaxValue;
            return $"[{low}-{(high == int.MaxValue ? "" : high - 1)}]:{sorted.Count(b => b >= low && b < high)}";
        }));
        var rest = Elapsed - Load - Commit;
        return $"""
            sync={Sync} callers={Callers}: {MovesPerSecond:N0} moves/s ({Moves:N0} moves in {Elapsed.TotalSeconds:F2} s, {Refused} refused)
              latency p50 {LatencyP50Ms:F2} ms, p99 {LatencyP99Ms:F2} ms, max {LatencyMaxMs:F2} ms
              commits {Batches.Count:N0}, deals per commit mean {Batches.DefaultIfEmpty().Average():F0} p50 {Batch(0.5)} p90 {Batch(0.9)} max {Batch(1.0)}; histogram {histogram}
              writer time: load {Share(Load)}, commit {Share(Commit)}, engine+queue {Share(rest)}; {AllocatedBytes / (double)Moves:N0} B allocated per move, GCs gen0 {Gen0} gen2 {Gen2}
            """;
    }

    private string Share(TimeSpan part) => $"{part.TotalSeconds:F2} s ({part / Elapsed:P0}, {part.TotalMicroseconds / Moves:F1} µs/move)";

    private double Percentile(double q)
    {
        var sorted = Latencies.Order().ToArray();
        var ticks = sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return ticks * 1000.0 / Stopwatch.Frequency;
    }
}
