using Crm.Engine.Runtime;
using Crm.Testing;

namespace Crm.Engine.Tests.Activities;

public sealed class StageActivityTests
{
    private static Flowchart TwoStages() => TestFlowcharts.Compile(new FunnelBuilder()
        .Stage("new", "Qualified", "Lost")
        .Stage("meeting", "Held", "Lost")
        .End("won", "won")
        .End("lost", "lost")
        .Connect("new", "Qualified", "meeting")
        .Connect("new", "Lost", "lost")
        .Connect("meeting", "Held", "won")
        .Connect("meeting", "Lost", "lost")
        .Build());

    [Fact]
    public void Start_StageFirst_WaitsThereForAnOutcome()
    {
        var driver = new DealDriver(TwoStages());

        driver.Start().Succeeded.ShouldBeTrue();

        driver.Deal.ActivityId.ShouldBe("new");
        driver.Deal.Bookmark.ShouldBe(BookmarkKind.Outcome);
        driver.Deal.State.ShouldBe(DealState.Open);
        driver.Deal.Version.ShouldBe(1);
    }

    [Fact]
    public void Move_OutcomeOfTheStage_MovesAlongItsConnection()
    {
        var driver = new DealDriver(TwoStages());
        driver.Start();

        var result = driver.Move("Qualified");

        result.Succeeded.ShouldBeTrue();
        driver.Deal.ActivityId.ShouldBe("meeting");
        driver.Deal.Bookmark.ShouldBe(BookmarkKind.Outcome);
        driver.Deal.Version.ShouldBe(2);
        driver.Events.ShouldContain(e => e.Kind == "moved" && Equals(e.Details["from"], "new") && Equals(e.Details["to"], "meeting"));
    }

    [Fact]
    public void Move_OutcomeTheStageDoesNotHave_IsRefusedAndChangesNothing()
    {
        var driver = new DealDriver(TwoStages());
        driver.Start();
        var before = driver.Deal;

        var result = driver.Engine.Move(driver.Flow, before, new MoveRequest("Held", FakeActivityEnvironment.Anna), driver.Now);

        result.Succeeded.ShouldBeFalse();
        result.Error!.Code.ShouldBe("unknown-outcome");
        result.Error.Kind.ShouldBe(EngineErrorKind.Invalid);
        result.Error.Details!["outcome"].ShouldBe(["Qualified", "Lost"]);
        result.Deal.ShouldBeSameAs(before);
        result.Changes.Events.ShouldBeEmpty();
        before.ActivityId.ShouldBe("new");
        before.Version.ShouldBe(1);
    }

    [Fact]
    public void Move_StaleExpectedVersion_IsRefusedAsConflict()
    {
        var driver = new DealDriver(TwoStages());
        driver.Start();
        driver.Move("Qualified");

        var result = driver.Move("Held", expectedVersion: 1);

        result.Error!.Code.ShouldBe("stale-version");
        result.Error.Kind.ShouldBe(EngineErrorKind.Conflict);
        driver.Deal.ActivityId.ShouldBe("meeting");
    }

    [Fact]
    public void Move_OutcomeIsCaseSensitive_OtherCaseIsRefused()
    {
        var driver = new DealDriver(TwoStages());
        driver.Start();

        driver.Move("qualified").Error!.Code.ShouldBe("unknown-outcome");
    }
}
