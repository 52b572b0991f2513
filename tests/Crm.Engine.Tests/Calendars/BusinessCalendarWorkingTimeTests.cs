using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Tests.Calendars;

/// <summary>Working time on the sample Moscow calendar (Mon–Fri 09:00–13:00, 14:00–18:00; 2027 holidays).</summary>
public sealed class BusinessCalendarWorkingTimeTests
{
    private static readonly BusinessCalendar Calendar = TestCalendars.Moscow;

    private static Duration Between(string from, string to) => Calendar.WorkingTime(Calendar.At(from), Calendar.At(to));

    [Theory]
    [InlineData("2027-03-16 10:00", "2027-03-16 10:30", 30)]
    [InlineData("2027-03-16 12:00", "2027-03-16 15:00", 120)]
    [InlineData("2027-03-16 13:10", "2027-03-16 13:50", 0)]
    [InlineData("2027-03-16 07:00", "2027-03-16 20:00", 480)]
    [InlineData("2027-03-15 00:00", "2027-03-22 00:00", 2400)]
    public void WorkingTime_WithinOrdinaryWeek_CountsOnlyWorkingHours(string from, string to, int minutes) =>
        Between(from, to).ShouldBe(Duration.FromMinutes(minutes));

    [Fact]
    public void WorkingTime_OverWeekend_CountsFridayAndMondayOnly() =>
        Between("2027-03-12 17:00", "2027-03-15 10:00").ShouldBe(Duration.FromHours(2));

    [Fact]
    public void WorkingTime_OverNewYearHolidays_IsZero() =>
        Between("2027-01-01 00:00", "2027-01-11 00:00").ShouldBe(Duration.Zero);

    [Fact]
    public void WorkingTime_OfShortenedDay_IsSevenHours() =>
        Between("2027-11-03 00:00", "2027-11-04 00:00").ShouldBe(Duration.FromHours(7));

    [Fact]
    public void WorkingTime_OfWorkingSaturday_IsItsOverrideHours() =>
        Between("2027-11-06 00:00", "2027-11-07 00:00").ShouldBe(Duration.FromHours(8));

    [Fact]
    public void WorkingTime_AcrossYearEnd_CountsBothYears() =>
        Between("2027-12-30 00:00", "2028-01-04 00:00").ShouldBe(Duration.FromHours(7 + 8));

    [Fact]
    public void WorkingTime_OfYear2027_MatchesTheProductionCalendar()
    {
        // 261 weekdays, 14 of them holidays; 6 shortened days (one hour less) and a working Saturday (eight hours).
        Between("2027-01-01 00:00", "2028-01-01 00:00").ShouldBe(Duration.FromHours((247 * 8) - 6 + 8));
    }

    [Fact]
    public void WorkingTime_ReversedSpan_IsZero() =>
        Between("2027-03-16 15:00", "2027-03-16 10:00").ShouldBe(Duration.Zero);

    [Fact]
    public void WorkingTime_EmptySpan_IsZero() =>
        Between("2027-03-16 10:00", "2027-03-16 10:00").ShouldBe(Duration.Zero);

    [Fact]
    public void WorkingTime_AcrossManyYears_AddsUp()
    {
        var tenYears = Between("2026-01-01 00:00", "2036-01-01 00:00");
        var parts = Duration.Zero;
        for (var year = 2026; year < 2036; year++)
            parts += Between($"{year}-01-01 00:00", $"{year + 1}-01-01 00:00");
        tenYears.ShouldBe(parts);
    }

    [Fact]
    public void WorkingDay_OfMoscow_IsEightHours() => Calendar.WorkingDay.ShouldBe(Duration.FromHours(8));
}
