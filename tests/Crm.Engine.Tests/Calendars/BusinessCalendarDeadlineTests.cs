using Crm.Engine.Calendars;
using NodaTime;
using static Crm.Engine.Tests.Calendars.TestCalendars;

namespace Crm.Engine.Tests.Calendars;

/// <summary>Deadlines on the sample Moscow calendar (Mon–Fri 09:00–13:00, 14:00–18:00; 2027 holidays).</summary>
public sealed class BusinessCalendarDeadlineTests
{
    private static readonly BusinessCalendar Calendar = Moscow;

    [Theory]
    [InlineData("2027-03-16 10:00", 30, "2027-03-16 10:30")]
    [InlineData("2027-03-16 12:30", 60, "2027-03-16 14:30")]
    [InlineData("2027-03-16 09:00", 8 * 60, "2027-03-16 18:00")]
    [InlineData("2027-03-16 09:00", 8 * 60 + 1, "2027-03-17 09:01")]
    [InlineData("2027-03-15 09:00", 5 * 8 * 60, "2027-03-19 18:00")]
    public void Deadline_WithinOrdinaryWeek_CountsOnlyWorkingHours(string start, int minutes, string expected) =>
        Calendar.Local(Calendar.Deadline(Calendar.At(start), Duration.FromMinutes(minutes))).ShouldBe(expected);

    [Fact]
    public void Deadline_StartFridayEvening_LandsOnMonday() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-12 17:00"), Duration.FromHours(2))).ShouldBe("2027-03-15 10:00");

    [Fact]
    public void Deadline_StartOnSaturday_CountsFromMondayMorning() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-13 11:00"), Duration.FromHours(1))).ShouldBe("2027-03-15 10:00");

    [Fact]
    public void Deadline_StartBeforeOpening_CountsFromNine() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-16 07:15"), Duration.FromMinutes(30))).ShouldBe("2027-03-16 09:30");

    [Fact]
    public void Deadline_StartInsideLunch_CountsFromTwo() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-16 13:20"), Duration.FromHours(1))).ShouldBe("2027-03-16 15:00");

    [Fact]
    public void Deadline_EndingWithTheMorning_IsOneNotTwo() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-16 09:00"), Duration.FromHours(4))).ShouldBe("2027-03-16 13:00");

    [Fact]
    public void Deadline_EndingAtClosingTime_IsClosingTimeNotNextMorning() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-12 17:00"), Duration.FromHours(1))).ShouldBe("2027-03-12 18:00");

    [Fact]
    public void Deadline_OverHoliday_SkipsIt()
    {
        // Friday 5 March is shortened to 17:00 and Monday 8 March is a holiday.
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-03-05 16:00"), Duration.FromHours(2))).ShouldBe("2027-03-09 10:00");
    }

    [Fact]
    public void Deadline_OnShortenedDay_ClosesAnHourEarly() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-11-03 16:00"), Duration.FromHours(1))).ShouldBe("2027-11-03 17:00");

    [Fact]
    public void Deadline_AfterShortenedDay_LandsOnWorkingSaturday()
    {
        // Wednesday 3 November closes at 17:00, 4 and 5 November are holidays, Saturday 6 November works 09:00–17:00.
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-11-03 16:00"), Duration.FromHours(2))).ShouldBe("2027-11-06 10:00");
    }

    [Fact]
    public void Deadline_FromWorkingSaturday_SkipsSundayOnly() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-11-06 16:00"), Duration.FromHours(2))).ShouldBe("2027-11-08 10:00");

    [Fact]
    public void Deadline_AcrossNewYearHolidays_LandsAfterThem()
    {
        // 2026 has no holidays in this calendar; 1–8 January 2027 are holidays, 9–10 January a weekend.
        Calendar.Local(Calendar.Deadline(Calendar.At("2026-12-31 17:00"), Duration.FromHours(2))).ShouldBe("2027-01-11 10:00");
    }

    [Fact]
    public void Deadline_AcrossYearEnd_SkipsNewYearsEve()
    {
        // 30 December is shortened to 17:00, 31 December is a holiday, 1–2 January 2028 a weekend.
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-12-30 16:00"), Duration.FromHours(3))).ShouldBe("2028-01-03 11:00");
    }

    [Fact]
    public void Deadline_TwentyWorkingDays_EndsOnTheTwentiethEvening() =>
        Calendar.Local(Calendar.Deadline(Calendar.At("2027-09-06 09:00"), Duration.FromHours(20 * 8))).ShouldBe("2027-10-01 18:00");

    [Fact]
    public void Deadline_ZeroDuration_ReturnsStartEvenOutsideWorkingHours()
    {
        var saturday = Calendar.At("2027-03-13 11:00");
        Calendar.Deadline(saturday, Duration.Zero).ShouldBe(saturday);
    }

    [Fact]
    public void Deadline_NegativeDuration_ReturnsStart()
    {
        var start = Calendar.At("2027-03-16 10:00");
        Calendar.Deadline(start, Duration.FromHours(-3)).ShouldBe(start);
    }

    [Fact]
    public void Deadline_KeepsSecondsAndNanoseconds()
    {
        var start = Calendar.At("2027-03-16 12:59") + Duration.FromSeconds(59) + Duration.FromNanoseconds(7);
        Calendar.Deadline(start, Duration.FromSeconds(2)).ShouldBe(Calendar.At("2027-03-16 14:00") + Duration.FromSeconds(1) + Duration.FromNanoseconds(7));
    }

    [Fact]
    public void Deadline_TenYears_IsComputed()
    {
        var start = Calendar.At("2027-03-16 10:00");
        var deadline = Calendar.Deadline(start, Duration.FromHours(8 * 250 * 10));
        Calendar.WorkingTime(start, deadline).ShouldBe(Duration.FromHours(8 * 250 * 10));
    }

    [Fact]
    public void Deadline_MoreThanHundredYears_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.Deadline(Calendar.At("2027-03-16 10:00"), Duration.FromDays(36_501)));

    [Fact]
    public void Deadline_BeyondSupportedYears_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.Deadline(NodaTime.Instant.MaxValue - Duration.FromDays(1), Duration.FromHours(1)));
}
