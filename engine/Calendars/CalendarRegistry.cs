using System.Collections.Concurrent;

namespace Crm.Engine.Calendars;

/// <summary>
/// The compiled calendars in memory, always including the built-in <c>24x7</c>. Thread-safe: the host replaces
/// a calendar with <see cref="Set"/> while deals keep reading through <see cref="Find"/>. Ids are case-sensitive.
/// </summary>
public sealed class CalendarRegistry : ICalendarProvider
{
    private readonly ConcurrentDictionary<string, IWorkingCalendar> _calendars = new(StringComparer.Ordinal);

    public CalendarRegistry() => _calendars[CalendarIds.AlwaysOpen] = AlwaysOpenCalendar.Instance;

    public CalendarRegistry(IEnumerable<BusinessCalendar> calendars)
        : this()
    {
        foreach (var calendar in calendars)
            Set(calendar);
    }

    /// <summary>Every calendar, ordered by id.</summary>
    public IReadOnlyList<IWorkingCalendar> All =>
        [.. _calendars.Values.OrderBy(calendar => calendar.Id, StringComparer.Ordinal)];

    public IWorkingCalendar? Find(string calendarId) =>
        _calendars.TryGetValue(calendarId, out var calendar) ? calendar : null;

    /// <summary>Adds the calendar, or replaces the one with the same id.</summary>
    /// <exception cref="ArgumentException">The calendar claims the built-in <c>24x7</c> id. The compiler already
    /// refuses that id, so reaching this is a programming error rather than bad input.</exception>
    public void Set(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (string.Equals(calendar.Id, CalendarIds.AlwaysOpen, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The built-in '{CalendarIds.AlwaysOpen}' calendar cannot be replaced.", nameof(calendar));
        _calendars[calendar.Id] = calendar;
    }
}
