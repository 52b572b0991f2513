using System.Collections.Frozen;
using NodaTime;
using NodaTime.Text;

namespace Crm.Engine.Calendars;

/// <summary>
/// Turns a <see cref="CalendarDefinition"/> into a <see cref="BusinessCalendar"/>, or reports every problem at once.
/// Refused: a missing id (or the reserved <c>24x7</c>), an unknown time zone, unparseable times and dates, intervals
/// that end before they start (an overnight shift must be split at midnight), overlapping intervals, a week with no
/// working time, duplicate override dates and a date that is both a holiday and an override.
/// </summary>
public static class CalendarCompiler
{
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern HourMinuteSecond = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public static CalendarCompileResult Compile(CalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<CalendarError>();
        CheckId(definition.Id, errors);
        var zone = ResolveZone(definition.TimeZone, errors);
        var week = CompileWeek(definition.Week, errors);
        var holidays = CompileHolidays(definition.Holidays, errors);
        var overrides = CompileOverrides(definition.Overrides, holidays, errors);
        if (errors.Count > 0 || zone is null)
            return CalendarCompileResult.Failure(errors);
        var calendar = new BusinessCalendar(definition, zone, week, holidays.Keys.ToFrozenSet(), overrides.ToFrozenDictionary());
        return CalendarCompileResult.Success(calendar);
    }

    private static void CheckId(string? id, List<CalendarError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
            errors.Add(new("id", "The calendar needs an id, e.g. \"moscow\"."));
        else if (id.Trim() != id)
            errors.Add(new("id", $"'{id}' starts or ends with spaces; remove them."));
        else if (string.Equals(id, CalendarIds.AlwaysOpen, StringComparison.OrdinalIgnoreCase))
            errors.Add(new("id", $"'{CalendarIds.AlwaysOpen}' is the built-in always-open calendar; choose another id."));
    }

