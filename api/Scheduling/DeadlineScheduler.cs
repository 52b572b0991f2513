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
/// Fires every due instant (warnings, breaches, escalations, timers, next steps). The database is the truth:
/// each open deal's earliest due instant is an indexed column. The scheduler sleeps until the earliest one,
/// is woken early when a commit brings a sooner one, and hands due deals to the command processor, which
/// decides under the deal's version what is really due — so a deal advanced twice changes once.
/// Nothing is armed in memory per deadline: after a restart the first query finds everything that passed.
/// With several nodes only the holder of the <see cref="ISchedulerLease"/> fires; when it goes, another takes over and
/// its first query finds what is due, so there is nothing to hand over.
/// </summary>
public sealed class DeadlineScheduler(
    IDbContextFactory<CrmDbContext> contexts,
    IServiceProvider services,
    ISchedulerLease lease,
    IClock clock,
    IOptions<CrmOptions> options,
    ILogger<DeadlineScheduler> logger) : BackgroundService, IDealCommitListener
{
    private const int BatchSize = 2000;
    // How soon a waiting node asks for the lease again: at most this long without anyone firing after a holder dies.
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(500);

    private readonly Duration _longestSleep = Duration.FromTimeSpan(
        options.Value.SchedulerPoll ?? (options.Value.UsesPostgres ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(30)));

    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _nextWakeTicks = long.MaxValue;

    public void Committed(IReadOnlyList<RaisedAlert> alerts, IReadOnlyList<(string DealId, Instant? NextDueAt)> dueChanges)
    {
        var next = Interlocked.Read(ref _nextWakeTicks);
        foreach (var (_, due) in dueChanges)
        {
            if (due is { } at && at.ToUnixTimeTicks() < next)
            {
                Wake();
                return;
            }
        }
    }

    /// <summary>Advances every deal whose earliest instant has come, if this node holds the lease; returns how many deals were handed over.</summary>
    public async Task<int> RunDueIfLeaseHolderAsync(CancellationToken cancellationToken = default) =>
        await lease.TryHoldAsync(cancellationToken) ? await RunDueAsync(cancellationToken) : 0;

    /// <summary>Advances every deal whose earliest instant has come; returns how many deals were handed over.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var processor = services.GetRequiredService<DealCommandProcessor>();
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
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }
            if (due.Count == 0)
                return total;
            var results = await Task.WhenAll(due.Select(id => processor.SubmitAsync(DealCommand.Advance(id), cancellationToken)));
            total += due.Count;
            // A deal that did not move on (closed meanwhile, or nothing really due) must not spin this loop.
            if (results.All(r => !r.Succeeded || r.Changes.Events.Count == 0) && due.Count < BatchSize)
                return total;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.TryHoldAsync(stoppingToken))
                {
                    await Task.Delay(LeaseRetry, stoppingToken);
                    continue;
                }
                Interlocked.Exchange(ref _nextWakeTicks, long.MaxValue);
                await RunDueAsync(stoppingToken);
                var next = await EarliestDueAsync(stoppingToken);
                var now = clock.GetCurrentInstant();
                var sleep = next is { } at ? Duration.Min(at - now, _longestSleep) : _longestSleep;
                Interlocked.Exchange(ref _nextWakeTicks, (now + sleep).ToUnixTimeTicks());
                if (sleep > Duration.Zero)
                    await _wake.WaitAsync(sleep.ToTimeSpan(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The deadline scheduler failed a round; retrying in a second.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Stops firing, then gives the lease up so another node takes over without waiting for this process to exit.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await lease.ReleaseAsync();
    }

    private async Task<Instant?> EarliestDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Deals.AsNoTracking().Where(d => d.NextDueAt != null).OrderBy(d => d.NextDueAt).Select(d => d.NextDueAt).FirstOrDefaultAsync(cancellationToken);
    }

    private void Wake()
    {
        Interlocked.Exchange(ref _nextWakeTicks, long.MaxValue);
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
