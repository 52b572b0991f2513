using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Engine.Tests.Activities;

public sealed class EndActivityTests
{
    private static Flowchart Funnel() => TestFlowcharts.Compile(new FunnelBuilder()
        .Stage("new", ["Won", "Lost"], FunnelBuilder.Regulated("PT4H"))
        .End("won", "won")
        .End("lost", "lost")
        .Connect("new", "Won", "won")
        .Connect("new", "Lost", "lost")
        .Regulation("whole-deal", "new", "won", "P10D")
        .Build());

    [Theory]
    [InlineData("Won", DealState.Won)]
    [InlineData("Lost", DealState.Lost)]
    public void Move_IntoEnd_ClosesTheDealWithItsResult(string outcome, DealState expected)
    {
        var driver = new DealDriver(Funnel());
        driver.Start();

        driver.Move(outcome);

        driver.Deal.State.ShouldBe(expected);
        driver.Deal.ClosedAt.ShouldBe(driver.Now);
        driver.Deal.Bookmark.ShouldBeNull();
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
        driver.Events.ShouldContain(e => e.Kind == "closed" && Equals(e.Details["result"], outcome.ToLowerInvariant()));
    }

    [Fact]
    public void Move_IntoLostEnd_CancelsTheFunnelClocksThatWereStillRunning()
    {
        var driver = new DealDriver(Funnel());
        driver.Start();

        driver.Move("Lost");

        driver.ClockOf("whole-deal").State.ShouldBe(ClockState.Cancelled);
        driver.Deal.Clocks.ShouldAllBe(c => c.IsFinished);
    }

    [Fact]
    public void Move_IntoTheEndARegulationStopsOn_MeetsIt()
    {
        var driver = new DealDriver(Funnel());
        driver.Start();

        driver.Move("Won");

        driver.ClockOf("whole-deal").State.ShouldBe(ClockState.Met);
    }

    [Theory]
    [InlineData("Won")]
    [InlineData("Lost")]
    public void Move_AfterTheDealClosed_IsAConflictDealClosed(string closingOutcome)
    {
        var driver = new DealDriver(Funnel());
        driver.Start();
        driver.Move(closingOutcome);
        var closed = driver.Deal;

        var result = driver.Move("Won");

        result.Error!.Code.ShouldBe("deal-closed");
        result.Error.Kind.ShouldBe(EngineErrorKind.Conflict);
        driver.Deal.ShouldBeSameAs(closed);
    }

    [Fact]
    public void Reassign_AfterTheDealClosed_IsAConflictDealClosed()
    {
        var driver = new DealDriver(Funnel());
        driver.Start();
        driver.Move("Won");

        driver.Reassign(FakeActivityEnvironment.Boris).Error!.Code.ShouldBe("deal-closed");
    }
}