    private static DateTimeZone? ResolveZone(string? timeZone, List<CalendarError> errors)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            errors.Add(new("timeZone", "The time zone is missing; give an IANA id such as Europe/Moscow."));
            return null;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone.Trim());
        if (zone is null)
            errors.Add(new("timeZone", $"'{timeZone}' is not a known IANA time zone; use an id such as Europe/Moscow."));
        return zone;
    }

    private static DailySpan[][] CompileWeek(CalendarWeek? week, List<CalendarError> errors)
    {
        if (week is null)
        {
            errors.Add(new("week", "The week is missing; give each weekday its working hours."));
            return [.. Enumerable.Repeat(Array.Empty<DailySpan>(), 7)];
        }
        var errorsBefore = errors.Count;
        // Indexed by IsoDayOfWeek - 1, so Monday first.
        DailySpan[][] days =
        [
            CompileDay(week.Monday, "week.monday", errors),
            CompileDay(week.Tuesday, "week.tuesday", errors),
            CompileDay(week.Wednesday, "week.wednesday", errors),
            CompileDay(week.Thursday, "week.thursday", errors),
            CompileDay(week.Friday, "week.friday", errors),
            CompileDay(week.Saturday, "week.saturday", errors),
            CompileDay(week.Sunday, "week.sunday", errors),
        ];
        // A broken interval is already reported; saying the week is empty on top of it would only confuse.
        if (errors.Count == errorsBefore && days.All(day => day.Length == 0))
            errors.Add(new("week", "The week has no working hours; give at least one weekday some hours (overrides alone are not enough)."));
        return days;
    }

    private static DailySpan[] CompileDay(IReadOnlyList<WorkingInterval>? intervals, string path, List<CalendarError> errors)
    {
        if (intervals is null || intervals.Count == 0)
            return [];
        var valid = new List<(DailySpan Span, int Index)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            if (TryCompileInterval(intervals[i], $"{path}[{i}]", errors) is { } span)
                valid.Add((span, i));
        }
        valid.Sort((a, b) => a.Span.FromNanos.CompareTo(b.Span.FromNanos));
        var overlaps = new List<(int Index, CalendarError Error)>();
        var furthest = -1;
        for (var k = 0; k < valid.Count; k++)
        {
            if (furthest >= 0 && valid[k].Span.FromNanos < valid[furthest].Span.ToNanos)
            {
                var (other, otherIndex) = valid[furthest];
                overlaps.Add((valid[k].Index, new($"{path}[{valid[k].Index}]",
                    $"{Describe(valid[k].Span)} overlaps {Describe(other)} ({path}[{otherIndex}]); join them into one interval or move one.")));
            }
            if (furthest < 0 || valid[k].Span.ToNanos > valid[furthest].Span.ToNanos)
                furthest = k;
        }
        errors.AddRange(overlaps.OrderBy(overlap => overlap.Index).Select(overlap => overlap.Error));
        return [.. valid.Select(v => v.Span)];
    }

    private static DailySpan? TryCompileInterval(WorkingInterval? interval, string path, List<CalendarError> errors)
    {
        if (interval is null)
        {
            errors.Add(new(path, "An interval needs \"from\" and \"to\", e.g. {\"from\": \"09:00\", \"to\": \"13:00\"}."));
            return null;
        }
        var from = ParseTime(interval.From, $"{path}.from", allowMidnightEnd: false, errors);
        var to = ParseTime(interval.To, $"{path}.to", allowMidnightEnd: true, errors);
        if (from is not { } start || to is not { } end)
            return null;
        var span = new DailySpan(start.Time, end.Time, end.IsMidnightEnd);
        if (span.ToNanos > span.FromNanos)
            return span;
        var message = span.ToNanos < span.FromNanos
            ? $"{Describe(span)} runs past midnight; split it at midnight into {Format(span.From)}–24:00 on this day and 00:00–{Format(span.To)} on the next."
            : $"{Describe(span)} is empty; an interval must end after it starts.";
        errors.Add(new(path, message));
        return null;
    }

    private static (LocalTime Time, bool IsMidnightEnd)? ParseTime(string? text, string path, bool allowMidnightEnd, List<CalendarError> errors)
    {
        var field = path[(path.LastIndexOf('.') + 1)..];
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(path, $"\"{field}\" is missing; write a time as HH:mm, e.g. 09:00."));
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed is "24:00" or "24:00:00")
        {
            if (allowMidnightEnd)
                return (LocalTime.Midnight, true);
            errors.Add(new(path, "24:00 can only end an interval; start at 00:00 instead."));
            return null;
        }
        var parsed = HourMinute.Parse(trimmed);
        if (!parsed.Success)
            parsed = HourMinuteSecond.Parse(trimmed);
        if (parsed.Success)
            return (parsed.Value, false);
        errors.Add(new(path, $"'{text}' is not a time; write HH:mm between 00:00 and 24:00, e.g. 09:00."));
        return null;
    }

    private static Dictionary<LocalDate, int> CompileHolidays(IReadOnlyList<string>? holidays, List<CalendarError> errors)
    {
        var dates = new Dictionary<LocalDate, int>();
        for (var i = 0; i < (holidays?.Count ?? 0); i++)
        {
            // A holiday listed twice means the same thing both times, so it is not worth an error.
            if (ParseDate(holidays![i], $"holidays[{i}]", errors) is { } date)
                dates.TryAdd(date, i);
        }
        return dates;
    }

    private static Dictionary<LocalDate, DailySpan[]> CompileOverrides(
        IReadOnlyList<CalendarOverride>? overrides, Dictionary<LocalDate, int> holidays, List<CalendarError> errors)
    {
        var result = new Dictionary<LocalDate, DailySpan[]>();
        var firstIndex = new Dictionary<LocalDate, int>();
        for (var i = 0; i < (overrides?.Count ?? 0); i++)
        {
            var path = $"overrides[{i}]";
            var entry = overrides![i];
            if (entry is null)
            {
                errors.Add(new(path, "An override needs a \"date\" and its \"hours\"."));
                continue;
            }
            var date = ParseDate(entry.Date, $"{path}.date", errors);
            DailySpan[]? hours = null;
            if (entry.Hours is null)
                errors.Add(new($"{path}.hours", "\"hours\" is missing; list the working hours of this date, or [] to make it a day off."));
            else
                hours = CompileDay(entry.Hours, $"{path}.hours", errors);
            if (date is not { } day)
                continue;
            if (firstIndex.TryGetValue(day, out var earlier))
            {
                errors.Add(new($"{path}.date", $"{IsoDate.Format(day)} is already overridden by overrides[{earlier}]; give each date one override."));
                continue;
            }
            firstIndex[day] = i;
            if (holidays.TryGetValue(day, out var holiday))
                errors.Add(new($"{path}.date", $"{IsoDate.Format(day)} is also a holiday (holidays[{holiday}]); make it either a holiday or an override, not both."));
            if (hours is not null)
                result[day] = hours;
        }
        return result;
    }

    private static LocalDate? ParseDate(string? text, string path, List<CalendarError> errors)
    {
        var parsed = string.IsNullOrWhiteSpace(text) ? null : IsoDate.Parse(text.Trim());
        if (parsed is { Success: true })
            return parsed.Value;
        errors.Add(new(path, $"'{text}' is not a date; write yyyy-MM-dd, e.g. 2027-01-01."));
        return null;
    }

    private static string Describe(DailySpan span) => $"{Format(span.From)}–{(span.ToMidnight ? "24:00" : Format(span.To))}";

    private static string Format(LocalTime time) => (time.Second == 0 ? HourMinute : HourMinuteSecond).Format(time);
}
