using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime.Testing;

namespace Crm.Workflows.Tests;

public sealed class UnsortedFunnelTests
{
    [Fact]
    public void Load_Unsorted_OneSortingStageThatHandsToEverySalesFunnelOrClosesAsJunk()
    {
        var funnel = BuiltInWorkflows.Load("unsorted");

        funnel.Activities.Where(a => a.Type == "Stage").Select(a => a.Id).ShouldBe(["sort"]);
        funnel.Activities.Where(a => a.Type == "HandOff").Select(a => a.GetString("workflowId")).ShouldBe(["b2b-sales", "inbound-lead", "complaint"]);
        funnel.Activities.Where(a => a.Type == "HandOff").Select(a => a.GetString("workflowId")).ShouldAllBe(id => BuiltInWorkflows.Ids.Contains(id!));
    }

    [Theory]
    [InlineData("B2B sale", "b2b-sales", "contacts")]
    [InlineData("Complaint", "complaint", "answer")]
    public async Task Move_SortedRequest_ContinuesInThatFunnelWithItsSortingClockMet(string outcome, string workflowId, string stage)
    {
        var store = new InMemoryDealStore();
        var flows = new InMemoryFlowchartSource([.. BuiltInWorkflows.All().Select(d => TestFlowcharts.Compile(d))]);
        await using var processor = new DealCommandProcessor(store, flows, new DealEngine(new FakeActivityEnvironment()),
            new FakeClock(DealDriver.MondayMorning), [], NullLogger<DealCommandProcessor>.Instance);
        await processor.StartAsync();
        (await processor.SubmitAsync(DealCommand.Start(new NewDeal { Id = "d1", Title = "A call", OwnerId = FakeActivityEnvironment.Anna }, "unsorted", 1, null))).Succeeded.ShouldBeTrue();

        var result = await processor.SubmitAsync(DealCommand.Move("d1", new MoveRequest(outcome, FakeActivityEnvironment.Anna)));

        result.Error.ShouldBeNull();
        var deal = store.Find("d1")!;
        (deal.WorkflowId, deal.ActivityId, deal.State).ShouldBe((workflowId, stage, DealState.Open));
        // Sorting was the stage's job, done when its outcome was chosen: its clock is met, not cancelled.
        deal.Clocks.Single(c => c.RegulationId == "sort").State.ShouldBe(ClockState.Met);
        deal.Clocks.Single(c => c.RegulationId == stage).State.ShouldBe(ClockState.Running);
    }
}
