using Crm.Engine.Runtime;
using Crm.Testing;
using NodaTime;

namespace Crm.Engine.Tests.Activities;

public sealed class TimerActivityTests
{
    private static Flowchart WithTimer(string? duration = null, string? until = null, string? calendarId = null) =>
        TestFlowcharts.Compile(new FunnelBuilder()
            .WithCalendar(calendarId)
            .Stage("new", "Done")
            .Timer("wait", duration, until)
            .Stage("follow-up", "Done")
            .End("won", "won")
            .Connect("new", "Done", "wait")
            .Connect("wait", "Done", "follow-up")
            .Connect("follow-up", "Done", "won")
            .Build());

    [Fact]
    public void Move_IntoTimer_WaitsItsDuration()
    {
        var driver = new DealDriver(WithTimer("PT2H"));
        driver.Start();

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe("wait");
        driver.Deal.Bookmark.ShouldBe(BookmarkKind.Timer);
        driver.Deal.BookmarkDueAt.ShouldBe(driver.Now + Duration.FromHours(2));
        DealEngine.NextDue(driver.Deal).ShouldBe(driver.Now + Duration.FromHours(2));
    }

    [Fact]
    public void Advance_BeforeTheTimerIsDue_KeepsWaiting()
    {
        var driver = new DealDriver(WithTimer("PT2H"));
        driver.Start();
        driver.Move("Done");
        var due = driver.Deal.BookmarkDueAt!.Value;

        var result = driver.AdvanceTo(due - Duration.Epsilon);

        result.Changes.Events.ShouldBeEmpty();
        driver.Deal.ActivityId.ShouldBe("wait");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Advance_AtOrAfterTheTimerIsDue_ContinuesByDone(int minutesLate)
    {
        var driver = new DealDriver(WithTimer("PT2H"));
        driver.Start();
        driver.Move("Done");

        driver.AdvanceTo(driver.Deal.BookmarkDueAt!.Value + Duration.FromMinutes(minutesLate));

        driver.Deal.ActivityId.ShouldBe("follow-up");
        driver.Deal.Bookmark.ShouldBe(BookmarkKind.Outcome);
        driver.Deal.BookmarkDueAt.ShouldBeNull();
    }

    [Fact]
    public void Move_IntoTimerInBusinessCalendar_WaitsWorkingTimeOverTheWeekend()
    {
        var fridayFivePm = Instant.FromUtc(2027, 3, 19, 14, 0);
        var driver = new DealDriver(WithTimer("PT2H", calendarId: TestCalendars.Moscow), fridayFivePm);
        driver.Start();

        driver.Move("Done");

        // One working hour on Friday (17–18), one on Monday (09–10 Moscow, 06–07 UTC).
        driver.Deal.BookmarkDueAt.ShouldBe(Instant.FromUtc(2027, 3, 22, 7, 0));
    }

    [Fact]
    public void Move_OnATimer_IsRefusedBecauseItGoesOnByItself()
    {
        var driver = new DealDriver(WithTimer("PT2H"));
        driver.Start();
        driver.Move("Done");

        driver.Move("Done").Error!.Code.ShouldBe("not-at-a-stage");
        driver.Deal.ActivityId.ShouldBe("wait");
    }

    [Fact]
    public void Move_IntoTimerUntilNextStep_WaitsUntilTheNextStep()
    {
        var driver = new DealDriver(WithTimer(until: "nextStep"));
        driver.Start();
        var callBack = driver.Now + Duration.FromDays(3);

        driver.Move("Done", nextStep: new NextStepRequest(callBack, "Call back"));

        driver.Deal.ActivityId.ShouldBe("wait");
        driver.Deal.BookmarkDueAt.ShouldBe(callBack);
        driver.AdvanceTo(callBack - Duration.FromMinutes(1));
        driver.Deal.ActivityId.ShouldBe("wait");
        driver.AdvanceTo(callBack);
        driver.Deal.ActivityId.ShouldBe("follow-up");
    }

    [Fact]
    public void Move_IntoTimerUntilNextStepWithoutOne_GoesStraightOn()
    {
        var driver = new DealDriver(WithTimer(until: "nextStep"));
        driver.Start();

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe("follow-up");
    }

    [Fact]
    public void Move_IntoTimerUntilANextStepInThePast_GoesStraightOn()
    {
        var driver = new DealDriver(WithTimer(until: "nextStep"));
        driver.Start();
        driver.SetNextStep(driver.Now + Duration.FromHours(1));
        driver.Clock.Advance(Duration.FromHours(2));

        driver.Move("Done");

        driver.Deal.ActivityId.ShouldBe("follow-up");
    }
}
