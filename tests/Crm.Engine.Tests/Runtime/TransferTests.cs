using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using static Crm.Engine.Tests.Runtime.EngineFixture;

namespace Crm.Engine.Tests.Runtime;

public sealed class TransferTests
{
    private const string Inbox = """
        { "id": "inbox", "name": "Inbox", "start": "sort",
          "activities": [
            { "id": "sort", "type": "Stage", "outcomes": ["Sale", "Deep", "Nowhere", "Junk"], "regulation": { "duration": "PT1H" } },
            { "id": "to-sales", "type": "HandOff", "workflowId": "sales" },
            { "id": "to-talk", "type": "HandOff", "workflowId": "sales", "stageId": "talk" },
            { "id": "to-nowhere", "type": "HandOff", "workflowId": "missing" },
            { "id": "junk", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "sort", "outcome": "Sale", "target": "to-sales" },
            { "source": "sort", "outcome": "Deep", "target": "to-talk" },
            { "source": "sort", "outcome": "Nowhere", "target": "to-nowhere" },
            { "source": "sort", "outcome": "Junk", "target": "junk" } ] }
        """;

    private const string Sales = """
        { "id": "sales", "name": "Sales", "start": "lead",
          "activities": [
            { "id": "lead", "type": "Stage", "outcomes": ["Done", "Lost"], "regulation": { "duration": "PT4H" } },
            { "id": "talk", "type": "Stage", "outcomes": ["Won", "Lost"] },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "lead", "outcome": "Done", "target": "talk" },
            { "source": "lead", "outcome": "Lost", "target": "lost" },
            { "source": "talk", "outcome": "Won", "target": "won" },
            { "source": "talk", "outcome": "Lost", "target": "lost" } ] }
        """;

    [Fact]
    public void Transfer_ToAnotherFunnel_EntersItsStartKeepsTheDealAndCancelsRunningClocks()
    {
        var engine = NewEngine();
        var (inbox, sales) = (Flow(Inbox), Flow(Sales));
        var deal = Started(engine, inbox);
        var later = Start + Duration.FromMinutes(20);

        var result = engine.Transfer(inbox, sales, deal, null, "head", null, later);

        result.Error.ShouldBeNull();
        var moved = result.Deal;
        (moved.Id, moved.WorkflowId, moved.WorkflowVersion, moved.ActivityId, moved.Bookmark).ShouldBe(("d1", "sales", 1, "lead", BookmarkKind.Outcome));
        moved.ContactIds.ShouldBe(["c1"]);
        var old = moved.Clocks.Single(c => c.StageId == "sort");
        (old.State, old.WorkflowId, old.FinishedAt).ShouldBe((ClockState.Cancelled, "inbox", later));
        var fresh = moved.Clocks.Single(c => c.StageId == "lead");
        (fresh.State, fresh.WorkflowId, fresh.StartedAt).ShouldBe((ClockState.Running, "sales", later));
        var transferred = result.Changes.Events.Single(e => e.Kind == "transferred");
        transferred.Details["fromWorkflowId"].ShouldBe("inbox");
        transferred.Details["from"].ShouldBe("sort");
        transferred.Details["toWorkflowId"].ShouldBe("sales");
        transferred.Details["to"].ShouldBe("lead");
        transferred.By.ShouldBe("head");
    }

    [Fact]
    public void Transfer_ToANamedStage_EntersThatStage()
    {
        var engine = NewEngine();
        var (inbox, sales) = (Flow(Inbox), Flow(Sales));

        var result = engine.Transfer(inbox, sales, Started(engine, inbox), "talk", "anna", null, Start);

        result.Deal.ActivityId.ShouldBe("talk");
        result.Deal.Clocks.Where(c => !c.IsFinished).ShouldBeEmpty();
    }

    [Fact]
    public void Transfer_AfterTheClockBreached_KeepsTheBreachAndStartsAfresh()
    {
        var engine = NewEngine();
        var (inbox, sales) = (Flow(Inbox), Flow(Sales));
        var deal = engine.Advance(inbox, Started(engine, inbox), Start + Duration.FromHours(2)).Deal;

        var moved = engine.Transfer(inbox, sales, deal, null, "anna", null, Start + Duration.FromHours(3)).Deal;

        var old = moved.Clocks.Single(c => c.StageId == "sort");
        (old.State, old.BreachedAt).ShouldBe((ClockState.Breached, Start + Duration.FromHours(1)));
        old.IsFinished.ShouldBeTrue();
    }

