using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using static Crm.Engine.Tests.Runtime.EngineFixture;

namespace Crm.Engine.Tests.Runtime;

public sealed class MergeCommandTests
{
    private const string Funnel = """
        { "id": "f", "name": "F", "start": "call",
          "activities": [
            { "id": "call", "type": "Stage", "outcomes": ["Called", "Lost"], "regulation": { "duration": "PT4H" } },
            { "id": "won", "type": "End", "result": "won" },
            { "id": "lost", "type": "End", "result": "lost" } ],
          "connections": [
            { "source": "call", "outcome": "Called", "target": "won" },
            { "source": "call", "outcome": "Lost", "target": "lost" } ] }
        """;

    private static DealInstance New(DealEngine engine, Flowchart flow, string id, params string[] contacts) =>
        engine.Start(flow, new NewDeal { Id = id, Title = id, OwnerId = "anna", ContactIds = contacts }, "anna", Start).Deal;

    [Fact]
    public async Task Merge_BothCommandsSucceed_AreCommittedTogether()
    {
        var (processor, store, flow) = Setup();
        await using var running = processor;
        var engine = NewEngine();
        store.Put(New(engine, flow, "a", "c1"), New(engine, flow, "b", "c2"));

        var results = await processor.SubmitAllAsync(DealCommand.Merge("a", MergeSource.Of(store.Deals["b"]), "anna", null));

        results.ShouldAllBe(r => r.Succeeded);
        store.Commits.ShouldBe(1);
        store.Deals["b"].State.ShouldBe(DealState.Duplicate);
        store.Deals["b"].Clocks.ShouldAllBe(c => c.IsFinished);
        store.Deals["a"].ContactIds.ShouldBe(["c1", "c2"]);
        store.Deals["a"].MergedDealIds.ShouldBe(["b"]);
        store.Deals["a"].State.ShouldBe(DealState.Open);
    }

    [Fact]
    public async Task Merge_WhenTheSecondCommandIsRefused_TheFirstIsNotAppliedEither()
    {
        var (processor, store, flow) = Setup();
        await using var running = processor;
        var engine = NewEngine();
        store.Put(New(engine, flow, "a", "c1"), New(engine, flow, "b", "c2"));

        var results = await processor.SubmitAllAsync(DealCommand.Merge("a", MergeSource.Of(store.Deals["b"]), "anna", expectedVersion: 99));

        results.ShouldAllBe(r => r.Error!.Code == "stale-version");
        store.Commits.ShouldBe(0);
        store.Deals["b"].State.ShouldBe(DealState.Open);
        store.Deals["a"].ContactIds.ShouldBe(["c1"]);
    }

    [Fact]
    public async Task Merge_ADuplicateThatChangedSinceItWasRead_IsRefusedAsStale()
    {
        var (processor, store, flow) = Setup();
        await using var running = processor;
        var engine = NewEngine();
        store.Put(New(engine, flow, "a"), New(engine, flow, "b"));
        var readBefore = MergeSource.Of(store.Deals["b"]);
        (await processor.SubmitAsync(DealCommand.SetNextStep("b", new NextStepRequest(Start + Duration.FromHours(1), "Call"), "anna", null))).Succeeded.ShouldBeTrue();

        var results = await processor.SubmitAllAsync(DealCommand.Merge("a", readBefore, "anna", null));

        results[0].Error!.Code.ShouldBe("stale-version");
        store.Deals["b"].State.ShouldBe(DealState.Open);
    }

    private static (DealCommandProcessor Processor, MemoryStore Store, Flowchart Flow) Setup()
    {
        var flow = Flow(Funnel);
        var store = new MemoryStore();
        var processor = new DealCommandProcessor(store, new SingleFlow(flow), NewEngine(), new FakeClock(Start), [], NullLogger<DealCommandProcessor>.Instance);
        _ = processor.StartAsync();
        return (processor, store, flow);
    }

    private sealed class SingleFlow(Flowchart flow) : IFlowchartSource
    {
        public ValueTask<Flowchart?> GetAsync(string workflowId, int version, CancellationToken cancellationToken) => ValueTask.FromResult<Flowchart?>(flow);

        public ValueTask<Flowchart?> GetPublishedAsync(string workflowId, CancellationToken cancellationToken) => ValueTask.FromResult<Flowchart?>(flow);
    }

    private sealed class MemoryStore : IDealStore
    {
        public Dictionary<string, DealInstance> Deals { get; } = new(StringComparer.Ordinal);

        public int Commits { get; private set; }

        public void Put(params DealInstance[] deals)
        {
            foreach (var deal in deals)
                Deals[deal.Id] = deal;
        }

        public Task<IReadOnlyDictionary<string, DealInstance>> LoadAsync(IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, DealInstance>>(dealIds.Where(Deals.ContainsKey).ToDictionary(id => id, id => DealCopier.Copy(Deals[id])));

        public Task CommitAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
        {
            Commits++;
            foreach (var write in writes)
                Deals[write.Deal.Id] = write.Deal;
            return Task.CompletedTask;
        }
    }
}
