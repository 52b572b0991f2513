using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>
/// Order statistics of overruns. The median is the usual one (the mean of the two middle values when the count is
/// even); other percentiles use the nearest rank (the smallest value with at least p% of values at or below it), so
/// every figure except an even median is an overrun that really happened, and a head can find that clock.
/// </summary>
public static class OverrunStatistics
{
    /// <summary>The median, or null when there are no values. <paramref name="sorted"/> holds ticks, ascending (a
    /// report sorts hundreds of thousands: plain numbers sort several times faster than durations).</summary>
    public static Duration? Median(IReadOnlyList<long> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var n = sorted.Count;
        if (n == 0)
            return null;
        return n % 2 == 1
            ? Duration.FromTicks(sorted[n / 2])
            : (Duration.FromTicks(sorted[(n / 2) - 1]) + Duration.FromTicks(sorted[n / 2])) / 2;
    }

    /// <summary>The nearest-rank <paramref name="percent"/>th percentile (1..100), or null when there are no values.
    /// <paramref name="sorted"/> holds ticks, ascending.</summary>
    public static Duration? Percentile(IReadOnlyList<long> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
            return null;
        // Integer ceiling of n * p / 100: no floating point near the rank boundaries.
        var rank = (int)(((long)sorted.Count * percent + 99) / 100);
        return Duration.FromTicks(sorted[rank - 1]);
    }
}
