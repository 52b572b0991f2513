using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>
/// A period cut for a store that keeps met/breached counts per UTC day: whole days from the daily tallies, and the
/// ragged ends (a period in Moscow time starts at 21:00 UTC) counted clock by clock, from whichever side of the day is
/// shorter: a short end is added (<see cref="Edges"/>); a long one is its whole day less the part outside the period
/// (<see cref="Excess"/>). Either way no end reads more than twelve hours of clocks.
/// </summary>
/// <param name="FirstDay">The first tallied day (days since 1970-01-01).</param>
/// <param name="EndDay">The day after the last tallied day; equal to <paramref name="FirstDay"/> when there is none.</param>
/// <param name="Edges">Parts of the period outside the tallied days, to add: at most two, none empty.</param>
/// <param name="Excess">Parts of the tallied days outside the period, to take away: at most two, none empty.</param>
public sealed record TallySpan(long FirstDay, long EndDay, IReadOnlyList<(Instant From, Instant To)> Edges, IReadOnlyList<(Instant From, Instant To)> Excess)
{
    public bool HasWholeDays => EndDay > FirstDay;
}

public static class TallyDays
{
    private static readonly long TicksPerDay = Duration.FromDays(1).BclCompatibleTicks;
    private static readonly Duration HalfDay = Duration.FromHours(12);

    /// <summary>The UTC day an instant falls on, as days since the Unix epoch.</summary>
    public static long DayOf(Instant instant) => FloorDiv(instant.ToUnixTimeTicks(), TicksPerDay);

    public static Instant StartOf(long day) => Instant.FromUnixTimeTicks(day * TicksPerDay);

    public static TallySpan Split(Instant from, Instant to)
    {
        if (to <= from)
            return new TallySpan(0, 0, [], []);
        var edges = new List<(Instant, Instant)>(2);
        var excess = new List<(Instant, Instant)>(2);
        var a = DayOf(from);
        if (to <= StartOf(a + 1))
        {
            // Inside one day: the period itself, or the day less what lies around it, whichever reads fewer clocks.
            if (to - from <= HalfDay)
                return new TallySpan(a, a, [(from, to)], []);
            AddIfAny(excess, StartOf(a), from);
            AddIfAny(excess, to, StartOf(a + 1));
            return new TallySpan(a, a + 1, [], excess);
        }
        var first = a;
        if (StartOf(a) != from)
        {
            if (StartOf(a + 1) - from <= HalfDay)
            {
                first = a + 1;
                edges.Add((from, StartOf(a + 1)));
            }
            else
            {
                excess.Add((StartOf(a), from));
            }
        }
        var end = DayOf(to);
        if (StartOf(end) != to)
        {
            if (to - StartOf(end) <= HalfDay)
            {
                edges.Add((StartOf(end), to));
            }
            else
            {
                excess.Add((to, StartOf(end + 1)));
                end++;
            }
        }
        return new TallySpan(first, end, edges, excess);
    }

    private static void AddIfAny(List<(Instant, Instant)> spans, Instant from, Instant to)
    {
        if (to > from)
            spans.Add((from, to));
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
