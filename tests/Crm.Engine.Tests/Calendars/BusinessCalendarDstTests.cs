using Crm.Engine.Calendars;
using NodaTime;
using static Crm.Engine.Tests.Calendars.TestCalendars;

namespace Crm.Engine.Tests.Calendars;

/// <summary>
/// Clock changes. Europe/London moves at 01:00 UTC on the last Sundays of March (28 March 2027: 01:00 GMT becomes
/// 02:00 BST) and October (31 October 2027: 02:00 BST becomes 01:00 GMT); America/New_York at 02:00 local on the
/// second Sunday of March (14 March 2027) and the first Sunday of November (7 November 2027).
/// </summary>
public sealed class BusinessCalendarDstTests
{
    private static readonly BusinessCalendar LondonAllDay = Compile(Daily("london-all-day", "Europe/London", "00:00", "24:00"));

    [Fact]
    public void WorkingTime_LondonSpringForwardDay_Is23Hours() =>
        LondonAllDay.WorkingTime(Instant("2027-03-28T00:00+00:00"), Instant("2027-03-29T00:00+01:00")).ShouldBe(Duration.FromHours(23));

    [Fact]
    public void WorkingTime_LondonFallBackDay_Is25Hours() =>
        LondonAllDay.WorkingTime(Instant("2027-10-31T00:00+01:00"), Instant("2027-11-01T00:00+00:00")).ShouldBe(Duration.FromHours(25));

    [Fact]
    public void WorkingTime_LondonOverrideOnFallBackSunday_Is25Hours() =>
        London.WorkingTime(London.At("2027-10-31 00:00"), London.At("2027-11-01 00:00")).ShouldBe(Duration.FromHours(25));

    [Fact]
    public void WorkingTime_LondonNightShiftOverSpringForward_LosesAnHour()
    {
        // Saturday 22:00 to Sunday 03:00 local: 2 hours before midnight, 2 hours after (01:00–02:00 never happens).
        London.WorkingTime(London.At("2027-03-27 20:00"), London.At("2027-03-28 12:00")).ShouldBe(Duration.FromHours(4));
    }

    [Fact]
    public void WorkingTime_LondonNightShiftOverFallBack_GainsAnHour() =>
        London.WorkingTime(London.At("2026-10-24 20:00"), London.At("2026-10-25 12:00")).ShouldBe(Duration.FromHours(6));

    [Fact]
    public void Deadline_LondonSpringForward_SkipsTheMissingHour() =>
        London.Deadline(London.At("2027-03-27 23:00"), Duration.FromHours(2)).ShouldBe(Instant("2027-03-28T02:00+01:00"));

    [Fact]
    public void Deadline_LondonFallBack_CountsTheRepeatedHour()
    {
        // From 00:00 BST, two hours of work end at the second 01:00 (GMT).
        London.Deadline(London.At("2026-10-25 00:00"), Duration.FromHours(2)).ShouldBe(Instant("2026-10-25T01:00+00:00"));
    }

    [Fact]
    public void Deadline_LondonAllDaySpringForward_NextDayStartsAfter23Hours()
    {
        var sunday = Instant("2027-03-28T00:00+00:00");
        LondonAllDay.Deadline(sunday, Duration.FromHours(23)).ShouldBe(Instant("2027-03-29T00:00+01:00"));
        LondonAllDay.Deadline(sunday, Duration.FromHours(24)).ShouldBe(Instant("2027-03-29T01:00+01:00"));
    }

    [Fact]
    public void Deadline_LondonOfficeHoursAfterSpringForward_AreSummerTime()
    {
        // The working Saturday closes at 14:00 GMT, the night shift runs 22:00 GMT to 03:00 BST (4 hours), and
        // Easter Monday is a holiday, so the last hour is on Tuesday morning in summer time.
        London.Deadline(London.At("2027-03-27 13:00"), Duration.FromHours(6)).ShouldBe(Instant("2027-03-30T10:00+01:00"));
    }

    [Fact]
    public void WorkingTime_NewYorkSpringForward_NightIsTwoHours() =>
        NewYorkNights.WorkingTime(NewYorkNights.At("2027-03-14 00:00"), NewYorkNights.At("2027-03-14 12:00")).ShouldBe(Duration.FromHours(2));

    [Fact]
    public void WorkingTime_NewYorkFallBack_NightIsFourHours() =>
        NewYorkNights.WorkingTime(NewYorkNights.At("2027-11-07 00:00"), NewYorkNights.At("2027-11-07 12:00")).ShouldBe(Duration.FromHours(4));

    [Fact]
    public void Deadline_NewYorkSpringForward_JumpsOverTheGap()
    {
        // An hour on Saturday night, then Sunday 01:00 EST plus an hour is 03:00 EDT.
        NewYorkNights.Deadline(NewYorkNights.At("2027-03-13 03:00"), Duration.FromHours(2)).ShouldBe(Instant("2027-03-14T03:00-04:00"));
    }

    [Fact]
    public void Deadline_NewYorkFallBack_EndsInTheRepeatedHour() =>
        NewYorkNights.Deadline(Instant("2027-11-07T01:00-04:00"), Duration.FromMinutes(90)).ShouldBe(Instant("2027-11-07T01:30-05:00"));

    [Fact]
    public void WorkingTime_HoursStartingInsideTheGap_StartWhenTheGapEnds()
    {
        var calendar = Compile(Daily("ny-gap", "America/New_York", "02:30", "05:00"));
        calendar.WorkingTime(calendar.At("2027-03-14 00:00"), calendar.At("2027-03-14 12:00")).ShouldBe(Duration.FromHours(2));
        calendar.Deadline(calendar.At("2027-03-14 00:00"), Duration.FromMinutes(1)).ShouldBe(Instant("2027-03-14T03:01-04:00"));
    }

    [Fact]
    public void WorkingTime_HoursWhollyInsideTheGap_AreNone()
    {
        var calendar = Compile(Daily("ny-lost", "America/New_York", "02:00", "02:45"));
        calendar.WorkingTime(calendar.At("2027-03-14 00:00"), calendar.At("2027-03-14 12:00")).ShouldBe(Duration.Zero);
        calendar.WorkingTime(calendar.At("2027-03-15 00:00"), calendar.At("2027-03-15 12:00")).ShouldBe(Duration.FromMinutes(45));
    }

    [Fact]
    public void WorkingTime_HoursStartingInTheRepeatedHour_StartAtItsFirstOccurrence()
    {
        // 01:30 is read as 01:30 EDT, so 01:30–05:00 spans 4.5 hours of real time.
        var calendar = Compile(Daily("ny-repeat", "America/New_York", "01:30", "05:00"));
        calendar.WorkingTime(calendar.At("2027-11-07 00:00"), calendar.At("2027-11-07 12:00")).ShouldBe(Duration.FromMinutes(270));
        calendar.Deadline(calendar.At("2027-11-07 00:00"), Duration.FromMinutes(1)).ShouldBe(Instant("2027-11-07T01:31-04:00"));
    }

    [Fact]
    public void Deadline_MoscowHasNoClockChanges_WorksTheSameAllYear()
    {
        var moscow = Moscow;
        moscow.WorkingTime(moscow.At("2027-03-29 00:00"), moscow.At("2027-03-30 00:00")).ShouldBe(Duration.FromHours(8));
        moscow.WorkingTime(moscow.At("2027-11-01 00:00"), moscow.At("2027-11-02 00:00")).ShouldBe(Duration.FromHours(8));
    }
}
