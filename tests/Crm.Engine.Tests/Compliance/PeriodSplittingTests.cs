using Crm.Engine.Calendars;
using Crm.Engine.Compliance;
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
    public void OpenOverrun_LeavesPausesOut_AndIsNeverNegative()
    {
        var now = Instant.FromUtc(2027, 3, 1, 7, 0);
        // Consumed 25 minutes before a pause ended at 06:50; running again since: 25 + 10 - 20 = 15 minutes over.
        OpenOverrun.AsOf(Duration.FromMinutes(25), Instant.FromUtc(2027, 3, 1, 6, 50), Duration.FromMinutes(20), now, AlwaysOpenCalendar.Instance)
            .ShouldBe(Duration.FromMinutes(15));
        OpenOverrun.AsOf(Duration.FromMinutes(5), null, Duration.FromMinutes(20), now, AlwaysOpenCalendar.Instance).ShouldBe(Duration.Zero);
    }
}
