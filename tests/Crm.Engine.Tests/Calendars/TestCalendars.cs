using Crm.Engine.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Crm.Engine.Tests.Calendars;

/// <summary>Calendars and instant helpers shared by the calendar tests.</summary>
internal static class TestCalendars
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly OffsetDateTimePattern OffsetPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mmo<G>");

    public static BusinessCalendar Moscow { get; } = Compile(SampleCalendars.Moscow());

    public static BusinessCalendar London { get; } = Compile(LondonDefinition());

    public static BusinessCalendar NewYorkNights { get; } = Compile(Daily("ny-nights", "America/New_York", "01:00", "04:00"));

    /// <summary>America/New_York hours whose edges fall inside the clock changes: 01:30 is shown twice on the first
    /// Sunday of November and 02:30 never on the second Sunday of March.</summary>
    public static BusinessCalendar NewYorkEdges { get; } = Compile(NewYorkEdgesDefinition());

    public static CalendarDefinition NewYorkEdgesDefinition() => Daily("ny-edges", "America/New_York", "01:30", "02:30") with
    {
        Overrides = [new("2027-03-14", [new("02:30", "05:00")]), new("2027-11-07", [new("00:00", "01:30"), new("02:00", "24:00")])],
    };

    /// <summary>
    /// Europe/London office hours plus weekend support from Saturday 22:00 to Sunday 03:00, which crosses both
    /// clock changes (01:00 UTC on the last Sundays of March and October); UK bank holidays 2026–2028; a shortened
    /// Christmas Eve, a working Saturday on the eve of the spring change, and the autumn change Sunday worked in full.
    /// </summary>
    public static CalendarDefinition LondonDefinition()
    {
        WorkingInterval[] day = [new("09:00", "13:00"), new("14:00", "18:00")];
        return new CalendarDefinition
        {
            Id = "london",
            Name = "London office",
            TimeZone = "Europe/London",
            Week = CalendarWeek.Weekdays(day) with
            {
                Saturday = [new("22:00", "24:00")],
                Sunday = [new("00:00", "03:00")],
            },
            Holidays =
            [
                "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
                "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
                "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
            ],
            Overrides =
            [
                new("2027-03-27", [new("10:00", "14:00"), new("22:00", "24:00")]),
                new("2027-10-31", [new("00:00", "24:00")]),
                new("2027-12-24", [new("09:00", "13:00")]),
            ],
        };
    }

    /// <summary>A calendar with the same hours on every day of the week.</summary>
    public static CalendarDefinition Daily(string id, string timeZone, string from, string to)
    {
        WorkingInterval[] hours = [new(from, to)];
        return new CalendarDefinition
        {
            Id = id,
            TimeZone = timeZone,
            Week = CalendarWeek.Weekdays(hours) with { Saturday = hours, Sunday = hours },
        };
    }

    public static BusinessCalendar Compile(CalendarDefinition definition)
    {
        var result = CalendarCompiler.Compile(definition);
        result.Errors.ShouldBeEmpty();
        return result.Calendar!;
    }

    /// <summary>The instant of an unambiguous local time, written <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static Instant At(this BusinessCalendar calendar, string local) =>
        calendar.TimeZone.AtStrictly(LocalPattern.Parse(local).Value).ToInstant();

    /// <summary>An instant written with its offset (<c>2027-03-28T02:00+01:00</c>), for times the local clock shows twice or never.</summary>
    public static Instant Instant(string offsetDateTime) =>
        OffsetPattern.Parse(offsetDateTime).Value.ToInstant();

    public static string Local(this BusinessCalendar calendar, Instant instant) =>
        LocalPattern.Format(instant.InZone(calendar.TimeZone).LocalDateTime);
}
