using NodaTime;

namespace Crm.Engine.Compliance;

/// <summary>One week of a trend: Monday to Monday in the report's time zone, clipped to the period.</summary>
public sealed record ReportWeek(LocalDate Monday, Instant From, Instant To);

/// <summary>Splits a period into calendar weeks starting on Monday in a time zone.</summary>
public static class ReportWeeks
{
    public static IReadOnlyList<ReportWeek> Split(Instant from, Instant to, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var weeks = new List<ReportWeek>();
        if (to <= from)
            return weeks;
        var firstDay = from.InZone(zone).Date;
        var monday = firstDay.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        while (true)
        {
            var start = zone.AtStartOfDay(monday).ToInstant();
            var end = zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant();
            var clippedFrom = start < from ? from : start;
            var clippedTo = end > to ? to : end;
            if (clippedFrom >= to)
                break;
            weeks.Add(new ReportWeek(monday, clippedFrom, clippedTo));
            monday = monday.PlusWeeks(1);
        }
        return weeks;
    }
}
