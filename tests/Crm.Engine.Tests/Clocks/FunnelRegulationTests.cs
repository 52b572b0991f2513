using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Testing;
using NodaTime;
using static Crm.Testing.SampleFunnels;

namespace Crm.Engine.Tests.Clocks;

/// <summary><c>request-to-proposal</c>: PT12H from entering requirements until entering proposal.</summary>
public sealed class FunnelRegulationTests
{
    private static DealDriver Started()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike()));
        driver.Start();
        return driver;
    }

    [Fact]
    public void Start_BeforeTheStartStage_HasNoFunnelClock()
    {
        var driver = Started();

        driver.Deal.Clocks.ShouldNotContain(c => c.RegulationId == RequestToProposal);
    }

    [Fact]
    public void Move_IntoTheStartOnStage_StartsTheFunnelClock()
    {
        var driver = Started();
        driver.Clock.Advance(Duration.FromHours(1));

        driver.Move("Done");

        var clock = driver.ClockOf(RequestToProposal);
        clock.State.ShouldBe(ClockState.Running);
        clock.StageId.ShouldBeNull();
        clock.StartedAt.ShouldBe(driver.Now);
        clock.DueAt.ShouldBe(driver.Now + Duration.FromHours(12));
    }

    [Fact]
    public void Move_IntoTheStopOnStage_MeetsTheFunnelClock()
    {
        var driver = Started();
        driver.Move("Done");
        driver.Clock.Advance(Duration.FromHours(6));

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe(Proposal);
        var clock = driver.ClockOf(RequestToProposal);
        clock.State.ShouldBe(ClockState.Met);
        clock.FinishedAt.ShouldBe(driver.Now);
        clock.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
    }

    [Fact]
    public void Advance_PastTheFunnelDeadline_BreachesItAtTheCurrentStage()
    {
        var driver = Started();
        driver.Move("Done");
        var dueAt = driver.ClockOf(RequestToProposal).DueAt!.Value;

        driver.AdvanceTo(dueAt + Duration.FromHours(1));

        var breach = driver.AlertsOf(AlertKind.Breach).Single(a => a.RegulationId == RequestToProposal);
        breach.DueAt.ShouldBe(dueAt);
        breach.StageId.ShouldBe(Requirements);
        driver.ClockOf(RequestToProposal).BreachedAt.ShouldBe(dueAt);
    }
}