    [Theory]
    [InlineData("inbox", null, "same-funnel")]
    [InlineData("sales", "won", "unknown-stage")]
    [InlineData("sales", "nowhere", "unknown-stage")]
    public void Transfer_ToItsOwnFunnelOrNotAStage_IsRefusedAndChangesNothing(string target, string? stageId, string code)
    {
        var engine = NewEngine();
        var (inbox, sales) = (Flow(Inbox), Flow(Sales));
        var deal = Started(engine, inbox);

        var result = engine.Transfer(inbox, target == "inbox" ? inbox : sales, deal, stageId, "anna", null, Start);

        result.Error!.Code.ShouldBe(code);
        result.Deal.ShouldBeSameAs(deal);
    }

    [Fact]
    public void Transfer_AClosedDeal_IsRefused()
    {
        var engine = NewEngine();
        var (inbox, sales) = (Flow(Inbox), Flow(Sales));
        var junk = Moved(engine, inbox, Started(engine, inbox), "Junk");

        engine.Transfer(inbox, sales, junk, null, "anna", null, Start).Error!.Code.ShouldBe("deal-closed");
    }

    [Theory]
    [InlineData("Sale", "lead")]
    [InlineData("Deep", "talk")]
    public async Task Move_ToAHandOff_ContinuesInTheTargetFunnelInTheSameCommit(string outcome, string stage)
    {
        var (processor, store) = Setup();
        await using var running = processor;
        (await processor.SubmitAsync(DealCommand.Start(new NewDeal { Id = "d1", Title = "Deal", OwnerId = "anna" }, "inbox", 1, "anna"))).Succeeded.ShouldBeTrue();

        var result = await processor.SubmitAsync(DealCommand.Move("d1", new MoveRequest(outcome, "anna")));

        result.Error.ShouldBeNull();
        var deal = store.Find("d1")!;
        (deal.WorkflowId, deal.ActivityId, deal.State, deal.Version).ShouldBe(("sales", stage, DealState.Open, 2));
        store.Commits.ShouldBe(2);
        store.Events.Select(e => e.Kind).ShouldContain("transferred");
    }

    [Fact]
    public async Task Move_ToAHandOffWhoseFunnelIsNotPublished_IsRefusedAndChangesNothing()
    {
        var (processor, store) = Setup();
        await using var running = processor;
        (await processor.SubmitAsync(DealCommand.Start(new NewDeal { Id = "d1", Title = "Deal", OwnerId = "anna" }, "inbox", 1, "anna"))).Succeeded.ShouldBeTrue();

        var result = await processor.SubmitAsync(DealCommand.Move("d1", new MoveRequest("Nowhere", "anna")));

        result.Error!.Code.ShouldBe("hand-off-target");
        (store.Find("d1")!.WorkflowId, store.Find("d1")!.ActivityId, store.Find("d1")!.Version).ShouldBe(("inbox", "sort", 1));
    }

    [Fact]
    public void CloseAsMerged_ADuplicate_ClosesAsDuplicateNotLost()
    {
        var engine = NewEngine();
        var sales = Flow(Sales);

        var closed = engine.CloseAsMerged(sales, Started(engine, sales), "other", "anna", null, Start).Deal;

        closed.State.ShouldBe(DealState.Duplicate);
        closed.Clocks.ShouldAllBe(c => c.State == ClockState.Cancelled);
    }

    private static (DealCommandProcessor, InMemoryDealStore) Setup()
    {
        var store = new InMemoryDealStore();
        var flows = new InMemoryFlowchartSource(Flow(Inbox), Flow(Sales));
        var processor = new DealCommandProcessor(store, flows, NewEngine(), new FakeClock(Start), [], NullLogger<DealCommandProcessor>.Instance);
        _ = processor.StartAsync();
        return (processor, store);
    }
}
