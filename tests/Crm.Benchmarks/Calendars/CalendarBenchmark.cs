using System.Diagnostics;
using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Benchmarks.Calendars;

/// <summary>
/// Deadline and working-time throughput on one thread, on the sample Moscow calendar (Mon–Fri 09:00–13:00 and
/// 14:00–18:00, 2027 holidays and shortened days) with random starts over 2027. A plain Stopwatch harness:
/// warm-up, then as many calls as fit in the measuring time. Pass <c>--seconds N</c> to measure longer.
/// </summary>
internal static class CalendarBenchmark
{
    private const int InputCount = 1 << 14;
    private static readonly Instant Year2027 = Instant.FromUtc(2027, 1, 1, 0, 0);

    public static Task RunAsync(string[] args)
    {
        var seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1.0;
        var measure = TimeSpan.FromSeconds(seconds);
        var calendar = CompileMoscow();
        var random = new Random(2027);
        var starts = new Instant[InputCount];
        var ends = new Instant[InputCount];
        for (var i = 0; i < InputCount; i++)
        {
            starts[i] = Year2027 + Duration.FromSeconds(random.NextInt64(365L * 86_400));
            ends[i] = starts[i] + Duration.FromSeconds(random.NextInt64(30L * 86_400));
        }

        Console.WriteLine($"Calendar '{calendar.Id}' ({calendar.TimeZone.Id}), one thread, {measure.TotalSeconds:0.#} s per case");
        var workingDay = calendar.WorkingDay;
        (string Name, Duration Value)[] durations =
        [
            ("30 min", Duration.FromMinutes(30)),
            ("4 h", Duration.FromHours(4)),
            ("1 working day", workingDay),
            ("5 working days", workingDay * 5),
            ("20 working days", workingDay * 20),
        ];
        foreach (var (name, duration) in durations)
            Report($"Deadline, {name}", Measure(measure, i => calendar.Deadline(starts[i], duration).ToUnixTimeTicks()));
        Report("WorkingTime, spans up to 30 days", Measure(measure, i => calendar.WorkingTime(starts[i], ends[i]).BclCompatibleTicks));
        Console.WriteLine(FirstCall(starts[0]));
        return Task.CompletedTask;
    }

    private static BusinessCalendar CompileMoscow()
    {
        var result = CalendarCompiler.Compile(SampleCalendars.Moscow());
        return result.Succeeded ? result.Calendar : throw new InvalidOperationException(result.Errors[0].Message);
    }

    private static string FirstCall(Instant start)
    {
        // A fresh calendar builds and caches the segments a query touches; this is the one-off cost of that
        // (measured last, so it is not the JIT's cost).
        var calendar = CompileMoscow();
        var stopwatch = Stopwatch.StartNew();
        calendar.Deadline(start, calendar.WorkingDay * 20);
        return $"  first 20-working-day deadline on a fresh calendar: {stopwatch.Elapsed.TotalMicroseconds:N0} µs";
    }

    private static (long Calls, TimeSpan Elapsed, long Checksum) Measure(TimeSpan duration, Func<int, long> call)
    {
        RunFor(TimeSpan.FromMilliseconds(500), call);
        return RunFor(duration, call);
    }

    private static (long Calls, TimeSpan Elapsed, long Checksum) RunFor(TimeSpan duration, Func<int, long> call)
    {
        long calls = 0;
        long checksum = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            // Check the clock once per pass over the inputs so the Stopwatch does not dominate.
            for (var i = 0; i < InputCount; i++)
                checksum += call(i);
            calls += InputCount;
        }
        return (calls, stopwatch.Elapsed, checksum);
    }

    private static void Report(string name, (long Calls, TimeSpan Elapsed, long Checksum) result)
    {
        var perSecond = result.Calls / result.Elapsed.TotalSeconds;
        Console.WriteLine($"  {name,-34} {perSecond,14:N0} /s  {1e9 / perSecond,8:N1} ns/call  (checksum {result.Checksum & 0xFFFF:X4})");
    }
}
