using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using NodaTime;
using static Crm.Engine.Tests.Runtime.EngineFixture;

namespace Crm.Engine.Tests.Clocks;

public sealed class NextStepRegulationTests
{
    private const string Watched = """
        { "id": "f", "name": "F", "start": "call",
          "activities": [
            { "id": "call", "type": "Stage", "outcomes": ["Called", "Lost"] },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "call", "outcome": "Called", "target": "won" },
            { "source": "call", "outcome": "Lost", "target": "lost" } ],
          "regulations": [
            { "id": "planned", "name": "Every open deal has a future next step", "watch": "nextStep", "duration": "PT2H",
              "escalations": [ { "after": "PT1H", "notify": "head" } ] } ] }
        """;

    private static readonly Flowchart Flowchart = Flow(Watched);

    private static RegulationClock Planned(DealInstance deal) => deal.Clocks.Single(c => c.RegulationId == "planned" && !c.IsFinished);

    [Fact]
    public void Start_DealWithoutANextStep_StartsTheClockAtOnce()
    {
        var deal = Started(NewEngine(), Flowchart);

        var clock = Planned(deal);
        (clock.StartedAt, clock.DueAt, clock.StageId).ShouldBe((Start, Start + Duration.FromHours(2), null));
    }

    [Fact]
    public void SetNextStep_InTheFuture_MeetsTheClock()
    {
        var engine = NewEngine();
        var deal = Started(engine, Flowchart);

        var planned = engine.SetNextStep(Flowchart, deal, new NextStepRequest(Start + Duration.FromHours(5), "Call"), "anna", null, Start + Duration.FromMinutes(30)).Deal;

        var clock = planned.Clocks.Single(c => c.RegulationId == "planned");
        (clock.State, clock.FinishedAt).ShouldBe((ClockState.Met, Start + Duration.FromMinutes(30)));
    }

    [Fact]
    public void Advance_NextStepPasses_ClockStartsWhenItPassedAndBreachesAfterTheLimit()
    {
        var engine = NewEngine();
        var deal = Started(engine, Flowchart);
        deal = engine.SetNextStep(Flowchart, deal, new NextStepRequest(Start + Duration.FromHours(1), "Call"), "anna", null, Start).Deal;

        // Woken late, an hour after the step passed: the clock still starts when it passed.
        var woken = engine.Advance(Flowchart, deal, Start + Duration.FromHours(2));
        var clock = Planned(woken.Deal);
        (clock.StartedAt, clock.DueAt).ShouldBe((Start + Duration.FromHours(1), Start + Duration.FromHours(3)));
        woken.Changes.Alerts.ShouldNotContain(a => a.Kind == AlertKind.Breach);

        var late = engine.Advance(Flowchart, woken.Deal, Start + Duration.FromHours(4));

        Planned(late.Deal).BreachedAt.ShouldBe(Start + Duration.FromHours(3));
        late.Changes.Alerts.Select(a => (a.Kind, a.RegulationId)).ShouldBe([(AlertKind.Breach, "planned"), (AlertKind.Escalation, "planned")], ignoreOrder: true);
        DealEngine.NextDue(late.Deal).ShouldBeNull();
    }

    [Fact]
    public void SetNextStep_AfterABreach_FinishesTheClockAsBreachedAndAPassingStepStartsANewOne()
    {
        var engine = NewEngine();
        var deal = engine.Advance(Flowchart, Started(engine, Flowchart), Start + Duration.FromHours(3)).Deal;

        deal = engine.SetNextStep(Flowchart, deal, new NextStepRequest(Start + Duration.FromHours(4), "Call"), "anna", null, Start + Duration.FromHours(3)).Deal;
        deal.Clocks.Single().State.ShouldBe(ClockState.Breached);
        deal.Clocks.Single().IsFinished.ShouldBeTrue();
        DealEngine.NextDue(deal).ShouldBe(Start + Duration.FromHours(4));

        deal = engine.Advance(Flowchart, deal, Start + Duration.FromHours(4)).Deal;

        deal.Clocks.Count.ShouldBe(2);
        Planned(deal).StartedAt.ShouldBe(Start + Duration.FromHours(4));
    }

    [Fact]
    public void Close_WhileTheClockRuns_CancelsIt()
    {
        var engine = NewEngine();

        var won = Moved(engine, Flowchart, Started(engine, Flowchart), "Called", Start + Duration.FromMinutes(10));

        won.Clocks.Single().State.ShouldBe(ClockState.Cancelled);
    }

    [Fact]
    public void Start_FunnelWithoutTheRegulation_StartsNoClock()
    {
        var plain = Flow(Watched[..Watched.IndexOf(",\n  \"regulations\"", StringComparison.Ordinal)] + " }");

        Started(NewEngine(), plain).Clocks.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"watch\": \"nextStep\"", "\"watch\": \"lunch\"")]
    [InlineData("\"watch\": \"nextStep\"", "\"watch\": \"nextStep\", \"startOn\": \"call\"")]
    public void Compile_BadWatch_IsAnError(string from, string to) =>
        Compile(Watched.Replace(from, to)).Errors.ShouldContain(e => e.Code == "bad-setting" && e.ActivityId == "planned");
}
