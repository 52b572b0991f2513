using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Testing;
using NodaTime;
using static Crm.Testing.SampleFunnels;

namespace Crm.Engine.Tests.Clocks;

public sealed class ClockAttributionTests
{
    private static DealDriver Started()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike()));
        driver.Start(ownerId: FakeActivityEnvironment.Anna);
        return driver;
    }

    [Fact]
    public void Advance_BreachAfterAReassignment_BelongsToTheNewOwner()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;
        driver.AdvanceTo(dueAt - Duration.FromMinutes(10));
        driver.Reassign(FakeActivityEnvironment.Boris);

        driver.AdvanceTo(dueAt);

        driver.ClockOf(Contacts).OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
        driver.AlertsOf(AlertKind.Breach).ShouldHaveSingleItem().OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
    }

    [Fact]
    public void Reassign_AfterTheBreach_LeavesTheBreachWithTheOldOwner()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;
        driver.AdvanceTo(dueAt);

        driver.Clock.Advance(Duration.FromMinutes(30));
        driver.Reassign(FakeActivityEnvironment.Boris);
        driver.Move("Done", actorId: FakeActivityEnvironment.Boris);

        var clock = driver.ClockOf(Contacts);
        clock.State.ShouldBe(ClockState.Breached);
        clock.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
        driver.ClockOf(Requirements).OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
    }

    [Fact]
    public void Reassign_AfterAnUnnoticedDeadline_LeavesTheBreachWithTheOwnerAtTheDeadline()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;
        driver.Clock.Reset(dueAt + Duration.FromMinutes(30));

        driver.Reassign(FakeActivityEnvironment.Boris);

        driver.ClockOf(Contacts).OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
        driver.ClockOf(Contacts).BreachedAt.ShouldBe(dueAt);
        driver.AlertsOf(AlertKind.Breach).ShouldHaveSingleItem().OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
    }

    [Fact]
    public void Reassign_BeforeTheBreach_MovesTheRunningClockToTheNewOwner()
    {
        var driver = Started();

        driver.Reassign(FakeActivityEnvironment.Boris);

        driver.ClockOf(Contacts).OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
        driver.Deal.TeamId.ShouldBe(FakeActivityEnvironment.Sales);
    }
}
