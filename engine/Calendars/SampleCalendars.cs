namespace Crm.Engine.Calendars;

/// <summary>Calendars for tests and the host's demo data.</summary>
public static class SampleCalendars
{
    /// <summary>
    /// <c>moscow</c>: Europe/Moscow, Monday to Friday 09:00–13:00 and 14:00–18:00, with the 2027 public holidays
    /// (weekend holidays moved to the next Monday), pre-holiday days an hour shorter, and Friday 5 November taken
    /// off in exchange for working Saturday 6 November. Modelled on the Russian production calendar, not copied
    /// from the decree.
    /// </summary>
    public static CalendarDefinition Moscow()
    {
        WorkingInterval[] day = [new("09:00", "13:00"), new("14:00", "18:00")];
        WorkingInterval[] preHoliday = [new("09:00", "13:00"), new("14:00", "17:00")];
        return new CalendarDefinition
        {
            Id = "moscow",
            Name = "Moscow office",
            TimeZone = "Europe/Moscow",
            Week = CalendarWeek.Weekdays(day),
            Holidays =
            [
                "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
                "2027-02-23", "2027-03-08", "2027-05-01", "2027-05-03", "2027-05-09", "2027-05-10",
                "2027-06-12", "2027-06-14", "2027-11-04", "2027-11-05", "2027-12-31",
            ],
            Overrides =
            [
                new("2027-02-22", preHoliday),
                new("2027-03-05", preHoliday),
                new("2027-04-30", preHoliday),
                new("2027-06-11", preHoliday),
                new("2027-11-03", preHoliday),
                new("2027-11-06", [new("09:00", "17:00")]),
                new("2027-12-30", preHoliday),
            ],
        };
    }
}
