using Crm.Engine.Runtime;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime.Testing;

namespace Crm.Engine.Tests.Runtime;

public sealed class VersionPinningTests : IAsyncLifetime
{
    private const string FunnelId = "sales";

    private readonly InMemoryDealStore _store = new();
    private readonly InMemoryFlowchartSource _published = new();
    private readonly DealCommandProcessor _processor;

    public VersionPinningTests() =>
        _processor = new DealCommandProcessor(_store, _published, new DealEngine(FakeActivityEnvironment.SalesTeam()),
            new FakeClock(DealDriver.MondayMorning), [], NullLogger<DealCommandProcessor>.Instance);

    public Task InitializeAsync() => _processor.StartAsync();

    public async Task DisposeAsync() => await _processor.DisposeAsync();

    /// <summary>v1: new → Done → won.</summary>
    private static Flowchart Version1() => TestFlowcharts.Compile(SampleFunnels.Minimal(FunnelId).Build(), version: 1);

    /// <summary>v2: new → Qualify → review → Approve → won; "Done" is gone.</summary>
    private static Flowchart Version2() => TestFlowcharts.Compile(new FunnelBuilder(FunnelId)
        .Stage("new", "Qualify", "Lost")
        .Stage("review", "Approve", "Lost")
        .End("won", "won")
        .End("lost", "lost")
        .Connect("new", "Qualify", "review")
        .Connect("new", "Lost", "lost")
        .Connect("review", "Approve", "won")
        .Connect("review", "Lost", "lost")
        .Build(), version: 2);

    [Fact]
    public async Task Move_DealStartedOnV1AfterV2IsPublished_KeepsMovingOnV1()
    {
        _published.Publish(Version1());
        await StartAsync("old", version: 1);
        _published.Publish(Version2());

        var refused = await MoveAsync("old", "Qualify");
        var moved = await MoveAsync("old", "Done");

        refused.Error!.Code.ShouldBe("unknown-outcome");
        moved.Succeeded.ShouldBeTrue();
        var deal = _store.Get("old");
        deal.WorkflowVersion.ShouldBe(1);
        deal.State.ShouldBe(DealState.Won);
    }

    [Fact]
    public async Task Start_AfterV2IsPublished_RunsOnV2()
    {
        _published.Publish(Version1());
        await StartAsync("old", version: 1);
        _published.Publish(Version2());

        await StartAsync("new", version: 2);
        var moved = await MoveAsync("new", "Qualify");

        moved.Succeeded.ShouldBeTrue();
        var deal = _store.Get("new");
        deal.WorkflowVersion.ShouldBe(2);
        deal.ActivityId.ShouldBe("review");
        (await MoveAsync("new", "Done")).Error!.Code.ShouldBe("unknown-outcome");
        _store.Get("old").ActivityId.ShouldBe("new");
    }

    [Fact]
    public async Task Start_OnAVersionThatIsNotPublished_IsNotFound()
    {
        _published.Publish(Version1());

        var result = await StartAsync("deal", version: 3);

        result.Error!.Kind.ShouldBe(EngineErrorKind.NotFound);
        _store.Find("deal").ShouldBeNull();
    }

    private Task<DealCommandResult> StartAsync(string id, int version) =>
        _processor.SubmitAsync(DealCommand.Start(new NewDeal { Id = id, Title = id, OwnerId = FakeActivityEnvironment.Anna }, FunnelId, version, null))
            .WaitAsync(TimeSpan.FromSeconds(30));

    private Task<DealCommandResult> MoveAsync(string id, string outcome) =>
        _processor.SubmitAsync(DealCommand.Move(id, new MoveRequest(outcome, FakeActivityEnvironment.Anna))).WaitAsync(TimeSpan.FromSeconds(30));
}
