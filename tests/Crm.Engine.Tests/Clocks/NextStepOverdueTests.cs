using Crm.Engine.Alerts;
using Crm.Engine.Runtime;
using Crm.Testing;
using NodaTime;

namespace Crm.Engine.Tests.Clocks;

/// <summary>
/// A next step is the projection of the deal's earliest open activity; its overdue alert is the activity's
/// <c>activityOverdue</c>, raised by the host. The engine itself raises nothing when a next step passes, so nobody hears twice.
/// </summary>
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
    public void Advance_NextStepPassedWithNoInteraction_RaisesNoAlertOfItsOwn()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at, "Send the contract");

        driver.AdvanceTo(at);
        driver.AdvanceTo(at + InOneHour);

        driver.Alerts.ShouldBeEmpty();
        driver.Deal.NextStep!.What.ShouldBe("Send the contract");
    }

    [Fact]
    public void NextDue_WithOnlyANextStep_IsTheNextStepAndWakingRaisesNothing()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;

        driver.SetNextStep(at);

        // The deal wakes when its next step passes (a next-step regulation would start its clock then), but the alert
        // for the missed step is its activity's, so the wake itself raises none.
        DealEngine.NextDue(driver.Deal).ShouldBe(at);
        driver.AdvanceTo(at).Changes.Alerts.ShouldBeEmpty();
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void Advance_ADealStoredWithAPassedUnsettledNextStep_SettlesItSoItIsNotWokenAgain()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at);

        var result = driver.AdvanceTo(at + InOneHour);

        result.Deal.NextStep!.OverdueAlerted.ShouldBeTrue();
        result.Deal.Version.ShouldBeGreaterThan(2);
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void ProjectNextStep_NewEarliestActivity_ShowsItAndRecordsIt()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;

        var result = driver.Engine.ProjectNextStep(driver.Flow, driver.Deal, new NextStepRequest(at, "Call Irina"), FakeActivityEnvironment.Anna, driver.Now);

        result.Deal.NextStep.ShouldNotBeNull().At.ShouldBe(at);
        result.Deal.NextStep.What.ShouldBe("Call Irina");
        result.Changes.Events.ShouldContain(e => e.Kind == "nextStep");
        result.Deal.Version.ShouldBe(driver.Deal.Version + 1);
    }

    [Fact]
    public void ProjectNextStep_TheStepAlreadyShown_ChangesNothing()
    {
        var driver = Started();
        var at = driver.Now + InOneHour;
        driver.SetNextStep(at, "Call Irina");

        var result = driver.Engine.ProjectNextStep(driver.Flow, driver.Deal, new NextStepRequest(at, "Call Irina"), FakeActivityEnvironment.Anna, driver.Now);

        result.Deal.ShouldBeSameAs(driver.Deal);
        result.Changes.Events.ShouldBeEmpty();
    }

    [Fact]
    public void ProjectNextStep_NoOpenActivityLeft_ClearsTheNextStep()
    {
        var driver = Started();
        driver.SetNextStep(driver.Now + InOneHour);

        var result = driver.Engine.ProjectNextStep(driver.Flow, driver.Deal, null, FakeActivityEnvironment.Anna, driver.Now);

        result.Deal.NextStep.ShouldBeNull();
        result.Succeeded.ShouldBeTrue();
    }
}
