using System.Threading.Channels;
using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Engine.Runtime;

/// <summary>
/// The single writer of deal state. Commands queue up; each round takes what is waiting (up to
/// <see cref="MaxBatch"/>), loads the deals fresh, applies the commands in arrival order, commits all
/// of them in one transaction and only then answers each caller. Many moves share one commit (group
/// commit), and no answer is given for a change that is not durable. The rounds run between
/// <see cref="StartAsync"/> and <see cref="StopAsync"/> (the host calls them); commands submitted before the start wait.
/// Whoever needs to hear of commits either comes with the constructor or <see cref="Subscribe"/>s, so a listener that
/// itself submits (the deadline scheduler) depends on the processor and never the other way round.
/// </summary>
public sealed class DealCommandProcessor : IAsyncDisposable
{
    public const int MaxBatch = 512;
    private const int MaxConflictRetries = 5;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDealStore _store;
    private readonly IFlowchartSource _flows;
    private readonly DealEngine _engine;
    private readonly IClock _clock;
    private readonly ILogger<DealCommandProcessor> _logger;
    private readonly Lock _gate = new();
    private IDealCommitListener[] _listeners;
    private Task? _loop;

    public DealCommandProcessor(IDealStore store, IFlowchartSource flows, DealEngine engine, IClock clock,
        IEnumerable<IDealCommitListener> listeners, ILogger<DealCommandProcessor> logger)
    {
        _store = store;
        _flows = flows;
        _engine = engine;
        _clock = clock;
        _listeners = [.. listeners];
        _logger = logger;
    }

