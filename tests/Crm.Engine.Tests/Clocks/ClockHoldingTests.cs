using Crm.Engine.Clocks;
using Crm.Testing;
using NodaTime;
using static Crm.Testing.SampleFunnels;

namespace Crm.Engine.Tests.Clocks;

/// <summary>The split of a clock's working time between everyone who held it (on 24x7, so hours are working hours).</summary>
public sealed class ClockHoldingTests
{
    private const string Anna = FakeActivityEnvironment.Anna;
    private const string Boris = FakeActivityEnvironment.Boris;

    private static IReadOnlyList<ClockHolding> Holdings(RegulationClock clock, Instant now) =>
        ClockHoldings.Of(clock.Handovers, clock.ConsumedAt(now, Engine.Calendars.AlwaysOpenCalendar.Instance), clock.Limit);

    [Fact]
    public void Holdings_SplitTheClockBetweenItsHolders_BeforeAndAfterTheDeadline()
    {
        // Contacts has 4 hours. Anna 0-1h, Boris 1h-4h30 (breached at 4h, his), Anna again until done at 4h45.
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike("24x7")));
        driver.Start(ownerId: Anna);
        driver.Advance(Duration.FromHours(1));
        driver.Reassign(Boris);
        driver.Advance(Duration.FromHours(3.5));
        driver.Reassign(Anna);
        driver.Advance(Duration.FromMinutes(15));
        driver.Move("Done");

        var clock = driver.ClockOf(Contacts);
        clock.OwnerId.ShouldBe(Boris);
        clock.Overrun.ShouldBe(Duration.FromMinutes(45));
        Holdings(clock, driver.Now).ShouldBe(
        [
            new ClockHolding(Anna, Duration.FromMinutes(75), Duration.FromMinutes(15)),
            new ClockHolding(Boris, Duration.FromMinutes(210), Duration.FromMinutes(30)),
        ]);
    }

    [Fact]
    public void Holdings_OfARunningClock_AreAsOfNow_AndSkipPausedTime()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike("24x7")));
        driver.Start(ownerId: Anna);
        driver.Advance(Duration.FromHours(1));
        driver.Move("Pause");
        driver.Advance(Duration.FromHours(10));
        driver.Reassign(Boris);
        driver.Move("Resume", actorId: Boris);
        driver.Advance(Duration.FromHours(2));

        Holdings(driver.ClockOf(Contacts), driver.Now).ShouldBe(
        [
            new ClockHolding(Anna, Duration.FromHours(1), Duration.Zero),
            new ClockHolding(Boris, Duration.FromHours(2), Duration.Zero),
        ]);
    }

    [Fact]
    public void Holdings_FollowAnAssignActivity_ForClocksAlreadyRunning()
    {
        var flow = TestFlowcharts.Compile(new FunnelBuilder()
            .WithCalendar("24x7")
            .Stage("first", "Done")
            .Assign("to-boris", "user", userId: Boris)
            .Stage("second", "Done")
            .End("won", "won")
            .Connect("first", "Done", "to-boris")
            .Connect("to-boris", "Done", "second")
            .Connect("second", "Done", "won")
            .Regulation("whole", "first", "won", "PT8H")
            .Build());
        var driver = new DealDriver(flow);
        driver.Start(ownerId: Anna);
        driver.Advance(Duration.FromHours(3));
        driver.Move("Done");
        driver.Advance(Duration.FromHours(6));
        driver.Move("Done", actorId: Boris);

        var whole = driver.Deal.Clocks.Single(c => c.RegulationId == "whole");
        whole.OwnerId.ShouldBe(Boris);
        Holdings(whole, driver.Now).ShouldBe(
        [
            new ClockHolding(Anna, Duration.FromHours(3), Duration.Zero),
            new ClockHolding(Boris, Duration.FromHours(6), Duration.FromHours(1)),
        ]);
    }

    [Fact]
    public void Holdings_WithoutHandovers_AreNone() =>
        ClockHoldings.Of([], Duration.FromHours(1), Duration.FromHours(2)).ShouldBeEmpty();
}
