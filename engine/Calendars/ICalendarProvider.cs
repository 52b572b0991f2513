namespace Crm.Engine.Calendars;

/// <summary>Finds the compiled calendar a funnel names. Filled by the host from its store.</summary>
public interface ICalendarProvider
{
    /// <summary>The calendar, or null when no calendar has that id.</summary>
    IWorkingCalendar? Find(string calendarId);
}