    /// <summary>Starts taking rounds; a second call does nothing.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Refuses new commands, finishes every queued one, then stops (or stops waiting when
    /// <paramref name="cancellationToken"/> says the host will not wait longer).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_gate)
            loop = _loop;
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        // Never started: nothing will answer what is queued.
        while (_queue.Reader.TryRead(out var pending))
            pending.Fail(new ObjectDisposedException(nameof(DealCommandProcessor), "The engine stopped before it started."));
    }

    /// <summary>Tells <paramref name="listener"/> of every commit from now on, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(IDealCommitListener listener)
    {
        lock (_gate)
            _listeners = [.. _listeners, listener];
        return new Subscription(this, listener);
    }

    /// <summary>
    /// Queues a command and completes once it is committed (or refused, changing nothing). Cancelling withdraws the
    /// command only while it still waits for a round: then it is never applied and the task is cancelled. Once a round
    /// has taken it, it runs to the end and the task reports what happened, committed or refused, whatever the token
    /// says since: a caller is never told "cancelled" about a change that was made.
    /// </summary>
    public async Task<DealCommandResult> SubmitAsync(DealCommand command, CancellationToken cancellationToken = default) =>
        (await SubmitAllAsync([command], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Queues commands that stand or fall together (a merge closes one deal and changes another): they are applied in
    /// order in the same round and committed in the same transaction; when any is refused, none is applied and every
    /// result carries that refusal. Cancelling works as for <see cref="SubmitAsync"/>: withdrawn while waiting, reported
    /// once taken.
    /// </summary>
    public Task<IReadOnlyList<DealCommandResult>> SubmitAllAsync(IReadOnlyList<DealCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(commands.Count);
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<IReadOnlyList<DealCommandResult>>(cancellationToken);
        var pending = new Pending(commands);
        pending.WithdrawOn(cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(DealCommandProcessor), "The engine is shutting down."));
            throw new ObjectDisposedException(nameof(DealCommandProcessor), "The engine is shutting down.");
        }
        return pending.Completion.Task;
    }

    /// <summary>Finishes every queued command, then stops.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                // A command withdrawn by its caller before this round is dropped here, unapplied.
                if (pending.TryTake())
                    batch.Add(pending);
            }
            if (batch.Count == 0)
                continue;
            try
            {
                await ProcessAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A batch of {Count} deal commands failed; none was applied.", batch.Count);
                foreach (var pending in batch)
                    pending.Fail(ex);
            }
            batch.Clear();
        }
    }

    private async Task ProcessAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var round = await ApplyAsync(batch).ConfigureAwait(false);
            try
            {
                if (round.Writes.Count > 0)
                    await _store.CommitAsync(round.Writes, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DealConcurrencyException) when (attempt < MaxConflictRetries)
            {
                // Another node changed one of these deals after we loaded it: apply the whole batch again on fresh state.
                continue;
            }
            catch (DealConcurrencyException) when (batch.Count > 1)
            {
                // A batch that keeps losing to another node is held back by the few deals both nodes are busy with: the
                // rest of it must not fail with them. Each group goes on its own, with its own retries.
                await ProcessAloneAsync(batch).ConfigureAwait(false);
                return;
            }
            for (var i = 0; i < batch.Count; i++)
                batch[i].Answer(round.Results[i]);
            Notify(round.Writes);
            return;
        }
    }

    private async Task ProcessAloneAsync(List<Pending> batch)
    {
        foreach (var pending in batch)
        {
            try
            {
                await ProcessAsync([pending]).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A deal command failed after {Retries} tries against other writers; nothing of it was applied.", MaxConflictRetries);
                pending.Fail(ex);
            }
        }
    }

    private async Task<Round> ApplyAsync(List<Pending> batch)
    {
        // Starts are loaded too: a start whose id is taken must be refused as deal-exists, not committed over it.
        var ids = batch.SelectMany(p => p.Commands).Select(c => c.DealId).ToHashSet(StringComparer.Ordinal);
        var loaded = ids.Count > 0 ? await _store.LoadAsync(ids, CancellationToken.None).ConfigureAwait(false) : new Dictionary<string, DealInstance>();
        var working = new Dictionary<string, (DealInstance Deal, DealInstance? Loaded, DealChanges Changes)>(StringComparer.Ordinal);
        var results = new IReadOnlyList<DealCommandResult>[batch.Count];
        var now = _clock.GetCurrentInstant();
        for (var i = 0; i < batch.Count; i++)
        {
            // A group is applied on its own overlay and joins the round only when every command of it succeeded.
            var overlay = new Dictionary<string, (DealInstance Deal, DealInstance? Loaded, DealChanges Changes)>(StringComparer.Ordinal);
            var commands = batch[i].Commands;
            var groupResults = new DealCommandResult[commands.Count];
            DealCommandResult? refused = null;
            for (var j = 0; j < commands.Count && refused is null; j++)
            {
                var command = commands[j];
                DealInstance? current = overlay.TryGetValue(command.DealId, out var o) ? o.Deal
                    : working.TryGetValue(command.DealId, out var w) ? w.Deal
                    : loaded.GetValueOrDefault(command.DealId);
                var result = await ApplyOneAsync(command, current, now).ConfigureAwait(false);
                groupResults[j] = result;
                if (!result.Succeeded)
                {
                    refused = result;
                    continue;
                }
                if (ReferenceEquals(result.Deal, current))
                    continue;
                var changes = new DealChanges();
                var original = current;
                if (overlay.TryGetValue(command.DealId, out var seen) || working.TryGetValue(command.DealId, out seen))
                {
                    changes.Append(seen.Changes);
                    original = seen.Loaded;
                }
                changes.Append(result.Changes);
                // The engine applies commands to copies, so what was loaded stays as the store gave it.
                overlay[command.DealId] = (result.Deal, original, changes);
            }
            if (refused is not null)
            {
                results[i] = [.. commands.Select(_ => refused)];
                continue;
            }
            foreach (var (id, entry) in overlay)
                working[id] = entry;
            results[i] = groupResults;
        }
        var writes = working.Values.Select(w => new DealWrite(w.Deal, w.Loaded?.Version ?? 0, w.Changes) { Loaded = w.Loaded }).ToList();
        return new Round(results, writes);
    }

    private async ValueTask<DealCommandResult> ApplyOneAsync(DealCommand command, DealInstance? current, Instant now)
    {
        if (command.IsStart && current is not null)
            return DealCommandResult.Refused(current, new EngineError(EngineErrorKind.Conflict, "deal-exists", $"Deal '{command.DealId}' already exists."));
        if (!command.IsStart && current is null)
            return NotFound(command.DealId);
        var flow = await _flows.GetAsync(command.WorkflowId ?? current!.WorkflowId, command.WorkflowVersion ?? current!.WorkflowVersion, CancellationToken.None).ConfigureAwait(false);
        if (flow is null)
            return NotFound(command.DealId, $"Funnel '{command.WorkflowId ?? current!.WorkflowId}' has no published version {command.WorkflowVersion ?? current!.WorkflowVersion}.");
        if (current is not null && command.Guard?.Invoke(current) is { } denied)
            return DealCommandResult.Refused(current, denied);
        try
        {
            var result = command.Apply(_engine, flow, current, now);
            return result.Succeeded ? await HandOffAsync(flow, current, result, now).ConfigureAwait(false) : result;
        }
        catch (Exception ex)
        {
            // One faulty command must not take the rest of the batch down with it.
            _logger.LogError(ex, "Command on deal {DealId} failed.", command.DealId);
            return DealCommandResult.Refused(current ?? Placeholder(command.DealId),
                new EngineError(EngineErrorKind.Invalid, "engine-error", "The engine could not apply this command."));
        }
    }

    /// <summary>A command that left the deal at a hand-off (<see cref="BookmarkKind.HandOff"/>) goes on in the target funnel in the
    /// same round, so the deal is never stored between two funnels; a target that is gone refuses the whole command.</summary>
    private async ValueTask<DealCommandResult> HandOffAsync(Flowchart flow, DealInstance? current, DealCommandResult result, Instant now)
    {
        // A funnel that hands to a funnel that hands on again is followed a few steps, never round in circles for ever.
        for (var hops = 0; hops < 8; hops++)
        {
            var deal = result.Deal;
            if (deal.State != DealState.Open || deal.Bookmark != BookmarkKind.HandOff)
                return result;
            // A transfer command has already moved the deal on: its hand-off belongs to the funnel it is in now.
            if (deal.WorkflowId != flow.WorkflowId || deal.WorkflowVersion != flow.Version)
                flow = await _flows.GetAsync(deal.WorkflowId, deal.WorkflowVersion, CancellationToken.None).ConfigureAwait(false) ?? flow;
            if (flow.Find(deal.ActivityId) is not IHandOff handOff)
                return result;
            var target = await _flows.GetPublishedAsync(handOff.TargetWorkflowId, CancellationToken.None).ConfigureAwait(false);
            if (target is null)
                return DealCommandResult.Refused(current ?? deal, new EngineError(EngineErrorKind.Conflict, "hand-off-target",
                    $"'{handOff.Name}' hands deals to funnel '{handOff.TargetWorkflowId}', which has no published version."));
            var next = _engine.CompleteHandOff(flow, target, deal, handOff.TargetStageId, now);
            if (!next.Succeeded)
                return DealCommandResult.Refused(current ?? deal, next.Error!);
            var changes = new DealChanges();
            changes.Append(result.Changes);
            changes.Append(next.Changes);
            next.Deal.Version = deal.Version;
            result = new DealCommandResult(next.Deal, changes, null);
            flow = target;
        }
        return DealCommandResult.Refused(current ?? result.Deal, new EngineError(EngineErrorKind.Invalid, "hand-off-loop", "Funnels hand the deal on to each other without end."));
    }

    private static DealCommandResult NotFound(string dealId, string? message = null) =>
        DealCommandResult.Refused(Placeholder(dealId), new EngineError(EngineErrorKind.NotFound, "not-found", message ?? $"Deal '{dealId}' does not exist."));

    private static DealInstance Placeholder(string dealId) => new() { Id = dealId, WorkflowId = "", WorkflowVersion = 0, Title = "", CreatedAt = default };

    private void Notify(IReadOnlyList<DealWrite> writes)
    {
        var listeners = Volatile.Read(ref _listeners);
        if (writes.Count == 0 || listeners.Length == 0)
            return;
        var alerts = new List<RaisedAlert>();
        var due = new List<(string, Instant?)>(writes.Count);
        foreach (var write in writes)
        {
            alerts.AddRange(write.Changes.Alerts);
            due.Add((write.Deal.Id, DealEngine.NextDue(write.Deal)));
        }
        foreach (var listener in listeners)
        {
            try
            {
                listener.Committed(alerts, due);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A commit listener failed; the changes are stored and will be picked up again.");
            }
        }
    }

    /// <summary>Commands waiting for a round, then taken by one: a caller's cancellation wins only the first race.</summary>
    private sealed class Pending(IReadOnlyList<DealCommand> commands)
    {
        private const int Waiting = 0, Taken = 1, Withdrawn = 2;
        private int _state;
        private CancellationTokenRegistration _withdrawal;

        public IReadOnlyList<DealCommand> Commands { get; } = commands;

        public TaskCompletionSource<IReadOnlyList<DealCommandResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void WithdrawOn(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
                _withdrawal = cancellationToken.UnsafeRegister(static (state, token) => ((Pending)state!).Withdraw(token), this);
        }

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) != Withdrawn;

        public void Answer(IReadOnlyList<DealCommandResult> results)
        {
            _withdrawal.Dispose();
            Completion.TrySetResult(results);
        }

        public void Fail(Exception exception)
        {
            _withdrawal.Dispose();
            Completion.TrySetException(exception);
        }

        private void Withdraw(CancellationToken token)
        {
            if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
                Completion.TrySetCanceled(token);
        }
    }

    private sealed class Subscription(DealCommandProcessor processor, IDealCommitListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            lock (processor._gate)
                processor._listeners = [.. processor._listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }

    private sealed record Round(IReadOnlyList<DealCommandResult>[] Results, List<DealWrite> Writes);
}
