using System.Collections.Concurrent;
using System.Collections.Frozen;
using NodaTime;

namespace Crm.Engine.Calendars;

/// <summary>
/// A compiled business calendar: weekly working hours in a time zone, minus holidays, with per-date overrides.
/// Immutable and thread-safe; obtain one from <see cref="CalendarCompiler.Compile"/>.
/// </summary>
/// <remarks>
/// <para>Working hours are local times. A local time in a spring-forward gap is the first instant after the gap,
/// an ambiguous fall-back time its earlier instant, and <c>24:00</c> the next day's midnight, so a 00:00–24:00
/// day is 23 or 25 hours long on the days the clocks change.</para>
/// <para><see cref="Deadline"/> for a positive duration is the earliest instant <c>t</c> with
/// <c>WorkingTime(start, t) == workingTime</c>: a deadline that falls at the end of an interval is that end,
/// not the start of the next one. A zero (or negative) duration returns the start unchanged, even outside
/// working hours. Together these make <c>WorkingTime(s, Deadline(s, d)) == d</c> for every <c>d ≥ 0</c> and
/// <c>Deadline(Deadline(s, a), b) == Deadline(s, a + b)</c>.</para>
/// <para>Arithmetic is exact to the nanosecond. The time line is cut into 64-day segments whose working
/// intervals are computed once (with holidays, overrides and clock changes already applied) and cached, so a
/// query is a couple of binary searches plus one step per segment crossed. Instants must lie in the years
/// 0001–9998 and a deadline may ask for at most 100 years of working time.</para>
/// </remarks>
public sealed class BusinessCalendar : IWorkingCalendar
{
    // About 700 years of segments; beyond that, segments are built for the query and dropped, so a stray
    // query far in the past or future cannot grow the cache without bound.
    private const int MaxCachedSegments = 4096;

    private static readonly Duration MaxWorkingTime = Duration.FromDays(36_500);
    private static readonly int MinSegment = WorkingTimeSegment.IndexOf(Instant.FromUtc(1, 1, 1, 0, 0)) + 1;
    private static readonly int MaxSegment = WorkingTimeSegment.IndexOf(Instant.FromUtc(9998, 12, 31, 0, 0)) - 1;

    private readonly DailySpan[][] _week;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly FrozenDictionary<LocalDate, DailySpan[]> _overrides;
    private readonly ConcurrentDictionary<int, WorkingTimeSegment> _segments = new();
    private readonly Func<LocalDate, DailySpan[]> _hoursOn;
    private int _cachedSegments;

    internal BusinessCalendar(
        CalendarDefinition definition,
        DateTimeZone timeZone,
        DailySpan[][] week,
        FrozenSet<LocalDate> holidays,
        FrozenDictionary<LocalDate, DailySpan[]> overrides)
    {
        Definition = definition;
        TimeZone = timeZone;
        _week = week;
        _holidays = holidays;
        _overrides = overrides;
        _hoursOn = HoursOn;
        WorkingDay = week.First(day => day.Length > 0).Aggregate(Duration.Zero, (sum, span) => sum + span.Nominal);
    }

    /// <summary>The definition this calendar was compiled from, kept for display and storage; the arithmetic
    /// uses its own compiled copy, so later changes to the definition's lists do not affect it.</summary>
    public CalendarDefinition Definition { get; }

    public string Id => Definition.Id;

    /// <summary>The display name; the id when the definition has none.</summary>
    public string Name => string.IsNullOrWhiteSpace(Definition.Name) ? Definition.Id : Definition.Name;

    public DateTimeZone TimeZone { get; }

    /// <summary>The working time of the first weekday (Monday first) that has working hours, by the clock
    /// (a 09:00–18:00 day with an hour's lunch is 8 hours whatever the date).</summary>
    public Duration WorkingDay { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">More than 100 years of working time, or an instant outside
    /// the supported years.</exception>
    public Instant Deadline(Instant start, Duration workingTime)
    {
        if (workingTime <= Duration.Zero)
            return start;
        if (workingTime > MaxWorkingTime)
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "A deadline can be at most 100 years of working time away.");
        var segment = SegmentOf(start, out var offset);
        var target = segment.WorkedBefore(offset) + workingTime.ToInt64Nanoseconds();
        while (target > segment.Total)
        {
            target -= segment.Total;
            segment = SegmentAt(segment.Index + 1);
        }
        return segment.Start + Duration.FromNanoseconds(segment.OffsetWhenWorked(target));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">An instant outside the supported years.</exception>
    public Duration WorkingTime(Instant from, Instant to)
    {
        if (to <= from)
            return Duration.Zero;
        var first = SegmentOf(from, out var fromOffset);
        var last = SegmentOf(to, out var toOffset);
        if (first.Index == last.Index)
            return Duration.FromNanoseconds(first.WorkedBefore(toOffset) - first.WorkedBefore(fromOffset));
        var total = Duration.FromNanoseconds(first.Total - first.WorkedBefore(fromOffset))
            + Duration.FromNanoseconds(last.WorkedBefore(toOffset));
        for (var index = first.Index + 1; index < last.Index; index++)
            total += Duration.FromNanoseconds(SegmentAt(index).Total);
        return total;
    }

    public override string ToString() => $"{Id} ({TimeZone.Id})";

    /// <summary>The hours of a local date: its override, nothing on a holiday, else its weekday's hours.</summary>
    internal DailySpan[] HoursOn(LocalDate date)
    {
        if (_overrides.TryGetValue(date, out var hours))
            return hours;
        return _holidays.Contains(date) ? [] : _week[(int)date.DayOfWeek - 1];
    }

    private WorkingTimeSegment SegmentOf(Instant instant, out long offset)
    {
        var segment = SegmentAt(WorkingTimeSegment.IndexOf(instant));
        offset = (instant - segment.Start).ToInt64Nanoseconds();
        return segment;
    }

    private WorkingTimeSegment SegmentAt(int index) =>
        _segments.TryGetValue(index, out var segment) ? segment : BuildSegment(index);

    private WorkingTimeSegment BuildSegment(int index)
    {
        if (index < MinSegment || index > MaxSegment)
            throw new ArgumentOutOfRangeException(nameof(index), "Calendars work with instants in the years 0001–9998.");
        // Two threads may build the same segment; both results are equal, and the first one stored wins.
        var built = WorkingTimeSegment.Build(index, TimeZone, _hoursOn);
        if (Volatile.Read(ref _cachedSegments) >= MaxCachedSegments)
            return _segments.TryGetValue(index, out var cached) ? cached : built;
        if (_segments.TryAdd(index, built))
        {
            Interlocked.Increment(ref _cachedSegments);
            return built;
        }
        return _segments[index];
    }
}
