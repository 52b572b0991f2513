using Crm.Engine.Calendars;
using Crm.Engine.Compliance;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Crm.Engine.Tests.Compliance;

public sealed class PeriodSplittingTests
{
    private static readonly DateTimeZone Moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];

    [Fact]
    public void Weeks_StartOnMondayInTheZone_AndAreClippedToThePeriod()
    {
        // Wednesday 3 March to Tuesday 16 March 2027, Moscow dates.
        var from = Moscow.AtStartOfDay(new LocalDate(2027, 3, 3)).ToInstant();
        var to = Moscow.AtStartOfDay(new LocalDate(2027, 3, 17)).ToInstant();
        var weeks = ReportWeeks.Split(from, to, Moscow);
        weeks.Select(w => w.Monday).ShouldBe([new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 8), new LocalDate(2027, 3, 15)]);
        weeks[0].From.ShouldBe(from);
        weeks[0].To.ShouldBe(Instant.FromUtc(2027, 3, 7, 21, 0));
        weeks[2].From.ShouldBe(Instant.FromUtc(2027, 3, 14, 21, 0));
        weeks[2].To.ShouldBe(to);
    }

    [Fact]
    public void Weeks_OfAnEmptyPeriod_AreNone() =>
        ReportWeeks.Split(Instant.FromUtc(2027, 3, 1, 0, 0), Instant.FromUtc(2027, 3, 1, 0, 0), DateTimeZone.Utc).ShouldBeEmpty();

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

    [Fact]
    public void OpenOverrun_LeavesPausesOut_AndIsNeverNegative()
    {
        var now = Instant.FromUtc(2027, 3, 1, 7, 0);
        // Consumed 25 minutes before a pause ended at 06:50; running again since: 25 + 10 - 20 = 15 minutes over.
        OpenOverrun.AsOf(Duration.FromMinutes(25), Instant.FromUtc(2027, 3, 1, 6, 50), Duration.FromMinutes(20), now, AlwaysOpenCalendar.Instance)
            .ShouldBe(Duration.FromMinutes(15));
        OpenOverrun.AsOf(Duration.FromMinutes(5), null, Duration.FromMinutes(20), now, AlwaysOpenCalendar.Instance).ShouldBe(Duration.Zero);
    }
}
