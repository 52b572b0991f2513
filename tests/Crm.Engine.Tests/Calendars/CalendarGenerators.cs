using Crm.Engine.Calendars;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Crm.Engine.Tests.Calendars;

/// <summary>
/// Random inputs for the calendar laws: instants in 2026–2028 and durations up to 30 working days, in whole
/// seconds, with extra weight on whole minutes and hours because that is where interval edges and clock changes are.
/// </summary>
internal static class CalendarGenerators
{
    private static readonly Instant From = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly int Seconds = (int)(Instant.FromUtc(2029, 1, 1, 0, 0) - From).TotalSeconds;
    private const int WorkingDaySeconds = 8 * 3600;
    private const int MaxSeconds = 30 * WorkingDaySeconds;

    public static Arbitrary<BusinessCalendar> AnyCalendar { get; } =
        Gen.Elements(TestCalendars.Moscow, TestCalendars.London, TestCalendars.NewYorkNights, TestCalendars.NewYorkEdges).ToArbitrary();

    // Clock changes of the London and New York test calendars; random instants rarely land near one on their own.
    private static readonly Instant[] ClockChanges =
    [
        .. new[] { "Europe/London", "America/New_York" }
            .SelectMany(zone => DateTimeZoneProviders.Tzdb[zone].GetZoneIntervals(From, From + Duration.FromDays(3 * 366)))
            .Select(interval => interval.Start)
            .Where(start => start > From),
    ];

    public static Gen<Instant> InstantGen { get; } = Gen.Frequency(
        (3, Gen.Choose(0, Seconds).Select(seconds => From + Duration.FromSeconds(seconds))),
        (2, Gen.Choose(0, Seconds / 60).Select(minutes => From + Duration.FromMinutes(minutes))),
        (2, Gen.Choose(0, Seconds / 3600).Select(hours => From + Duration.FromHours(hours))),
        (2, Gen.Zip(Gen.Elements(ClockChanges), Gen.Choose(-4 * 24, 4 * 24))
            .Select(pair => pair.Item1 + Duration.FromHours(pair.Item2))));

    public static Gen<Duration> DurationGen { get; } = Gen.Frequency(
        (1, Gen.Constant(0)),
        (3, Gen.Choose(0, MaxSeconds)),
        (2, Gen.Choose(0, MaxSeconds / 60).Select(minutes => minutes * 60)),
        (2, Gen.Choose(0, MaxSeconds / 3600).Select(hours => hours * 3600)),
        (1, Gen.Choose(0, 30).Select(days => days * WorkingDaySeconds)))
        .Select(seconds => Duration.FromSeconds(seconds));

    public static Arbitrary<Instant> Instants { get; } = InstantGen.ToArbitrary();

    public static Arbitrary<Duration> Durations { get; } = DurationGen.ToArbitrary();

    public static Arbitrary<Duration> PositiveDurations { get; } =
        DurationGen.Where(duration => duration > Duration.Zero).ToArbitrary();

    /// <summary>Two instants in order, up to 45 days apart.</summary>
    public static Arbitrary<(Instant From, Instant To)> Spans { get; } =
        Gen.Zip(InstantGen, Gen.Frequency((3, Gen.Choose(0, 45 * 86_400)), (1, Gen.Choose(0, 45 * 24).Select(h => h * 3600))))
            .Select(pair => (pair.Item1, pair.Item1 + Duration.FromSeconds(pair.Item2)))
            .ToArbitrary();

    public static Arbitrary<(Duration Smaller, Duration Larger)> OrderedDurations { get; } =
        Gen.Zip(DurationGen, DurationGen)
            .Select(pair => pair.Item1 <= pair.Item2 ? (pair.Item1, pair.Item2) : (pair.Item2, pair.Item1))
            .ToArbitrary();

    public static Arbitrary<(Instant Earlier, Instant Later)> OrderedInstants { get; } =
        Gen.Zip(InstantGen, Gen.Frequency((3, Gen.Choose(0, 10 * 86_400)), (1, Gen.Choose(0, 10 * 24).Select(h => h * 3600))))
            .Select(pair => (pair.Item1, pair.Item1 + Duration.FromSeconds(pair.Item2)))
            .ToArbitrary();
}
