using NodaTime;
using NodaTime.TimeZones;

namespace Crm.Engine.Calendars;

/// <summary>
/// The working intervals of one fixed 64-day stretch of the time line, as nanosecond offsets from
/// <see cref="Start"/> with a running total, so that both questions a calendar answers are a binary search.
/// Segments are cut in UTC rather than by local date so that finding the segment of an instant is a division.
/// </summary>
internal sealed class WorkingTimeSegment
{
    public const int DayCount = 64;
    public const long LengthTicks = DayCount * NodaConstants.TicksPerDay;
    public const long LengthNanos = DayCount * NodaConstants.NanosecondsPerDay;

    // The contract's DST rules: a local time in a spring-forward gap is the first instant after the gap;
    // an ambiguous fall-back time is its earlier instant.
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly long[] _starts;
    private readonly long[] _ends;
    // Working nanoseconds from the segment start to the end of each interval; strictly increasing.
    private readonly long[] _workedAtEnd;

    private WorkingTimeSegment(int index, long[] starts, long[] ends)
    {
        Index = index;
        Start = StartOf(index);
        _starts = starts;
        _ends = ends;
        _workedAtEnd = new long[starts.Length];
        long worked = 0;
        for (var k = 0; k < starts.Length; k++)
        {
            worked += ends[k] - starts[k];
            _workedAtEnd[k] = worked;
        }
        Total = worked;
    }

    public int Index { get; }

    public Instant Start { get; }

    /// <summary>Working nanoseconds in the whole segment.</summary>
    public long Total { get; }

    public static Instant StartOf(int index) => Instant.FromUnixTimeTicks(index * LengthTicks);

    public static int IndexOf(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var index = ticks / LengthTicks;
        if (ticks % LengthTicks < 0)
            index--;
        return (int)index;
    }

    /// <summary>Working nanoseconds between the segment start and <paramref name="offset"/> (0 ≤ offset ≤ length).</summary>
    public long WorkedBefore(long offset)
    {
        var k = _starts.AsSpan().BinarySearch(offset);
        if (k < 0)
            k = ~k - 1;
        return k < 0 ? 0 : _workedAtEnd[k] - Math.Max(0, _ends[k] - offset);
    }

    /// <summary>The earliest offset at which <paramref name="worked"/> (0 &lt; worked ≤ <see cref="Total"/>) has
    /// been worked since the segment start: an interval's end rather than the next interval's start.</summary>
    public long OffsetWhenWorked(long worked)
    {
        var k = _workedAtEnd.AsSpan().BinarySearch(worked);
        if (k < 0)
            k = ~k;
        return _ends[k] - (_workedAtEnd[k] - worked);
    }

    public static WorkingTimeSegment Build(int index, DateTimeZone zone, Func<LocalDate, DailySpan[]> hoursOn)
    {
        var start = StartOf(index);
        var starts = new List<long>();
        var ends = new List<long>();
        // A local date's hours can land up to a day (plus a skipped day, as in Samoa in 2011) away from the
        // same UTC date, so look two days beyond each edge and clip.
        var first = start.InUtc().Date.PlusDays(-2);
        var last = first.PlusDays(DayCount + 3);
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            foreach (var span in hoursOn(date))
            {
                var from = Math.Max(OffsetOf(span.StartOn(date), zone, start), 0);
                var to = Math.Min(OffsetOf(span.EndOn(date), zone, start), LengthNanos);
                // Local-to-instant mapping is monotonic for real zones; clamping keeps the arrays sorted even if not.
                if (ends.Count > 0)
                    from = Math.Max(from, ends[^1]);
                if (to <= from)
                    continue;
                if (ends.Count > 0 && ends[^1] == from)
                {
                    ends[^1] = to;
                }
                else
                {
                    starts.Add(from);
                    ends.Add(to);
                }
            }
        }
        return new WorkingTimeSegment(index, [.. starts], [.. ends]);
    }

    private static long OffsetOf(LocalDateTime local, DateTimeZone zone, Instant start)
    {
        var offset = zone.ResolveLocal(local, Resolver).ToInstant() - start;
        // Anything beyond the segment is clipped anyway; bounding it keeps the conversion in range.
        if (offset < Duration.Zero)
            return -1;
        return offset > Duration.FromNanoseconds(LengthNanos) ? LengthNanos + 1 : offset.ToInt64Nanoseconds();
    }
}
