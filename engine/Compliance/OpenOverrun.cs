using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>How far past its limit a clock is at a given instant, in its calendar's working time.</summary>
public static class OpenOverrun
{
    /// <summary>
    /// Consumed working time plus what has run since <paramref name="runningSince"/>, minus the limit; zero when not past
    /// it. Counting from the clock's own consumption rather than from the deadline keeps pauses after a breach out.
    /// </summary>
    public static Duration AsOf(Duration consumed, Instant? runningSince, Duration limit, Instant now, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var used = consumed + (runningSince is { } since ? calendar.WorkingTime(since, now) : Duration.Zero);
        var overrun = used - limit;
        return overrun > Duration.Zero ? overrun : Duration.Zero;
    }
}
