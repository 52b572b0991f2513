using Crm.Engine.Calendars;
using NodaTime;
using static Crm.Engine.Tests.Calendars.TestCalendars;

namespace Crm.Engine.Tests.Calendars;

/// <summary>
/// Named examples of the places the property tests search (clock changes, days of 00:00–24:00, shortened days, holidays
/// on the last day of a month), so that each edge keeps a readable test of its own whatever the random seed. Each is
/// also checked against the minute-stepping reference.
/// </summary>
public sealed class BusinessCalendarEdgeCaseTests
{
    private static readonly CalendarDefinition NewYorkAllDay = Daily("ny-all-day", "America/New_York", "00:00", "24:00");
    private static readonly CalendarDefinition NewYorkEdges = NewYorkEdgesDefinition();
    private static readonly CalendarDefinition London = LondonDefinition();

    /// <summary>Moscow weekdays 09:00–18:00 with a holiday on the last day of four months, a leap day among them.</summary>
    private static readonly CalendarDefinition MonthEnds = new()
    {
        Id = "month-ends",
        TimeZone = "Europe/Moscow",
        Week = CalendarWeek.Weekdays(new WorkingInterval("09:00", "18:00")),
        Holidays = ["2027-03-31", "2027-04-30", "2027-12-31", "2028-02-29"],
    };

    [Fact]
    public void Deadline_AcrossTheSpringGap_CountsRealTimeNotTheClock()
    {
        // 02:00–03:00 on 14 March 2027 never happens in New York: an hour from 01:30 EST is 03:30 EDT.
        Check(NewYorkAllDay, Instant("2027-03-14T01:30-05:00"), Duration.FromHours(1), Instant("2027-03-14T03:30-04:00"));
    }

    [Fact]
    public void WorkingTime_AllDayCalendar_OnSpringForwardSunday_Is23Hours() =>
        CheckWorkingTime(NewYorkAllDay, At(NewYorkAllDay, "2027-03-14 00:00"), At(NewYorkAllDay, "2027-03-15 00:00"), Duration.FromHours(23));

    [Fact]
    public void WorkingTime_AllDayCalendar_OnFallBackSunday_Is25Hours() =>
        CheckWorkingTime(NewYorkAllDay, At(NewYorkAllDay, "2027-11-07 00:00"), At(NewYorkAllDay, "2027-11-08 00:00"), Duration.FromHours(25));

    [Fact]
    public void Deadline_AllDayCalendar_TwoDaysOverFallBack_EndsAnHourEarlierOnTheClock() =>
        Check(NewYorkAllDay, At(NewYorkAllDay, "2027-11-06 00:00"), Duration.FromHours(48), Instant("2027-11-07T23:00-05:00"));

    [Fact]
    public void WorkingTime_HoursEndingInTheRepeatedHour_EndAtItsFirstOccurrence()
    {
        // 7 November 2027: 00:00–01:30 and 02:00–24:00. 01:30 is read as 01:30 EDT, so the repeated hour between it and
        // 02:00 EST is not worked: 1.5 + 22 hours.
        CheckWorkingTime(NewYorkEdges, At(NewYorkEdges, "2027-11-07 00:00"), At(NewYorkEdges, "2027-11-08 00:00"), Duration.FromMinutes(90 + (22 * 60)));
    }

    [Fact]
    public void Deadline_FromTheFirstOneThirty_DoesNotWorkTheSecond() =>
        Check(NewYorkEdges, Instant("2027-11-07T01:00-04:00"), Duration.FromMinutes(31), Instant("2027-11-07T02:01-05:00"));

    [Fact]
    public void WorkingTime_ShortenedChristmasEve_IsFourHours() =>
        CheckWorkingTime(London, At(London, "2027-12-24 00:00"), At(London, "2027-12-25 00:00"), Duration.FromHours(4));

    [Fact]
    public void Deadline_OverAShortenedDay_GoesOnInTheNextWorkingHours()
    {
        // An hour left on Christmas Eve (closing at 13:00), then the Saturday night shift from 22:00.
        Check(London, At(London, "2027-12-24 12:00"), Duration.FromHours(2), At(London, "2027-12-25 23:00"));
    }

    [Fact]
    public void Deadline_OverAHolidayOnTheLastDayOfTheMonth_LandsOnTheFirst() =>
        Check(MonthEnds, At(MonthEnds, "2027-03-30 17:00"), Duration.FromHours(2), At(MonthEnds, "2027-04-01 10:00"));

    [Fact]
    public void Deadline_OverAMonthEndHolidayAndAWeekend_LandsOnMonday() =>
        Check(MonthEnds, At(MonthEnds, "2027-04-29 17:00"), Duration.FromHours(2), At(MonthEnds, "2027-05-03 10:00"));

    [Fact]
    public void Deadline_OverNewYearsEveHoliday_LandsInTheNewYear() =>
        Check(MonthEnds, At(MonthEnds, "2027-12-30 18:00"), Duration.FromHours(1), At(MonthEnds, "2028-01-03 10:00"));

    [Fact]
    public void WorkingTime_OverALeapDayHoliday_CountsOnlyTheTwentyEighth() =>
        CheckWorkingTime(MonthEnds, At(MonthEnds, "2028-02-28 00:00"), At(MonthEnds, "2028-03-01 00:00"), Duration.FromHours(9));

    private static Instant At(CalendarDefinition definition, string local) => Compile(definition).At(local);

    private static void Check(CalendarDefinition definition, Instant start, Duration duration, Instant expected)
    {
        Compile(definition).Deadline(start, duration).ShouldBe(expected);
        new MinuteSteppingCalendar(definition).Deadline(start, duration).ShouldBe(expected, "the minute-stepping reference");
    }

    private static void CheckWorkingTime(CalendarDefinition definition, Instant from, Instant to, Duration expected)
    {
        Compile(definition).WorkingTime(from, to).ShouldBe(expected);
        new MinuteSteppingCalendar(definition).WorkingTime(from, to).ShouldBe(expected, "the minute-stepping reference");
    }
}
