using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>
/// A period cut for a store that keeps met/breached counts per UTC day: the whole days inside it come from the
/// daily tallies, and the ragged ends (a period in Moscow time starts at 21:00 UTC) are counted clock by clock.
/// </summary>
/// <param name="FirstDay">The first whole UTC day (days since 1970-01-01).</param>
/// <param name="EndDay">The day after the last whole day; equal to <paramref name="FirstDay"/> when there is none.</param>
/// <param name="Edges">The parts of the period outside whole days, at most two, none of them empty.</param>
public sealed record TallySpan(long FirstDay, long EndDay, IReadOnlyList<(Instant From, Instant To)> Edges)
{
    public bool HasWholeDays => EndDay > FirstDay;
}

public static class TallyDays
{
    private static readonly long TicksPerDay = Duration.FromDays(1).BclCompatibleTicks;

    /// <summary>The UTC day an instant falls on, as days since the Unix epoch.</summary>
    public static long DayOf(Instant instant) => FloorDiv(instant.ToUnixTimeTicks(), TicksPerDay);

    public static Instant StartOf(long day) => Instant.FromUnixTimeTicks(day * TicksPerDay);

    public static TallySpan Split(Instant from, Instant to)
    {
        if (to <= from)
            return new TallySpan(0, 0, []);
        var firstDay = DayOf(from) + (StartOf(DayOf(from)) == from ? 0 : 1);
        var endDay = DayOf(to);
        if (endDay <= firstDay)
            return new TallySpan(firstDay, firstDay, [(from, to)]);
        var edges = new List<(Instant, Instant)>(2);
        if (StartOf(firstDay) > from)
            edges.Add((from, StartOf(firstDay)));
        if (to > StartOf(endDay))
            edges.Add((StartOf(endDay), to));
        return new TallySpan(firstDay, endDay, edges);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
