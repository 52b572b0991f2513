using NodaTime;

namespace Crm.Engine.Calendars;

/// <summary>
/// The stretch of time the product accepts from its users: instants from 1900 to 2200 and working durations of at most
/// ten years. Anything outside is a typo or an attack, never a sales process, and refusing it up front keeps calendar
/// arithmetic (which walks the time line) and the store's date columns away from the edges of their types.
/// </summary>
public static class SupportedTime
{
    /// <summary>The earliest accepted instant, 1900-01-01T00:00:00Z.</summary>
    public static readonly Instant Min = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The first instant no longer accepted, 2200-01-01T00:00:00Z.</summary>
    public static readonly Instant Max = Instant.FromUtc(2200, 1, 1, 0, 0);

    /// <summary>The longest working duration a regulation, timer or calendar question may ask for.</summary>
    public static readonly Duration MaxWorkingTime = Duration.FromDays(3650);

    /// <summary>The longest span a working-time question may cover.</summary>
    public static readonly Duration MaxSpan = Duration.FromDays(3653);

    /// <summary>How the range reads in an error message.</summary>
    public const string InstantRange = "between 1900-01-01 and 2200-01-01 (UTC)";

    public static bool Contains(Instant instant) => instant >= Min && instant < Max;

    /// <summary>The deadline, or null when it would fall at or after <see cref="Max"/>; the walk along the calendar
    /// never goes past <see cref="Max"/>, so a huge duration or a calendar with almost no working hours costs no more
    /// than one walk up to 2200.</summary>
    public static Instant? DeadlineWithin(IWorkingCalendar calendar, Instant start, Duration workingTime)
    {
        if (!Contains(start))
            return null;
        if (workingTime <= Duration.Zero)
            return start;
        if (workingTime > MaxWorkingTime || calendar.WorkingTime(start, Max) < workingTime)
            return null;
        return calendar.Deadline(start, workingTime);
    }
}
