using NodaTime;

namespace Crm.Engine.Clocks;

/// <summary>A person took a clock over when it had consumed <see cref="At"/> of working time (null: the deal had no owner).</summary>
public readonly record struct ClockHandover(string? HolderId, Duration At);

/// <summary>One person's share of a clock: working time it ran while they owned the deal, and the part past its limit.</summary>
public readonly record struct ClockHolding(string? HolderId, Duration Held, Duration OverrunHeld);

/// <summary>
/// The split of one clock's working time between everyone who held it (ServiceNow's "SLA breakdown"): a breach is
/// attributed to whoever owned the deal at the deadline, and the split shows who else let the clock run, before the
/// deadline and after it. Derived from the handovers, so it adds up to the clock's consumed time exactly.
/// </summary>
public static class ClockHoldings
{
    /// <summary>The holdings of a clock that has consumed <paramref name="consumed"/> so far (its final consumed time
    /// once finished), in order of first holding, one entry per person.</summary>
    public static IReadOnlyList<ClockHolding> Of(IReadOnlyList<ClockHandover> handovers, Duration consumed, Duration limit)
    {
        ArgumentNullException.ThrowIfNull(handovers);
        var holdings = new List<ClockHolding>();
        for (var i = 0; i < handovers.Count; i++)
        {
            var from = handovers[i].At;
            var to = i + 1 < handovers.Count ? handovers[i + 1].At : consumed;
            if (to < from)
                to = from;
            var late = Max(Duration.Zero, to - Max(from, limit));
            var index = holdings.FindIndex(h => h.HolderId == handovers[i].HolderId);
            if (index < 0)
                holdings.Add(new ClockHolding(handovers[i].HolderId, to - from, late));
            else
                holdings[index] = holdings[index] with { Held = holdings[index].Held + (to - from), OverrunHeld = holdings[index].OverrunHeld + late };
        }
        return holdings;
    }

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
}
