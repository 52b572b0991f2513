namespace Crm.Api.Persistence;

/// <summary>A run of tally rows of one size: <see cref="Days"/> = 1 is daily tallies, else blocks of that many days, each
/// starting on a multiple of <see cref="Days"/> (days since 1970-01-01). Covers the days [<see cref="From"/>, <see cref="To"/>).</summary>
public readonly record struct TallyRun(int Days, long From, long To);

/// <summary>
/// Daily tallies rolled up into aligned blocks of 8 and 64 days, so a report reads a few rows per key whatever its
/// length: at most 7 days and 7 eight-day blocks at each end around the 64-day blocks, so a quarter is 5 to 29 rows
/// (the second quarter of 2027 is 7) and a year at most 34, against 91 and 365 daily rows. Aligned to the epoch, not to months, so that any period in any time zone gains
/// alike, and a block of a day is plain integer arithmetic in SQL.
/// </summary>
public static class TallyBlocks
{
    /// <summary>The block sizes kept besides days, largest first.</summary>
    public static readonly IReadOnlyList<int> Sizes = [64, 8];

    /// <summary>The first day of the block of <paramref name="size"/> days that holds <paramref name="day"/>.</summary>
    public static long StartOf(long day, int size) => FloorTo(day, size);

    /// <summary>The fewest runs of blocks and days that cover [<paramref name="firstDay"/>, <paramref name="endDay"/>)
    /// exactly, each day once: the largest aligned blocks in the middle, smaller ones towards the ends.</summary>
    public static IReadOnlyList<TallyRun> Cover(long firstDay, long endDay)
    {
        var runs = new List<TallyRun>();
        Cover(firstDay, endDay, 0, runs);
        return runs;
    }

    private static void Cover(long from, long to, int level, List<TallyRun> runs)
    {
        if (to <= from)
            return;
        if (level == Sizes.Count)
        {
            runs.Add(new TallyRun(1, from, to));
            return;
        }
        var size = Sizes[level];
        var first = CeilTo(from, size);
        var end = FloorTo(to, size);
        if (first >= end)
        {
            Cover(from, to, level + 1, runs);
            return;
        }
        Cover(from, first, level + 1, runs);
        runs.Add(new TallyRun(size, first, end));
        Cover(end, to, level + 1, runs);
    }

    private static long FloorTo(long day, int size) => day - (((day % size) + size) % size);

    private static long CeilTo(long day, int size) => FloorTo(day + size - 1, size);
}
