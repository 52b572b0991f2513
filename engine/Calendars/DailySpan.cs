using NodaTime;

namespace Crm.Engine.Calendars;

/// <summary>A compiled working interval of one local day; <see cref="ToMidnight"/> stands for <c>24:00</c>.</summary>
internal readonly record struct DailySpan(LocalTime From, LocalTime To, bool ToMidnight)
{
    public long FromNanos => From.NanosecondOfDay;

    public long ToNanos => ToMidnight ? NodaConstants.NanosecondsPerDay : To.NanosecondOfDay;

    /// <summary>The length on a day without a clock change.</summary>
    public Duration Nominal => Duration.FromNanoseconds(ToNanos - FromNanos);

    public LocalDateTime StartOn(LocalDate date) => date.At(From);

    public LocalDateTime EndOn(LocalDate date) => ToMidnight ? date.PlusDays(1).AtMidnight() : date.At(To);
}
