using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Tests.Calendars;

public sealed class BusinessCalendarConcurrencyTests
{
    [Fact]
    public void Deadline_FromManyThreadsOnAFreshCalendar_MatchesOneThread()
    {
        // Each calendar fills its segment cache lazily; threads racing to build the same segment must agree.
        var shared = TestCalendars.Compile(SampleCalendars.Moscow());
        var alone = TestCalendars.Compile(SampleCalendars.Moscow());
        var starts = Enumerable.Range(0, 4000)
            .Select(i => Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i * 397L))
            .ToArray();
        var duration = Duration.FromHours(37);

        var parallel = new Instant[starts.Length];
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            parallel[i] = shared.Deadline(starts[i], duration));

        parallel.ShouldBe(starts.Select(start => alone.Deadline(start, duration)).ToArray());
    }
}
