using Crm.Api.Scheduling;
using NodaTime;

namespace Crm.Api.Tests.Scheduling;

public sealed class DueWindowTests
{
    private static readonly Instant T0 = Instant.FromUtc(2027, 3, 1, 6, 0);

    private static Instant At(int seconds) => T0 + Duration.FromSeconds(seconds);

    private static DueWindow LoadedUpTo(int seconds, params (string Id, int Seconds)[] rows)
    {
        var window = new DueWindow();
        window.BeginLoad();
        window.EndLoad([.. rows.Select(r => (r.Id, At(r.Seconds)))], At(seconds), complete: true);
        return window;
    }

    [Fact]
    public void TakeDue_SeveralDue_TakesEarliestFirstAndEachOnce()
    {
        var window = LoadedUpTo(60, ("b", 20), ("a", 10), ("c", 30));

        window.TakeDue(At(25), 10).ShouldBe(["a", "b"]);
        window.TakeDue(At(25), 10).ShouldBeEmpty();
        window.TakeDue(At(30), 10).ShouldBe(["c"]);
    }

    [Fact]
    public void Update_DueBeyondHorizon_IsLeftToTheDatabase()
    {
        var window = LoadedUpTo(60);

        window.Update("far", At(61)).ShouldBeFalse();
        window.Update("near", At(59)).ShouldBeTrue();

        window.Count.ShouldBe(1);
        window.TakeDue(At(100), 10).ShouldBe(["near"]);
    }

    [Fact]
    public void Update_DeadlineMovedOrCleared_OldInstantDoesNotFire()
    {
        var window = LoadedUpTo(60, ("moved", 10), ("closed", 20));

        window.Update("moved", At(40));
        window.Update("closed", null);

        window.TakeDue(At(30), 10).ShouldBeEmpty();
        window.Earliest().ShouldBe(At(40));
        window.TakeDue(At(40), 10).ShouldBe(["moved"]);
    }

    [Fact]
    public void EndLoad_CommitDuringTheRead_WinsOverTheRowRead()
    {
        var window = LoadedUpTo(10);
        window.BeginLoad();
        window.Update("deal", At(50));

        window.EndLoad([("deal", At(20))], At(70), complete: true);

        window.TakeDue(At(30), 10).ShouldBeEmpty();
        window.TakeDue(At(50), 10).ShouldBe(["deal"]);
    }

    [Fact]
    public void EndLoad_ReadStoppedAtItsLimit_HorizonIsTheLastRowRead()
    {
        var window = new DueWindow();
        window.BeginLoad();
        window.EndLoad([("a", At(10)), ("b", At(10))], At(60), complete: false);

        window.Horizon.ShouldBe((At(10), "b"));
        window.Update("c", At(10)).ShouldBeFalse();
        window.Update("a0", At(10)).ShouldBeTrue();
    }

    [Fact]
    public void Holds_TakenUntilAnswered_SoTheSweepLeavesItAlone()
    {
        var window = LoadedUpTo(60, ("deal", 10));

        window.TakeDue(At(10), 10);
        window.Holds("deal").ShouldBeTrue();
        window.Answered(["deal"]);
        window.Holds("deal").ShouldBeFalse();
    }
}
