namespace Crm.Benchmarks.Harness;

/// <summary>A set of delays in milliseconds, summarised as percentiles (nearest rank).</summary>
internal sealed class Latencies
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _values.Count;
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
            _values.Add(milliseconds);
    }

    public LatencySummary Summarise()
    {
        double[] sorted;
        lock (_gate)
            sorted = [.. _values];
        Array.Sort(sorted);
        return sorted.Length == 0
            ? new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1], sorted[0]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal sealed record LatencySummary(int Count, double P50, double P99, double Max, double Min)
{
    public override string ToString() => $"n={Count:N0} p50={P50:N1} ms p99={P99:N1} ms max={Max:N1} ms (min {Min:N1} ms)";
}
