using Crm.Api.Activities;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Api.Scheduling;

/// <summary>
/// Fires every due instant (warnings, breaches, escalations, timers; activities' alarms through <see cref="ActivityAlarms"/>). The database is the truth:
/// each open deal's earliest due instant is an indexed column. Memory holds only the near future of that index
/// (<see cref="DueWindow"/>: the next <see cref="LookAhead"/>, at most <see cref="WindowCapacity"/> deals), kept
/// current by every commit. The loop sleeps until the earliest armed instant, is woken early when a commit brings
/// a sooner one, and hands what has come due to the command processor in due order without waiting for the
/// previous hand-off to commit. The processor decides under the deal's version what is really due, so a deal
/// advanced twice changes once. After a restart the first read of the index finds everything that passed.
/// With several nodes only the holder of the <see cref="ISchedulerLease"/> fires; when it goes, another takes over and
/// its first read finds what is due, so there is nothing to hand over. Commits on other nodes do not reach this
/// node's window, so a lease holder of a multi-node setup also re-reads the next moments of the index every
/// <see cref="CrmOptions.SchedulerPoll"/> — a narrow range scan, cheap at any size.
/// </summary>
public sealed class DeadlineScheduler(
    IDbContextFactory<CrmDbContext> contexts,
    DealCommandProcessor processor,
    ISchedulerLease lease,
    ActivityAlarms alarms,
    IClock clock,
    IOptions<CrmOptions> options,
    ILogger<DeadlineScheduler> logger) : BackgroundService, IDealCommitListener
{
    private const int SweepBatch = 2000;
    /// <summary>How far ahead the index is read into memory, and how many deals memory holds at most from a read.</summary>
    public static readonly Duration LookAhead = Duration.FromSeconds(60);
    public const int WindowCapacity = 20_000;
    /// <summary>One hand-off is one processor batch; two in flight keep the single writer busy without flooding it.</summary>
    private const int HandOffBatch = DealCommandProcessor.MaxBatch;
    private const int MaxInFlight = 2;
    private static readonly Duration LongestSleep = Duration.FromSeconds(30);

    /// <summary>How often a multi-node lease holder looks at the index for deadlines other nodes committed; null on one node.</summary>
    private readonly Duration? _poll = options.Value.SchedulerPoll is { } poll ? Duration.FromTimeSpan(poll)
        : options.Value.UsesPostgres ? Duration.FromMilliseconds(250) : null;
    private Instant _lastPoll = Instant.MinValue;

    private readonly DueWindow _window = new();
    private readonly DueLoop _loop = new(lease, clock);
    private readonly SemaphoreSlim _sweepGate = new(1, 1);
    private IDisposable? _subscription;

    /// <summary>How many deals the in-memory window holds now.</summary>
    public int ArmedCount => _window.Count;

    public void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges)
    {
        Instant? soonest = null;
        foreach (var (dealId, due) in dueChanges)
        {
            if (_window.Update(dealId, due) && (soonest is null || due!.Value < soonest))
                soonest = due;
        }
        if (soonest is { } at)
            _loop.WakeIfBefore(at);
    }

    /// <summary>Makes the loop look at the clock now instead of when it planned to: for a clock that jumps rather than
    /// ticks (an operator correcting the time, a test moving a fake clock), since the loop sleeps by real time.</summary>
    public void ClockMoved()
    {
        _loop.Wake();
        alarms.ClockMoved();
    }

    /// <summary>
    /// Advances every deal whose earliest instant has come, straight from the database (the sweep's safety net, and
    /// how tests drive time); deals the loop already holds are left to it. Returns how many deals were handed over.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
        => await RunDueCoreAsync(cancellationToken) + await alarms.FireDueAsync(cancellationToken);

    /// <summary>The same, only on the node that holds the lease: the Hangfire sweep runs on every node.</summary>
    public async Task<int> RunDueIfLeaseHolderAsync(CancellationToken cancellationToken = default) =>
        await lease.TryHoldAsync(cancellationToken) ? await RunDueCoreAsync(cancellationToken) + await alarms.FireDueAsync(cancellationToken) : 0;

    private async Task<int> RunDueCoreAsync(CancellationToken cancellationToken)
    {
        await _sweepGate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            while (true)
            {
                var now = clock.GetCurrentInstant();
                List<string> due;
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    due = await db.Deals.AsNoTracking()
                        .Where(d => d.NextDueAt != null && d.NextDueAt <= now)
                        .OrderBy(d => d.NextDueAt)
                        .Select(d => d.Id)
                        .Take(SweepBatch)
                        .ToListAsync(cancellationToken);
                }
                var mine = due.Where(id => !_window.Holds(id)).ToList();
                if (mine.Count == 0)
                    return total;
                var results = await Task.WhenAll(mine.Select(id => processor.SubmitAsync(DealCommand.Advance(id), cancellationToken)));
                total += mine.Count;
                // A deal that did not move on (closed meanwhile, or nothing really due) must not spin this loop.
                if (results.All(r => !r.Succeeded || r.Changes.Events.Count == 0) && due.Count < SweepBatch)
                    return total;
            }
        }
        finally
        {
            _sweepGate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
            return;
        var inFlight = new List<Task>(MaxInFlight);
        await _loop.RunAsync(
            ct => HandOverDueAsync(inFlight, ct),
            ex => logger.LogError(ex, "The deadline scheduler failed a round; retrying in a second."),
            stoppingToken);
        await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One round of the loop: reads the index as needed and hands over what has come due; returns when to wake,
    /// or null to go again at once after a hand-off.</summary>
    private async Task<Instant?> HandOverDueAsync(List<Task> inFlight, CancellationToken stoppingToken)
    {
        var now = clock.GetCurrentInstant();
        if (NeedsRead(now))
            await ReadAheadAsync(now, stoppingToken);
        else if (_poll is { } poll && now - _lastPoll >= poll)
            await ReadNearAsync(now, poll, stoppingToken);
        var due = _window.TakeDue(now, HandOffBatch);
        if (due.Count > 0)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count >= MaxInFlight)
                await Task.WhenAny(inFlight);
            inFlight.Add(HandOverAsync(due));
            return null;
        }
        return NextWake(now);
    }

    private bool NeedsRead(Instant now) =>
        _window.Horizon.Due < now + (LookAhead / 2) && _window.Count <= WindowCapacity / 2;

    /// <summary>The earliest armed instant; or, sooner, the moment the window must be read further; never beyond <see cref="LongestSleep"/>.</summary>
    private Instant NextWake(Instant now)
    {
        var wake = now + (_poll ?? LongestSleep);
        if (_window.Earliest() is { } earliest && earliest < wake)
            wake = earliest;
        if (_window.Horizon.Due == Instant.MinValue)
            return now;
        if (_window.Count <= WindowCapacity / 2)
        {
            var readAt = _window.Horizon.Due - (LookAhead / 2);
            if (readAt < wake)
                wake = readAt;
        }
        return wake;
    }

    /// <summary>Reads the index past the horizon, in its order, up to <see cref="LookAhead"/> from now.</summary>
    private async Task ReadAheadAsync(Instant now, CancellationToken cancellationToken)
    {
        var (fromDue, fromId) = _window.Horizon;
        var upTo = now + LookAhead;
        var limit = WindowCapacity - _window.Count;
        _window.BeginLoad();
        List<(string, Instant)> rows;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var query = db.Deals.AsNoTracking().Where(d => d.NextDueAt != null && d.NextDueAt <= upTo);
            query = fromDue == Instant.MinValue ? query
                : fromId is null ? query.Where(d => d.NextDueAt > fromDue)
                : query.Where(d => d.NextDueAt > fromDue || (d.NextDueAt == fromDue && string.Compare(d.Id, fromId) > 0));
            var found = await query.OrderBy(d => d.NextDueAt).ThenBy(d => d.Id)
                .Select(d => new { d.Id, d.NextDueAt })
                .Take(limit)
                .ToListAsync(cancellationToken);
            rows = found.ConvertAll(r => (r.Id, r.NextDueAt!.Value));
        }
        catch
        {
            _window.AbortLoad();
            throw;
        }
        _window.EndLoad(rows, upTo, complete: rows.Count < limit);
    }

    /// <summary>Arms what other nodes committed for the next moments: deals due before the next poll and a little after.</summary>
    private async Task ReadNearAsync(Instant now, Duration poll, CancellationToken cancellationToken)
    {
        _lastPoll = now;
        var upTo = now + (poll * 2);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Deals.AsNoTracking()
            .Where(d => d.NextDueAt != null && d.NextDueAt <= upTo)
            .OrderBy(d => d.NextDueAt)
            .Select(d => new { d.Id, d.NextDueAt })
            .Take(HandOffBatch * 4)
            .ToListAsync(cancellationToken);
        foreach (var row in found)
            _window.Update(row.Id, row.NextDueAt);
    }

    /// <summary>Hears of every commit (to arm what it brings due) before the loop starts.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription ??= processor.Subscribe(this);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stops firing, then gives the lease up so another node takes over without waiting for this process to exit.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await lease.ReleaseAsync();
        _subscription?.Dispose();
        _subscription = null;
    }

    private async Task HandOverAsync(List<string> dealIds)
    {
        try
        {
            await Task.WhenAll(dealIds.Select(id => processor.SubmitAsync(DealCommand.Advance(id))));
        }
        catch (Exception ex)
        {
            // The deals are still due in the database: the sweep hands them over again.
            logger.LogWarning(ex, "Advancing {Count} due deals failed; the sweep will retry them.", dealIds.Count);
        }
        finally
        {
            _window.Answered(dealIds);
        }
    }

    public override void Dispose()
    {
        _loop.Dispose();
        _sweepGate.Dispose();
        base.Dispose();
    }
}
