using Crm.Api.Persistence;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Crm.Api.Tests.Persistence;

/// <summary>How a report period is cut into the store's whole tallied days and the ragged ends read from the clocks.</summary>
public sealed class TallyDaysTests
{
    [Fact]
    public void TallySpan_OfMoscowDates_AddsTheShortEnd_AndTakesTheLongOneFromItsWholeDay()
    {
        var from = Instant.FromUtc(2027, 2, 28, 21, 0);
        var to = Instant.FromUtc(2027, 3, 31, 21, 0);
        var span = TallyDays.Split(from, to);
        TallyDays.StartOf(span.FirstDay).ShouldBe(Instant.FromUtc(2027, 3, 1, 0, 0));
        TallyDays.StartOf(span.EndDay).ShouldBe(Instant.FromUtc(2027, 4, 1, 0, 0));
        span.Edges.ShouldBe([(from, Instant.FromUtc(2027, 3, 1, 0, 0))]);
        span.Excess.ShouldBe([(to, Instant.FromUtc(2027, 4, 1, 0, 0))]);
    }

    [Fact]
    public void TallySpan_OfUtcDates_HasNoEnds()
    {
        var span = TallyDays.Split(Instant.FromUtc(2027, 1, 1, 0, 0), Instant.FromUtc(2027, 4, 1, 0, 0));
        span.EndDay.ShouldBe(span.FirstDay + 90);
        span.Edges.ShouldBeEmpty();
        span.Excess.ShouldBeEmpty();
    }

    [Fact]
    public void TallySpan_OfAFewHours_IsThoseHours()
    {
        var (from, to) = (Instant.FromUtc(2027, 3, 1, 6, 0), Instant.FromUtc(2027, 3, 1, 8, 0));
        var span = TallyDays.Split(from, to);
        span.HasWholeDays.ShouldBeFalse();
        span.Edges.ShouldBe([(from, to)]);
    }

    [Fact]
    public void TallySpan_OfMostOfADay_IsTheDayLessTheRest()
    {
        var (from, to) = (Instant.FromUtc(2027, 3, 1, 2, 0), Instant.FromUtc(2027, 3, 1, 23, 0));
        var span = TallyDays.Split(from, to);
        (span.EndDay - span.FirstDay).ShouldBe(1);
        span.Edges.ShouldBeEmpty();
        span.Excess.ShouldBe([(Instant.FromUtc(2027, 3, 1, 0, 0), from), (to, Instant.FromUtc(2027, 3, 2, 0, 0))]);
    }

    [Fact]
    public void TallySpan_CoversEveryInstantOfThePeriodOnce_ReadingAtMostHalfADayAtEachEnd() =>
        Prop.ForAll(Gen.Choose(0, 6 * 24 * 60).ToArbitrary(), Gen.Choose(0, 4 * 24 * 60).ToArbitrary(), (start, length) =>
        {
            var origin = Instant.FromUtc(2027, 3, 1, 0, 0);
            var (from, to) = (origin + Duration.FromMinutes(start), origin + Duration.FromMinutes(start + length));
            var span = TallyDays.Split(from, to);
            static bool In(Instant t, (Instant From, Instant To) s) => t >= s.From && t < s.To;
            var covered = Enumerable.Range(-2 * 24 * 60, 14 * 24 * 60).Select(m => origin + Duration.FromMinutes(m)).All(t =>
            {
                var times = (TallyDays.DayOf(t) >= span.FirstDay && TallyDays.DayOf(t) < span.EndDay ? 1 : 0)
                    + span.Edges.Count(e => In(t, e)) - span.Excess.Count(e => In(t, e));
                return times == (t >= from && t < to ? 1 : 0);
            });
            var ends = span.Edges.Concat(span.Excess).ToList();
            return covered && ends.All(e => e.To > e.From && e.To - e.From <= Duration.FromHours(12)) && ends.Count <= 2;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TallyDays_BeforeTheEpoch_RoundDown() =>
        TallyDays.DayOf(Instant.FromUtc(1969, 12, 31, 23, 0)).ShouldBe(-1);
}
