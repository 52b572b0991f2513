using Crm.Engine.Calendars;

namespace Crm.Api.Calendars;

/// <summary>The calendars funnels may name, compiled and held in memory; the database is the truth.</summary>
public sealed class CalendarStore : ICalendarProvider
{
    private volatile Dictionary<string, IWorkingCalendar> _calendars = new(StringComparer.Ordinal)
    {
        [CalendarIds.AlwaysOpen] = AlwaysOpenCalendar.Instance,
    };

    public IWorkingCalendar? Find(string calendarId) => _calendars.GetValueOrDefault(calendarId);

    public IReadOnlyCollection<IWorkingCalendar> All => _calendars.Values;

    public void Set(IWorkingCalendar calendar)
    {
        var next = new Dictionary<string, IWorkingCalendar>(_calendars, StringComparer.Ordinal) { [calendar.Id] = calendar };
        _calendars = next;
    }
}
