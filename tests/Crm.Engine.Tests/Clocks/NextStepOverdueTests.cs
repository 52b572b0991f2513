using Crm.Engine.Alerts;
using Crm.Engine.Runtime;
using Crm.Testing;
using NodaTime;

namespace Crm.Engine.Tests.Clocks;

public sealed class NextStepOverdueTests
{
    private static readonly Duration InOneHour = Duration.FromHours(1);

    private static DealDriver Started()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(SampleFunnels.Minimal().Build()));
        driver.Start();
        return driver;
    }

    [Fact]
    public void Advance_NextStepPassedWithNoInteraction_RaisesOverdueOnce()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at, "Send the contract");

        driver.AdvanceTo(at - Duration.Epsilon);
        driver.AlertsOf(AlertKind.NextStepOverdue).ShouldBeEmpty();
        driver.AdvanceTo(at);
        driver.AdvanceTo(at + InOneHour);

        var alert = driver.AlertsOf(AlertKind.NextStepOverdue).ShouldHaveSingleItem();
        alert.Audience.ShouldBe(AlertAudience.Owner);
        alert.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
        alert.DueAt.ShouldBe(at);
        alert.Message.ShouldBe("Send the contract");
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void Advance_NextStepPassedAfterAnInteraction_RaisesNothing()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at);
        driver.Clock.Advance(Duration.FromMinutes(20));
        driver.RecordInteraction(driver.Now);

        driver.AdvanceTo(at + InOneHour);

        driver.AlertsOf(AlertKind.NextStepOverdue).ShouldBeEmpty();
    }

    [Fact]
    public void NextDue_NextStepPassedAfterAnInteraction_IsNoLongerDue()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at);
        driver.Clock.Advance(Duration.FromMinutes(20));
        driver.RecordInteraction(driver.Now);

        driver.AdvanceTo(at);

        // Otherwise the scheduler would wake the deal again and again for a next step that was kept.
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void Advance_InteractionOnlyBeforeTheNextStepWasSet_StillRaisesOverdue()
    {
        var driver = Started();
        driver.RecordInteraction(driver.Now);
        driver.Clock.Advance(Duration.FromMinutes(5));
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at);

        driver.AdvanceTo(at);

        driver.AlertsOf(AlertKind.NextStepOverdue).ShouldHaveSingleItem();
    }

    [Fact]
    public void SetNextStep_AfterAnOverdueOne_CanBeOverdueAgain()
    {
        var driver = Started();
        driver.SetNextStep(driver.Now + InOneHour);
        driver.Advance(InOneHour);
        var second = driver.Now + InOneHour;
        driver.SetNextStep(second);

        driver.AdvanceTo(second);

        driver.AlertsOf(AlertKind.NextStepOverdue).Select(a => a.DueAt).ShouldBe([second - InOneHour, second]);
    }
}
