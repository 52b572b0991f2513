using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;
using NodaTime;
using static Crm.Testing.SampleFunnels;

namespace Crm.Engine.Tests.Clocks;

/// <summary>The B2B-like funnel: every open stage may go to <c>paused</c>, which stops all clocks until <c>Resume</c>.</summary>
public sealed class PauseResumeTests
{
    /// <summary>At requirements: its own clock (PT8H) and request-to-proposal (PT12H) both run, in 24x7 time.</summary>
    private static DealDriver AtRequirements()
    {
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike()));
        driver.Start();
        driver.Move("Done");
        return driver;
    }

    [Fact]
    public void Move_IntoThePauseStage_PausesEveryRunningClock()
    {
        var driver = AtRequirements();
        driver.Clock.Advance(Duration.FromHours(2));

        driver.Move("Pause");

        driver.Deal.ActivityId.ShouldBe(Paused);
        driver.Deal.ReturnStageId.ShouldBe(Requirements);
        var running = driver.Deal.Clocks.Where(c => !c.IsFinished).ToList();
        running.Select(c => c.RegulationId).ShouldBe([Requirements, RequestToProposal], ignoreOrder: true);
        running.ShouldAllBe(c => c.State == ClockState.Paused && c.DueAt == null);
        running.ShouldAllBe(c => c.Consumed == Duration.FromHours(2));
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void Advance_WhilePaused_RaisesNothingEvenPastTheOldDeadlines()
    {
        var driver = AtRequirements();
        driver.Move("Pause");

        driver.Advance(Duration.FromDays(5));

        driver.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Move_Resume_ReturnsToTheExactStageItCameFrom()
    {
        var driver = AtRequirements();
        var clockId = driver.ClockOf(Requirements).Id;
        driver.Move("Pause");

        driver.Move("Resume");

        driver.Deal.ActivityId.ShouldBe(Requirements);
        driver.Deal.Bookmark.ShouldBe(BookmarkKind.Outcome);
        driver.Deal.ReturnStageId.ShouldBeNull();
        driver.Deal.Clocks.Where(c => c.RegulationId == Requirements).ShouldHaveSingleItem().Id.ShouldBe(clockId);
        driver.Deal.Clocks.Where(c => !c.IsFinished).ShouldAllBe(c => c.State == ClockState.Running);
    }

    [Theory]
    [InlineData(Contacts)]
    [InlineData(Requirements)]
    [InlineData(Proposal)]
    public void Move_ResumeFromAnyStage_ReturnsToThatStage(string stage)
    {
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike()));
        driver.Start();
        while (driver.Deal.ActivityId != stage)
            driver.Move("Done");

        driver.Move("Pause");
        driver.Move("Resume");

        driver.Deal.ActivityId.ShouldBe(stage);
    }

    [Fact]
    public void Move_Resume_MovesEveryDeadlineLaterByThePausedTime()
    {
        var driver = AtRequirements();
        var stageDue = driver.ClockOf(Requirements).DueAt!.Value;
        var stageWarn = driver.ClockOf(Requirements).WarnAt!.Value;
        var funnelDue = driver.ClockOf(RequestToProposal).DueAt!.Value;
        driver.Clock.Advance(Duration.FromHours(2));
        driver.Move("Pause");
        var pause = Duration.FromHours(5);
        driver.Clock.Advance(pause);

        driver.Move("Resume");

        driver.ClockOf(Requirements).DueAt.ShouldBe(stageDue + pause);
        driver.ClockOf(Requirements).WarnAt.ShouldBe(stageWarn + pause);
        driver.ClockOf(RequestToProposal).DueAt.ShouldBe(funnelDue + pause);
    }

    [Fact]
    public void Move_ResumeAfterAWeekendPause_MovesTheDeadlineByThePausedWorkingTimeOnly()
    {
        // Friday 19 March 2027, 15:00 Moscow: contacts (PT4H) is due Monday 10:00 (3h on Friday, 1h on Monday).
        var driver = new DealDriver(TestFlowcharts.Compile(B2bLike(TestCalendars.Moscow)), Instant.FromUtc(2027, 3, 19, 12, 0));
        driver.Start();
        var dueBefore = driver.ClockOf(Contacts).DueAt!.Value;
        dueBefore.ShouldBe(Instant.FromUtc(2027, 3, 22, 7, 0));
        var pausedAt = Instant.FromUtc(2027, 3, 19, 14, 0); // Friday 17:00
        var resumedAt = Instant.FromUtc(2027, 3, 22, 7, 0); // Monday 10:00
        driver.Clock.Reset(pausedAt);
        driver.Move("Pause");
        driver.AdvanceTo(Instant.FromUtc(2027, 3, 22, 6, 30)); // Monday 09:30: past the old warning, still paused

        driver.Clock.Reset(resumedAt);
        driver.Move("Resume");

        // Paused working time: Friday 17–18 and Monday 09–10, two hours; the weekend does not count.
        var pausedWorkingTime = TestCalendars.MoscowOffice.WorkingTime(pausedAt, resumedAt);
        pausedWorkingTime.ShouldBe(Duration.FromHours(2));
        var clock = driver.ClockOf(Contacts);
        clock.DueAt.ShouldBe(TestCalendars.MoscowOffice.Deadline(dueBefore, pausedWorkingTime));
        clock.DueAt.ShouldBe(Instant.FromUtc(2027, 3, 22, 9, 0)); // Monday 12:00
        clock.WarnAt.ShouldBe(Instant.FromUtc(2027, 3, 22, 8, 0)); // Monday 11:00
        driver.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Move_LostFromThePauseStage_ClosesTheDealAndCancelsItsClocks()
    {
        var driver = AtRequirements();
        driver.Clock.Advance(Duration.FromHours(1));
        driver.Move("Pause");
        driver.Clock.Advance(Duration.FromHours(1));
        var open = driver.Deal.Clocks.Where(c => !c.IsFinished).Select(c => c.Id).ToList();

        driver.Move("Lost");

        driver.Deal.State.ShouldBe(DealState.Lost);
        driver.Deal.ActivityId.ShouldBe(Lost);
        driver.ClockOf(Requirements).State.ShouldBe(ClockState.Cancelled);
        driver.ClockOf(RequestToProposal).State.ShouldBe(ClockState.Cancelled);
        driver.Deal.Clocks.Where(c => open.Contains(c.Id)).ShouldAllBe(c => c.FinishedAt == driver.Now);
        driver.Deal.Clocks.ShouldAllBe(c => c.IsFinished);
        DealEngine.NextDue(driver.Deal).ShouldBeNull();
    }

    [Fact]
    public void Move_LostFromThePauseStageAfterABreach_KeepsTheBreach()
    {
        var driver = AtRequirements();
        driver.AdvanceTo(driver.ClockOf(Requirements).DueAt!.Value);
        driver.Move("Pause");

        driver.Move("Lost");

        driver.ClockOf(Requirements).State.ShouldBe(ClockState.Breached);
    }

    [Fact]
    public void Move_ResumeAfterTheWarning_DoesNotWarnAgain()
    {
        var driver = AtRequirements();
        driver.AdvanceTo(driver.ClockOf(Requirements).WarnAt!.Value);
        driver.Move("Pause");
        driver.Advance(Duration.FromHours(3));
        driver.Move("Resume");

        driver.Advance(Duration.FromMinutes(90));

        driver.AlertsOf(AlertKind.Warning).Count(a => a.RegulationId == Requirements).ShouldBe(1);
    }
}
