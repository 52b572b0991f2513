using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;
using NodaTime;
using static Crm.Testing.SampleFunnels;

namespace Crm.Engine.Tests.Clocks;

/// <summary>The <c>contacts</c> stage of the B2B-like funnel in 24x7 time: PT4H, warning 1h before, escalations at +0 (owner) and +2h (head).</summary>
public sealed class StageClockTests
{
    private static readonly Duration Limit = Duration.FromHours(4);
    private static readonly Duration WarnBefore = Duration.FromHours(1);

    private static DealDriver Started()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike()));
        driver.Start(ownerId: FakeActivityEnvironment.Anna);
        return driver;
    }

    [Fact]
    public void Start_RegulatedStage_StartsItsClock()
    {
        var driver = Started();

        var clock = driver.ClockOf(Contacts);
        clock.State.ShouldBe(ClockState.Running);
        clock.StageId.ShouldBe(Contacts);
        clock.StartedAt.ShouldBe(driver.Now);
        clock.DueAt.ShouldBe(driver.Now + Limit);
        clock.WarnAt.ShouldBe(driver.Now + Limit - WarnBefore);
        clock.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
    }

    [Fact]
    public void Move_OutOfTheStageInTime_MeetsTheClockForTheOwnerAtThatMoment()
    {
        var driver = Started();
        driver.Clock.Advance(Duration.FromHours(1));
        driver.Reassign(FakeActivityEnvironment.Boris);
        driver.Clock.Advance(Duration.FromHours(1));

        driver.Move("Done", actorId: FakeActivityEnvironment.Boris);

        var clock = driver.ClockOf(Contacts);
        clock.State.ShouldBe(ClockState.Met);
        clock.OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
        clock.FinishedAt.ShouldBe(driver.Now);
        clock.Overrun.ShouldBe(Duration.Zero);
        driver.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Advance_AtWarnAt_RaisesOneWarningForTheOwner()
    {
        var driver = Started();
        var warnAt = driver.ClockOf(Contacts).WarnAt!.Value;

        driver.AdvanceTo(warnAt - Duration.Epsilon);
        driver.Alerts.ShouldBeEmpty();
        driver.AdvanceTo(warnAt);
        driver.AdvanceTo(warnAt + Duration.FromMinutes(30));

        var warning = driver.Alerts.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(AlertKind.Warning);
        warning.Audience.ShouldBe(AlertAudience.Owner);
        warning.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
        warning.RegulationId.ShouldBe(Contacts);
        warning.StageId.ShouldBe(Contacts);
        warning.RaisedAt.ShouldBe(warnAt);
        warning.DueAt.ShouldBe(driver.ClockOf(Contacts).DueAt);
        driver.ClockOf(Contacts).WarnedAt.ShouldBe(warnAt);
    }

    [Fact]
    public void Advance_HoursAfterTheDeadline_RaisesOneBreachDatedAtTheDeadline()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;

        driver.AdvanceTo(dueAt + Duration.FromHours(5));
        driver.AdvanceTo(dueAt + Duration.FromHours(6));

        var breach = driver.AlertsOf(AlertKind.Breach).ShouldHaveSingleItem();
        breach.DueAt.ShouldBe(dueAt);
        breach.RaisedAt.ShouldBe(dueAt + Duration.FromHours(5));
        breach.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
        var clock = driver.ClockOf(Contacts);
        clock.State.ShouldBe(ClockState.Breached);
        clock.BreachedAt.ShouldBe(dueAt);
        clock.OwnerId.ShouldBe(FakeActivityEnvironment.Anna);
    }

    [Fact]
    public void Advance_LongAfterTheDeadline_RaisesEverythingOnceInOrder()
    {
        var driver = Started();

        driver.Advance(Duration.FromDays(2));
        driver.Advance(Duration.FromDays(2));

        driver.Alerts.Select(a => (a.Kind, a.Audience)).ShouldBe(
        [
            (AlertKind.Warning, AlertAudience.Owner),
            (AlertKind.Breach, AlertAudience.Owner),
            (AlertKind.Escalation, AlertAudience.Owner),
            (AlertKind.Escalation, AlertAudience.Head),
        ]);
    }

    [Fact]
    public void Advance_PastTheDeadline_RaisesEachEscalationOnceAtItsDelay()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;
        driver.AdvanceTo(dueAt - Duration.FromMinutes(1));

        var atDeadline = driver.AdvanceTo(dueAt).Changes.Alerts;
        var justBefore = driver.AdvanceTo(dueAt + Duration.FromHours(2) - Duration.Epsilon).Changes.Alerts;
        var atTwoHours = driver.AdvanceTo(dueAt + Duration.FromHours(2)).Changes.Alerts;
        var later = driver.AdvanceTo(dueAt + Duration.FromDays(3)).Changes.Alerts;

        atDeadline.Select(a => (a.Kind, a.Audience)).ShouldBe([(AlertKind.Breach, AlertAudience.Owner), (AlertKind.Escalation, AlertAudience.Owner)]);
        justBefore.ShouldBeEmpty();
        var head = atTwoHours.ShouldHaveSingleItem();
        head.Kind.ShouldBe(AlertKind.Escalation);
        head.Audience.ShouldBe(AlertAudience.Head);
        head.TeamId.ShouldBe(FakeActivityEnvironment.Sales);
        later.ShouldBeEmpty();
        driver.ClockOf(Contacts).EscalationsRaised.ShouldBe(2);
    }

    [Fact]
    public void Move_OutOfABreachedStage_KeepsTheBreachWithItsOverrun()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;
        driver.AdvanceTo(dueAt + Duration.FromMinutes(90));

        driver.Move("Done");

        var clock = driver.ClockOf(Contacts);
        clock.State.ShouldBe(ClockState.Breached);
        clock.FinishedAt.ShouldBe(driver.Now);
        clock.Overrun.ShouldBe(Duration.FromMinutes(90));
        DealEngine.NextDue(driver.Deal).ShouldBe(driver.ClockOf(Requirements).WarnAt);
    }

    [Fact]
    public void Move_WithoutAdvanceAfterTheDeadline_RaisesTheBreachBeforeMoving()
    {
        var driver = Started();
        var dueAt = driver.ClockOf(Contacts).DueAt!.Value;
        driver.Clock.Reset(dueAt + Duration.FromHours(1));

        var result = driver.Move("Done");

        result.Changes.Alerts.Select(a => a.Kind).ShouldBe([AlertKind.Warning, AlertKind.Breach, AlertKind.Escalation]);
        driver.ClockOf(Contacts).State.ShouldBe(ClockState.Breached);
        driver.ClockOf(Contacts).BreachedAt.ShouldBe(dueAt);
    }

    [Fact]
    public void NextDue_RunningClock_IsTheEarliestPendingInstant()
    {
        var driver = Started();
        var clock = driver.ClockOf(Contacts);

        DealEngine.NextDue(driver.Deal).ShouldBe(clock.WarnAt);
        driver.AdvanceTo(clock.WarnAt!.Value);
        DealEngine.NextDue(driver.Deal).ShouldBe(clock.DueAt);
        driver.AdvanceTo(clock.DueAt!.Value);
        DealEngine.NextDue(driver.Deal).ShouldBe(clock.DueAt!.Value + Duration.FromHours(2));
        driver.AdvanceTo(clock.DueAt!.Value + Duration.FromHours(2));
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void NextDue_NextStepBeforeTheWarning_IsTheNextStep()
    {
        var driver = Started();
        var callAt = driver.Now + Duration.FromMinutes(20);

        driver.SetNextStep(callAt);

        // The deal wakes when its next step passes: a funnel's next-step regulation starts its clock then.
        DealEngine.NextDue(driver.Deal).ShouldBe(callAt);
    }
}
