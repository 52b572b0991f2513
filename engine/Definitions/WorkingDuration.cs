using Crm.Engine.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Crm.Engine.Definitions;

/// <summary>
/// Parses regulation durations. <c>PT4H</c> is four working hours; a day (<c>P2D</c>) is the calendar's working
/// day, so "2 working days" on a 9–18 calendar is 16 working hours, not 48. Months and years are refused: their
/// length in working time is not something a regulation should leave to chance.
/// </summary>
public static class WorkingDuration
{
    public readonly record struct Result(Duration Value, string? Error);

    public static Result Parse(string? text, Duration workingDay, bool allowZero = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new(Duration.Zero, "a duration is required (ISO-8601, e.g. PT4H or P2D)");
        ParseResult<Period> parsed;
        try
        {
            parsed = PeriodPattern.NormalizingIso.Parse(text.Trim());
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            // Normalizing PT9223372036854775807S overflows inside NodaTime: far beyond any limit anyway.
            return new(Duration.Zero, $"'{text}' is longer than ten years");
        }
        if (!parsed.Success)
            return new(Duration.Zero, $"'{text}' is not an ISO-8601 duration (e.g. PT30M, PT4H, P2D)");
        var period = parsed.Value;
        if (period.Years != 0 || period.Months != 0)
            return new(Duration.Zero, $"'{text}' uses months or years; write it in working days or hours");
        // Measured roughly first, in floating point, so that huge parts cannot overflow the exact sum below.
        var seconds = (period.Hours * 3600.0) + (period.Minutes * 60.0) + period.Seconds + (period.Milliseconds / 1000.0)
            + (workingDay.TotalSeconds * (period.Days + (7.0 * period.Weeks)));
        if (Math.Abs(seconds) > SupportedTime.MaxWorkingTime.TotalSeconds)
            return new(Duration.Zero, seconds < 0 ? $"'{text}' is negative" : $"'{text}' is longer than ten years");
        var time = period.HasTimeComponent
            ? Duration.FromHours(period.Hours) + Duration.FromMinutes(period.Minutes) + Duration.FromSeconds(period.Seconds)
              + Duration.FromMilliseconds(period.Milliseconds)
            : Duration.Zero;
        var total = time + (workingDay * (period.Days + (7L * period.Weeks)));
        if (total < Duration.Zero)
            return new(Duration.Zero, $"'{text}' is negative");
        if (total == Duration.Zero && !allowZero)
            return new(Duration.Zero, $"'{text}' is zero; a regulation needs some time");
        if (total > SupportedTime.MaxWorkingTime)
            return new(Duration.Zero, $"'{text}' is longer than ten years");
        return new(total, null);
    }
}
