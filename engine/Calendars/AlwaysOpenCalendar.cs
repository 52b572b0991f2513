using NodaTime;

namespace Crm.Engine.Calendars;

/// <summary>The built-in <c>24x7</c> calendar: every moment is working time.</summary>
public sealed class AlwaysOpenCalendar : IWorkingCalendar
{
    public static readonly AlwaysOpenCalendar Instance = new();

    public string Id => CalendarIds.AlwaysOpen;

    public Duration WorkingDay => Duration.FromHours(24);

    public Instant Deadline(Instant start, Duration workingTime) =>
        workingTime <= Duration.Zero ? start : start + workingTime;

    public Duration WorkingTime(Instant from, Instant to) => to > from ? to - from : Duration.Zero;
}
