using Crm.Engine.Clocks;
using Crm.Engine.Definitions;
using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Workflows.Tests;

public sealed class B2bSalesFunnelTests
{
    private static readonly string[] OpenStages = ["contacts", "requirements", "portfolio", "proposal", "presentation", "objections", "closing"];

    private static WorkflowDefinition Funnel() => BuiltInWorkflows.Load("b2b-sales");

    [Fact]
    public void Load_B2bSales_HasTenStatuses()
    {
        var activities = Funnel().Activities;
        var stages = activities.Where(a => a.Type == "Stage").ToList();
        var ends = activities.Where(a => a.Type == "End").ToList();

        stages.Where(s => !s.PausesClocks).Select(s => s.Id).ShouldBe(OpenStages);
        stages.Where(s => s.PausesClocks).Select(s => s.Id).ShouldBe(["paused"]);
        ends.Select(e => (e.Id, e.GetString("result"))).ShouldBe([("won", "won"), ("lost", "lost")]);
        (stages.Count + ends.Count).ShouldBe(10);
        Funnel().Start.ShouldBe("contacts");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Load_B2bSales_EveryOpenStageCanBeLost(string stage) =>
        Funnel().Connections.ShouldContain(c => c.Source == stage && c.Outcome == "Lost" && c.Target == "lost");

    [Theory]
    [MemberData(nameof(Stages))]
    public void Load_B2bSales_EveryOpenStageCanPause(string stage) =>
        Funnel().Connections.ShouldContain(c => c.Source == stage && c.Outcome == "Pause" && c.Target == "paused");

    [Fact]
    public void Load_B2bSales_PauseStageResumesAndCanBeLost()
    {
        var paused = Funnel().Activities.Single(a => a.Id == "paused");

        paused.PausesClocks.ShouldBeTrue();
        paused.ReturnOutcome.ShouldBe("Resume");
        paused.Outcomes.ShouldBe(["Resume", "Lost"]);
        Funnel().Connections.ShouldContain(c => c.Source == "paused" && c.Outcome == "Lost" && c.Target == "lost");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Move_PauseThenResumeFromEveryStage_ReturnsToThatStageWithItsClockRunning(string stage)
    {
        var driver = new DealDriver(TestFlowcharts.Compile(Funnel()));
        driver.Start(amount: 10_000);
        foreach (var outcome in PathTo(stage))
            MoveOn(driver, outcome).Succeeded.ShouldBeTrue();
        driver.Deal.ActivityId.ShouldBe(stage);

        driver.Move("Pause");
        driver.Deal.Clocks.Where(c => !c.IsFinished).ShouldAllBe(c => c.State == ClockState.Paused);
        driver.Move("Resume");

        driver.Deal.ActivityId.ShouldBe(stage);
        driver.Deal.Clocks.Where(c => !c.IsFinished).ShouldAllBe(c => c.State == ClockState.Running);
    }

    [Fact]
    public void Move_LargeProposal_TellsTheHeadAndGoesToPresentation()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(Funnel()));
        driver.Start(amount: 1_500_000);

        foreach (var outcome in PathTo("presentation"))
            driver.Move(outcome);

        driver.Deal.ActivityId.ShouldBe("presentation");
        driver.Alerts.ShouldContain(a => a.Kind == "notification" && a.Audience == "head");
    }

    [Fact]
    public void Move_SignedContract_WinsTheDeal()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(Funnel()));
        driver.Start(amount: 10_000);

        foreach (var outcome in PathTo("closing").Append("Signed"))
            MoveOn(driver, outcome).Succeeded.ShouldBeTrue();

        driver.Deal.State.ShouldBe(DealState.Won);
    }

    public static TheoryData<string> Stages => [.. OpenStages];

    /// <summary>Leaving the presentation needs a logged meeting: log one first, as a manager would.</summary>
    private static DealCommandResult MoveOn(DealDriver driver, string outcome)
    {
        if (driver.Deal.ActivityId == "presentation")
            driver.RecordMeeting();
        return driver.Move(outcome);
    }

    private static IEnumerable<string> PathTo(string stage) => stage switch
    {
        "contacts" => [],
        "requirements" => ["Done"],
        "portfolio" => ["Done", "Done"],
        "proposal" => ["Done", "Done", "Done"],
        "presentation" => ["Done", "Done", "Done", "Sent"],
        "objections" => ["Done", "Done", "Done", "Sent", "Objections"],
        "closing" => ["Done", "Done", "Done", "Sent", "Agreed"],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
