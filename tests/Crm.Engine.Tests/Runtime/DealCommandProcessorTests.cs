using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Crm.Engine.Runtime;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using static Crm.Testing.SampleFunnels;

namespace Crm.Engine.Tests.Runtime;

public sealed class DealCommandProcessorTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly InMemoryDealStore _store = new();
    private readonly FakeClock _clock = new(DealDriver.MondayMorning);
    private readonly Flowchart _flow = TestFlowcharts.Compile(B2bLike());
    private readonly Flowchart _queueFlow = TestFlowcharts.Compile(new FunnelBuilder("queue-funnel")
        .Assign("queue", "queue", FakeActivityEnvironment.Sales)
        .Stage("take", "Done")
        .End("won", "won")
        .Connect("queue", "Done", "take")
        .Connect("take", "Done", "won")
        .Build());
    private readonly RecordingCommitListener _listener = new();
    private readonly DealEngine _engine = new(FakeActivityEnvironment.SalesTeam());
    private readonly DealCommandProcessor _processor;

    public DealCommandProcessorTests() =>
        _processor = new DealCommandProcessor(_store, new InMemoryFlowchartSource(_flow, _queueFlow), _engine, _clock, [_listener],
            NullLogger<DealCommandProcessor>.Instance);

    public Task InitializeAsync() => _processor.StartAsync();

    public async Task DisposeAsync() => await _processor.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_StartThenMove_CommitsEachChange()
    {
        var started = await StartAsync("deal-1");

        var moved = await SubmitAsync(DealCommand.Move("deal-1", new MoveRequest("Done", FakeActivityEnvironment.Anna, ExpectedVersion: 1)));

        started.Deal.Version.ShouldBe(1);
        moved.Succeeded.ShouldBeTrue();
        var stored = _store.Get("deal-1");
        stored.ActivityId.ShouldBe(Requirements);
        stored.Version.ShouldBe(2);
        _store.Commits.ShouldBe(2);
        _listener.DueChanges.ShouldContain(("deal-1", DealEngine.NextDue(stored)));
    }

    [Theory]
    [InlineData("Done", "Done")]
    [InlineData("Done", "Lost")]
    public async Task SubmitAsync_TwoMovesWithTheSameExpectedVersion_ExactlyOneSucceeds(string first, string second)
    {
        await StartAsync("deal-1");

        var results = await Task.WhenAll(
            SubmitAsync(DealCommand.Move("deal-1", new MoveRequest(first, FakeActivityEnvironment.Anna, ExpectedVersion: 1))),
            SubmitAsync(DealCommand.Move("deal-1", new MoveRequest(second, FakeActivityEnvironment.Boris, ExpectedVersion: 1))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        var loser = results.Single(r => !r.Succeeded);
        loser.Error!.Kind.ShouldBe(EngineErrorKind.Conflict);
        loser.Error.Code.ShouldBe("stale-version");
        var stored = _store.Get("deal-1");
        stored.Version.ShouldBe(2);
        stored.ActivityId.ShouldBe(results.Single(r => r.Succeeded).Deal.ActivityId);
    }

    [Fact]
    public async Task SubmitAsync_HundredMovesOnHundredDeals_AllCommit()
    {
        var ids = Enumerable.Range(1, 100).Select(i => $"deal-{i:000}").ToList();
        await Task.WhenAll(ids.Select(id => StartAsync(id)));

        var results = await Task.WhenAll(ids.Select(id =>
            SubmitAsync(DealCommand.Move(id, new MoveRequest("Done", FakeActivityEnvironment.Anna, ExpectedVersion: 1)))));

        results.ShouldAllBe(r => r.Succeeded);
        ids.ShouldAllBe(id => _store.Get(id).ActivityId == Requirements && _store.Get(id).Version == 2);
    }

    [Fact]
    public async Task SubmitAsync_GuardRefuses_ChangesNothing()
    {
        await StartAsync("deal-1");
        var before = _store.Get("deal-1");
        var commits = _store.Commits;
        var eventsBefore = _store.Events.Count;
        var denied = new EngineError(EngineErrorKind.NotFound, "not-visible", "You cannot see this deal.");

        var result = await SubmitAsync(DealCommand.Move("deal-1", new MoveRequest("Done", FakeActivityEnvironment.Boris))
            .WithGuard(deal => deal.OwnerId == FakeActivityEnvironment.Boris ? null : denied));

        result.Error.ShouldBe(denied);
        _store.Get("deal-1").ShouldBeSameAs(before);
        before.ActivityId.ShouldBe(Contacts);
        before.Version.ShouldBe(1);
        _store.Commits.ShouldBe(commits);
        _store.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task SubmitAsync_StoreConflictOnce_RetriesOnFreshState()
    {
        await StartAsync("deal-1");
        // Another node reassigns the deal between this batch's load and its commit.
        _store.BeforeNextCommit(store =>
            store.Put(_engine.Reassign(_flow, store.Get("deal-1"), FakeActivityEnvironment.Boris, FakeActivityEnvironment.Head, null, _clock.GetCurrentInstant()).Deal));

        var result = await SubmitAsync(DealCommand.Move("deal-1", new MoveRequest("Done", FakeActivityEnvironment.Anna)));

        result.Succeeded.ShouldBeTrue();
        _store.Conflicts.ShouldBe(1);
        var stored = _store.Get("deal-1");
        stored.Version.ShouldBe(3);
        stored.ActivityId.ShouldBe(Requirements);
        stored.OwnerId.ShouldBe(FakeActivityEnvironment.Boris);
    }

    [Fact]
    public async Task SubmitAsync_ADealContestedOnEveryRetry_FailsAlone_AndTheRestOfItsBatchCommits()
    {
        foreach (var id in new[] { "blocker", "hot", "calm-1", "calm-2", "calm-3" })
            await StartAsync(id);
        // Another node changes "hot" before every commit that includes it.
        _store.KeepChanging("hot", deal =>
            _engine.Reassign(_flow, deal, deal.OwnerId == FakeActivityEnvironment.Boris ? FakeActivityEnvironment.Anna : FakeActivityEnvironment.Boris,
                FakeActivityEnvironment.Head, null, _clock.GetCurrentInstant()).Deal);
        // Hold the writer on one commit while the next commands queue up, so that they share one batch.
        using var gate = new ManualResetEventSlim();
        var committing = HoldNextCommit(gate);
        var blocker = SubmitAsync(Move("blocker"));
        await committing.WaitAsync(Patience);
        var hot = SubmitAsync(Move("hot"));
        var calm = new[] { "calm-1", "calm-2", "calm-3" }.Select(id => SubmitAsync(Move(id))).ToList();
        gate.Set();

        (await blocker).Succeeded.ShouldBeTrue();
        (await Task.WhenAll(calm)).ShouldAllBe(r => r.Succeeded);
        await Should.ThrowAsync<DealConcurrencyException>(() => hot);
        new[] { "calm-1", "calm-2", "calm-3" }.ShouldAllBe(id => _store.Get(id).ActivityId == Requirements);
        _store.Get("hot").ActivityId.ShouldBe(Contacts);
    }

    private static DealCommand Move(string dealId) => DealCommand.Move(dealId, new MoveRequest("Done", FakeActivityEnvironment.Anna));

    /// <summary>Holds the writer inside the next commit until <paramref name="gate"/> opens; completes when it is held there.</summary>
    private Task HoldNextCommit(ManualResetEventSlim gate)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.BeforeNextCommit(_ =>
        {
            held.TrySetResult();
            gate.Wait(Patience);
        });
        return held.Task;
    }

    [Fact]
    public async Task SubmitAsync_CancelledWhileWaitingForARound_IsNeverApplied()
    {
        using var gate = new ManualResetEventSlim();
        var committing = HoldNextCommit(gate);
        var blocker = StartAsync("blocker");
        await committing.WaitAsync(Patience);
        using var cancel = new CancellationTokenSource();
        var withdrawn = _processor.SubmitAsync(StartCommand("withdrawn"), cancel.Token);

        await cancel.CancelAsync();
        gate.Set();
        (await blocker).Succeeded.ShouldBeTrue();
        // The next round has taken everything queued after the blocker, the withdrawn command included.
        (await StartAsync("after")).Succeeded.ShouldBeTrue();

        await Should.ThrowAsync<OperationCanceledException>(() => withdrawn);
        _store.Find("withdrawn").ShouldBeNull();
        _store.Find("after").ShouldNotBeNull();
    }

    [Fact]
    public async Task SubmitAsync_CancelledAfterARoundTookIt_ReportsTheCommit()
    {
        using var gate = new ManualResetEventSlim();
        var committing = HoldNextCommit(gate);
        using var cancel = new CancellationTokenSource();
        var taken = _processor.SubmitAsync(StartCommand("taken"), cancel.Token);
        await committing.WaitAsync(Patience);

        await cancel.CancelAsync();
        gate.Set();

        var result = await taken.WaitAsync(Patience);
        result.Succeeded.ShouldBeTrue();
        _store.Get("taken").Version.ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_AlreadyCancelled_IsNeverQueued()
    {
        var commits = _store.Commits;

        await Should.ThrowAsync<OperationCanceledException>(() => _processor.SubmitAsync(StartCommand("never"), new CancellationToken(canceled: true)));

        (await StartAsync("after")).Succeeded.ShouldBeTrue();
        _store.Find("never").ShouldBeNull();
        _store.Commits.ShouldBe(commits + 1);
    }

    [Fact]
    public async Task SubmitAsync_StoreConflictWithAnExpectedVersion_IsRefusedAsStaleOnRetry()
    {
        await StartAsync("deal-1");
        _store.BeforeNextCommit(store =>
            store.Put(_engine.Reassign(_flow, store.Get("deal-1"), FakeActivityEnvironment.Boris, FakeActivityEnvironment.Head, null, _clock.GetCurrentInstant()).Deal));

        var result = await SubmitAsync(DealCommand.Move("deal-1", new MoveRequest("Done", FakeActivityEnvironment.Anna, ExpectedVersion: 1)));

        result.Error!.Code.ShouldBe("stale-version");
        _store.Get("deal-1").ActivityId.ShouldBe(Contacts);
    }

    [Fact]
    public async Task SubmitAsync_UnknownDeal_IsNotFound()
    {
        var result = await SubmitAsync(DealCommand.Move("ghost", new MoveRequest("Done", FakeActivityEnvironment.Anna)));

        result.Error!.Kind.ShouldBe(EngineErrorKind.NotFound);
        _store.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsync_StartWithAnExistingId_IsAConflict()
    {
        await StartAsync("deal-1");

        var again = await SubmitAsync(DealCommand.Start(new NewDeal { Id = "deal-1", Title = "Again" }, _flow.WorkflowId, _flow.Version, null));

        again.Error!.Code.ShouldBe("deal-exists");
        _store.Get("deal-1").Title.ShouldBe("Deal deal-1");
    }

    [Fact]
    public async Task SubmitAsync_TwoTakesOfAQueuedDeal_OnlyTheFirstGetsIt()
    {
        (await SubmitAsync(DealCommand.Start(new NewDeal { Id = "lead-1", Title = "Lead" }, _queueFlow.WorkflowId, _queueFlow.Version, null)))
            .Deal.OwnerId.ShouldBeNull();

        var results = await Task.WhenAll(
            SubmitAsync(DealCommand.Take("lead-1", FakeActivityEnvironment.Anna)),
            SubmitAsync(DealCommand.Take("lead-1", FakeActivityEnvironment.Boris)));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).Error!.Code.ShouldBe("already-taken");
        _store.Get("lead-1").OwnerId.ShouldBe(results.Single(r => r.Succeeded).Deal.OwnerId);
    }

    [Fact]
    public async Task SubmitAsync_AdvancePastADeadline_CommitsTheBreachAndTellsListeners()
    {
        await StartAsync("deal-1");
        _clock.Advance(Duration.FromHours(5));

        var result = await SubmitAsync(DealCommand.Advance("deal-1"));

        result.Changes.Alerts.ShouldContain(a => a.Kind == AlertKind.Breach);
        _store.Alerts.ShouldContain(a => a.Kind == AlertKind.Breach && a.DealId == "deal-1");
        _listener.Alerts.Select(a => a.Id).ShouldBe(_store.Alerts.Select(a => a.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task SubmitAsync_AdvanceWithNothingDue_WritesNothing()
    {
        await StartAsync("deal-1");
        var commits = _store.Commits;

        var result = await SubmitAsync(DealCommand.Advance("deal-1"));

        result.Succeeded.ShouldBeTrue();
        result.Changes.Events.ShouldBeEmpty();
        _store.Commits.ShouldBe(commits);
        _store.Get("deal-1").Version.ShouldBe(1);
    }

    private Task<DealCommandResult> StartAsync(string id) => SubmitAsync(StartCommand(id));

    private DealCommand StartCommand(string id) =>
        DealCommand.Start(new NewDeal { Id = id, Title = $"Deal {id}", OwnerId = FakeActivityEnvironment.Anna, TeamId = FakeActivityEnvironment.Sales },
            _flow.WorkflowId, _flow.Version, FakeActivityEnvironment.Anna);

    private Task<DealCommandResult> SubmitAsync(DealCommand command) => _processor.SubmitAsync(command).WaitAsync(Patience);
}
