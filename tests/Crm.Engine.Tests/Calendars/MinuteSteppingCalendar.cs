using System.Collections.Concurrent;
using Crm.Engine.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Crm.Engine.Tests.Calendars;

/// <summary>
/// A deliberately naive reference: it reads the definition on its own, asks "is this minute working?" one
/// minute at a time, and maps local times with <see cref="DateTimeZone.MapLocal"/> rather than the resolvers the
/// engine uses. Only right for calendars whose hours and clock changes fall on whole minutes.
/// </summary>
internal sealed class MinuteSteppingCalendar(CalendarDefinition definition)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb[definition.TimeZone];
    private readonly ConcurrentDictionary<LocalDate, (Instant From, Instant To)[]> _days = new();

    public Instant Deadline(Instant start, Duration workingTime)
    {
        if (workingTime <= Duration.Zero)
            return start;
        var remaining = workingTime;
        for (var t = start; ; t = NextMinute(t))
        {
            var step = NextMinute(t) - t;
            if (IsWorking(t))
            {
                if (remaining <= step)
                    return t + remaining;
                remaining -= step;
            }
        }
    }

    public Duration WorkingTime(Instant from, Instant to)
    {
        var total = Duration.Zero;
        for (var t = from; t < to; t = NextMinute(t))
        {
            if (IsWorking(t))
                total += (NextMinute(t) < to ? NextMinute(t) : to) - t;
        }
        return total;
    }

    // Test instants are whole seconds after 1970, so truncating to the minute is enough.
    private static Instant NextMinute(Instant t)
    {
        var seconds = t.ToUnixTimeSeconds();
        return Instant.FromUnixTimeSeconds(seconds - (seconds % 60) + 60);
    }

    private bool IsWorking(Instant t)
    {
        var date = t.InZone(_zone).Date;
        for (var d = date.PlusDays(-1); d <= date.PlusDays(1); d = d.PlusDays(1))
        {
            foreach (var (from, to) in _days.GetOrAdd(d, IntervalsOn))
            {
                if (from <= t && t < to)
                    return true;
            }
        }
        return false;
    }

    private (Instant From, Instant To)[] IntervalsOn(LocalDate date)
    {
        var text = LocalDatePattern.Iso.Format(date);
        var hours = definition.Overrides.FirstOrDefault(o => o.Date == text)?.Hours
            ?? (definition.Holidays.Contains(text) ? [] : HoursOf(date.DayOfWeek));
        return [.. hours.Select(h => (Map(date, h.From), Map(date, h.To)))];
    }

    private IReadOnlyList<WorkingInterval> HoursOf(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => definition.Week.Monday,
        IsoDayOfWeek.Tuesday => definition.Week.Tuesday,
        IsoDayOfWeek.Wednesday => definition.Week.Wednesday,
        IsoDayOfWeek.Thursday => definition.Week.Thursday,
        IsoDayOfWeek.Friday => definition.Week.Friday,
        IsoDayOfWeek.Saturday => definition.Week.Saturday,
        _ => definition.Week.Sunday,
    };

    private Instant Map(LocalDate date, string time)
    {
        var local = time == "24:00"
            ? date.PlusDays(1).AtMidnight()
            : date.At(LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time).Value);
        var mapping = _zone.MapLocal(local);
        // In a gap, the first instant after it; when ambiguous, the earlier instant.
        return mapping.Count == 0 ? mapping.LateInterval.Start : mapping.First().ToInstant();
    }
}
