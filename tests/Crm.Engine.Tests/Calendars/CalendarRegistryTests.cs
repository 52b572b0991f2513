using System.Collections.Frozen;
using Crm.Engine.Calendars;
using NodaTime;

namespace Crm.Engine.Tests.Calendars;

public sealed class CalendarRegistryTests
{
    [Fact]
    public void Find_AlwaysOpen_IsBuiltIn() =>
        new CalendarRegistry().Find(CalendarIds.AlwaysOpen).ShouldBeSameAs(AlwaysOpenCalendar.Instance);

    [Fact]
    public void Find_UnknownId_ReturnsNull() =>
        new CalendarRegistry().Find("nowhere").ShouldBeNull();

    [Fact]
    public void Set_NewCalendar_CanBeFound()
    {
        var registry = new CalendarRegistry();
        registry.Set(TestCalendars.Moscow);

        registry.Find("moscow").ShouldBeSameAs(TestCalendars.Moscow);
        registry.All.Select(calendar => calendar.Id).ShouldBe(["24x7", "moscow"]);
    }

    [Fact]
    public void Set_SameId_ReplacesTheCalendar()
    {
        var registry = new CalendarRegistry([TestCalendars.Moscow]);
        var shorter = TestCalendars.Compile(SampleCalendars.Moscow() with { Week = CalendarWeek.Weekdays(new WorkingInterval("10:00", "16:00")) });

        registry.Set(shorter);

        registry.Find("moscow").ShouldBeSameAs(shorter);
        registry.All.Count.ShouldBe(2);
    }

    [Fact]
    public void Set_AlwaysOpenId_Throws()
    {
        // The compiler refuses this id, so only a hand-built calendar can try it.
        var impostor = new BusinessCalendar(
            SampleCalendars.Moscow() with { Id = CalendarIds.AlwaysOpen },
            DateTimeZone.Utc,
            [.. Enumerable.Repeat(new[] { new DailySpan(LocalTime.Midnight, LocalTime.Midnight, ToMidnight: true) }, 7)],
            FrozenSet<LocalDate>.Empty,
            FrozenDictionary<LocalDate, DailySpan[]>.Empty);
        var registry = new CalendarRegistry();

        Should.Throw<ArgumentException>(() => registry.Set(impostor));
        registry.Find(CalendarIds.AlwaysOpen).ShouldBeSameAs(AlwaysOpenCalendar.Instance);
    }

    [Fact]
    public void Find_WhileCalendarsAreSet_IsSafe()
    {
        var registry = new CalendarRegistry();
        var calendars = Enumerable.Range(0, 20)
            .Select(i => TestCalendars.Compile(SampleCalendars.Moscow() with { Id = $"office-{i}" }))
            .ToArray();

        Parallel.For(0, 2000, i =>
        {
            var calendar = calendars[i % calendars.Length];
            registry.Set(calendar);
            registry.Find(calendar.Id).ShouldNotBeNull();
            _ = registry.All;
        });

        registry.All.Count.ShouldBe(21);
    }
}
