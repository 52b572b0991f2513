using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>Accumulates the clocks behind one report row and turns them into <see cref="ComplianceFigures"/>.</summary>
public sealed class ComplianceTally
{
    private readonly List<long> _overruns = [];
    private List<long>? _withdrawn;

    public long Met { get; private set; }
    public long Breached { get; private set; }
    public long OpenOverdue { get; private set; }
    public Duration LateHeld { get; private set; }

    /// <summary>Nothing to show: what a whole day added, the part of it outside the period took back.</summary>
    public bool IsEmpty => Met == 0 && Breached == 0 && OpenOverdue == 0 && LateHeld == Duration.Zero;

    /// <summary>Adds met clocks; a negative count takes back some counted from a whole day that lie outside the period.</summary>
    public void AddMet(long count = 1) => Met += count;

    public void AddBreached(long count = 1) => Breached += count;

    public void AddOpenOverdue() => OpenOverdue++;

    /// <summary>Adds late time held (ticks); negative takes back what a whole day added outside the period.</summary>
    public void AddLateHeld(long ticks) => LateHeld += Duration.FromTicks(ticks);

    /// <summary>The overrun of one breach measured in the period: final if the clock finished, so far if it runs on.</summary>
    public void AddOverrun(Duration overrun) => _overruns.Add(Ticks(overrun));

    /// <summary>Final overruns in ticks: <paramref name="sign"/> +1 adds them; -1 takes back ones added with a whole day
    /// that the breach's deadline fell on but the period did not cover (each must have been added).</summary>
    public void AddOverruns(ReadOnlySpan<long> ticks, int sign)
    {
        var list = sign > 0 ? _overruns : _withdrawn ??= [];
        foreach (var t in ticks)
            list.Add(t < 0 ? 0 : t);
    }

    public ComplianceFigures ToFigures()
    {
        _overruns.Sort();
        var overruns = _overruns;
        if (_withdrawn is { Count: > 0 } withdrawn)
        {
            withdrawn.Sort();
            overruns = Without(_overruns, withdrawn);
        }
        var measured = Met + Breached;
        return new ComplianceFigures(
            measured, Met, Breached, ComplianceRatio.Of(Met, measured),
            OverrunStatistics.Median(overruns), OverrunStatistics.Percentile(overruns, 90), OpenOverdue, LateHeld);
    }

    private static long Ticks(Duration overrun) => overrun < Duration.Zero ? 0 : overrun.BclCompatibleTicks;

    /// <summary>The multiset difference of two ascending lists, ascending.</summary>
    private static List<long> Without(List<long> all, List<long> removed)
    {
        var kept = new List<long>(Math.Max(0, all.Count - removed.Count));
        var r = 0;
        foreach (var value in all)
        {
            while (r < removed.Count && removed[r] < value)
                r++;
            if (r < removed.Count && removed[r] == value)
                r++;
            else
                kept.Add(value);
        }
        return kept;
    }
}
