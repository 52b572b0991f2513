using Crm.Api.Infrastructure;
using Crm.Engine.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Crm.Api.Compliance;

/// <summary>
/// The period a report covers, [From, To), and the time zone its dates and weeks are read in. <c>from</c>/<c>to</c> are
/// instants (<c>2027-03-01T00:00:00Z</c>) or local dates in <c>tz</c> (UTC when absent); a date <c>to</c> includes that
/// whole day. A missing <c>to</c> is now; a missing <c>from</c> is 30 days before <c>to</c>.
/// </summary>
public sealed record ReportPeriod(Instant From, Instant To, DateTimeZone Zone)
{
    private static readonly Duration DefaultLength = Duration.FromDays(30);

    public static bool TryParse(string? from, string? to, string? tz, Instant now, out ReportPeriod period, out IResult? problem)
    {
        period = new ReportPeriod(now - DefaultLength, now, DateTimeZone.Utc);
        problem = null;
        var errors = new Dictionary<string, string[]>();
        var zone = DateTimeZone.Utc;
        if (!string.IsNullOrWhiteSpace(tz) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz.Trim()) is not { } named)
            errors["tz"] = [$"'{tz}' is not a time zone (use an IANA name such as Europe/Moscow)."];
        else if (!string.IsNullOrWhiteSpace(tz))
            zone = DateTimeZoneProviders.Tzdb[tz.Trim()];
        var start = Bound(from, zone, endOfDay: false, "from", errors);
        var end = Bound(to, zone, endOfDay: true, "to", errors);
        if (errors.Count > 0)
        {
            problem = Problems.Validation(errors);
            return false;
        }
        var resolvedTo = end ?? now;
        var resolvedFrom = start ?? resolvedTo - DefaultLength;
        if (resolvedFrom > resolvedTo)
        {
            problem = Problems.Validation(new() { ["from"] = ["'from' is after 'to'."] });
            return false;
        }
        // Reports walk the period day by day and week by week; ten years is more than any audit asks for.
        if (resolvedTo - resolvedFrom > SupportedTime.MaxSpan)
        {
            problem = Problems.Validation(new() { ["from"] = ["A period is at most ten years long."] });
            return false;
        }
        period = new ReportPeriod(resolvedFrom, resolvedTo, zone);
        return true;
    }

    /// <summary>The last local date the period touches, for file names and captions.</summary>
    public LocalDate LastDate => (To > From ? To - Duration.Epsilon : To).InZone(Zone).Date;

    public LocalDate FirstDate => From.InZone(Zone).Date;

    public bool Contains(Instant instant) => instant >= From && instant < To;

    private static Instant? Bound(string? text, DateTimeZone zone, bool endOfDay, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        Instant? value = null;
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
            value = instant.Value;
        else if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
            value = offset.Value.ToInstant();
        // Dates far from the supported range are refused before they are moved to the next day or into a zone.
        else if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            value = date.Value.Year is > 1800 and < 2300 ? zone.AtStartOfDay(endOfDay ? date.Value.PlusDays(1) : date.Value).ToInstant() : Instant.MaxValue;
        if (value is { } bound)
        {
            if (SupportedTime.Contains(bound) || (endOfDay && bound == SupportedTime.Max))
                return bound;
            errors[name] = [$"'{TextLimits.Shorten(text)}' is out of range: '{name}' lies {SupportedTime.InstantRange}."];
            return null;
        }
        errors[name] = [$"'{TextLimits.Shorten(text)}' is neither an instant (2027-03-01T00:00:00Z) nor a date (2027-03-01)."];
        return null;
    }
}
