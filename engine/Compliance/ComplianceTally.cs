using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>Accumulates the clocks behind one report row and turns them into <see cref="ComplianceFigures"/>.</summary>
public sealed class ComplianceTally
{
    private readonly List<Duration> _overruns = [];

    public long Met { get; private set; }
    public long Breached { get; private set; }
    public long OpenOverdue { get; private set; }

    public void AddMet(long count = 1) => Met += count;

    public void AddBreached(long count = 1) => Breached += count;

    public void AddOpenOverdue() => OpenOverdue++;

    /// <summary>The overrun of one breach measured in the period: final if the clock finished, so far if it runs on.</summary>
    public void AddOverrun(Duration overrun) => _overruns.Add(overrun < Duration.Zero ? Duration.Zero : overrun);

    public ComplianceFigures ToFigures()
    {
        _overruns.Sort();
        var measured = Met + Breached;
        return new ComplianceFigures(
            measured, Met, Breached, ComplianceRatio.Of(Met, measured),
            OverrunStatistics.Median(_overruns), OverrunStatistics.Percentile(_overruns, 90), OpenOverdue);
    }
}
