using Crm.Engine.Compliance;
using NodaTime;

namespace Crm.Engine.Tests.Compliance;

public sealed class OverrunStatisticsTests
{
    private static long[] Minutes(params int[] values) => [.. values.Select(v => Duration.FromMinutes(v).BclCompatibleTicks)];

    [Theory]
    [InlineData(new[] { 7 }, 7.0)]
    [InlineData(new[] { 1, 2, 30 }, 2.0)]
    [InlineData(new[] { 6, 12 }, 9.0)]
    [InlineData(new[] { 15, 50 }, 32.5)]
    [InlineData(new[] { 1, 2, 3, 100 }, 2.5)]
    public void Median_OfSortedOverruns_IsTheMiddleOrTheMeanOfTheTwoMiddles(int[] minutes, double expected) =>
        OverrunStatistics.Median(Minutes(minutes)).ShouldBe(Duration.FromSeconds(expected * 60));

    [Theory]
    [InlineData(new[] { 7 }, 7)]
    [InlineData(new[] { 6, 12 }, 12)]
    [InlineData(new[] { 6, 15, 50 }, 50)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 10)]
    public void Percentile90_IsTheNearestRank(int[] minutes, int expected) =>
        OverrunStatistics.Percentile(Minutes(minutes), 90).ShouldBe(Duration.FromMinutes(expected));

    [Fact]
    public void Statistics_OfNothing_AreNull()
    {
        OverrunStatistics.Median([]).ShouldBeNull();
        OverrunStatistics.Percentile([], 90).ShouldBeNull();
    }

    [Theory]
    [InlineData(4, 6, 0.6667)]
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(3, 3, 1.0)]
    [InlineData(0, 5, 0.0)]
    public void ComplianceRatio_IsMetOverMeasured_RoundedToFourPlaces(long met, long measured, double expected) =>
        ComplianceRatio.Of(met, measured).ShouldBe(expected);

    [Fact]
    public void ComplianceRatio_WithNothingMeasured_IsNull() => ComplianceRatio.Of(0, 0).ShouldBeNull();

    [Fact]
    public void Tally_AddsUpARow()
    {
        var tally = new ComplianceTally();
        tally.AddMet(4);
        tally.AddBreached(2);
        tally.AddOverrun(Duration.FromMinutes(12));
        tally.AddOverrun(Duration.FromMinutes(6));
        tally.AddOpenOverdue();
        tally.AddLateHeld(Duration.FromMinutes(15).BclCompatibleTicks);
        tally.ToFigures().ShouldBe(new ComplianceFigures(6, 4, 2, 0.6667, Duration.FromMinutes(9), Duration.FromMinutes(12), 1, Duration.FromMinutes(15)));
    }

    [Fact]
    public void Tally_TakesBackWhatAWholeDayAddedOutsideThePeriod()
    {
        // The day held three breaches (6, 12 and 30 minutes over); the one of 12 minutes fell before the period.
        var tally = new ComplianceTally();
        tally.AddBreached(3);
        tally.AddOverruns([Ticks(6), Ticks(12), Ticks(30)], 1);
        tally.AddLateHeld(Ticks(48));
        tally.AddBreached(-1);
        tally.AddOverruns([Ticks(12)], -1);
        tally.AddLateHeld(-Ticks(12));

        tally.ToFigures().ShouldBe(new ComplianceFigures(2, 0, 2, 0, Duration.FromMinutes(18), Duration.FromMinutes(30), 0, Duration.FromMinutes(36)));
    }

    [Fact]
    public void Tally_WhenADayIsTakenBackWhole_IsEmpty()
    {
        var tally = new ComplianceTally();
        tally.AddMet(2);
        tally.AddMet(-2);
        tally.IsEmpty.ShouldBeTrue();
    }

    private static long Ticks(int minutes) => Duration.FromMinutes(minutes).BclCompatibleTicks;
}
