namespace Crm.Api.Persistence;

/// <summary>
/// Overruns as a report reads them: working-time ticks in decimal, separated by commas, as <c>string_agg</c> joins a
/// key's overrun rows (<see cref="ClockTallyOverrunRecord"/>) in either database. Stored one per row; joined only on the
/// way out, because one text per key costs less to read than one row per overrun.
/// </summary>
public static class OverrunList
{
    /// <summary>Parses a list into <paramref name="values"/> (cleared first). A quarter's report parses 300,000 of these
    /// numbers, so this reads digits in place: no strings, no culture lookups. Overruns are never negative.</summary>
    public static void Parse(ReadOnlySpan<char> list, List<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        long value = 0;
        var digits = 0;
        foreach (var c in list)
        {
            if (c == ',')
            {
                values.Add(digits > 0 ? value : throw Malformed(list));
                (value, digits) = (0, 0);
            }
            else if (c is >= '0' and <= '9' && digits < 18)
            {
                value = (value * 10) + (c - '0');
                digits++;
            }
            else
            {
                throw Malformed(list);
            }
        }
        if (digits > 0)
            values.Add(value);
        else if (!list.IsEmpty)
            throw Malformed(list);
    }

    private static FormatException Malformed(ReadOnlySpan<char> list) =>
        new($"Not a list of overruns: '{list[..Math.Min(list.Length, 40)]}'.");
}
