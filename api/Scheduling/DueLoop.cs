using NodaTime;

namespace Crm.Api.Scheduling;

/// <summary>
/// The sleep/wake loop of a firer of due instants (<see cref="DeadlineScheduler"/>, <see cref="Activities.ActivityAlarms"/>):
/// only while holding the <see cref="ISchedulerLease"/> it runs a round (fire what is due, say when to look again),
/// sleeps until that instant unless <see cref="WakeIfBefore"/> or <see cref="Wake"/> cut the sleep short, and goes on
/// after a failed round. It sleeps by real time, so a clock that jumps rather than ticks must call <see cref="Wake"/>.
/// </summary>
public sealed class DueLoop(ISchedulerLease lease, IClock clock) : IDisposable
{
    // How soon a waiting node asks for the lease again: at most this long without anyone firing after a holder dies.
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FailureRetry = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, 1);
    // MaxValue while a round runs, so that anything armed meanwhile wakes the sleep that follows it.
    private long _plannedWakeTicks = long.MaxValue;

    /// <summary>Wakes the loop when <paramref name="at"/> is sooner than the instant it plans to wake at.</summary>
    public void WakeIfBefore(Instant at)
    {
        if (at.ToUnixTimeTicks() < Interlocked.Read(ref _plannedWakeTicks))
            Wake();
    }

    /// <summary>Makes the loop run a round now instead of when it planned to.</summary>
    public void Wake()
    {
        Interlocked.Exchange(ref _plannedWakeTicks, long.MaxValue);
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>
    /// Runs <paramref name="roundAsync"/> until stopped. A round returns the instant to wake at, or null to run again at
    /// once; a round that throws is reported to <paramref name="failedRound"/> and retried a second later.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task<Instant?>> roundAsync, Action<Exception> failedRound, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.TryHoldAsync(stoppingToken))
                {
                    await Task.Delay(LeaseRetry, stoppingToken);
                    continue;
                }
                Interlocked.Exchange(ref _plannedWakeTicks, long.MaxValue);
                if (await roundAsync(stoppingToken) is not { } wakeAt)
                    continue;
                Interlocked.Exchange(ref _plannedWakeTicks, wakeAt.ToUnixTimeTicks());
                // Anything armed between the round's reads and publishing the wake instant saw MaxValue and woke us.
                var sleep = wakeAt - clock.GetCurrentInstant();
                if (sleep > Duration.Zero)
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Ceiling(sleep.TotalMilliseconds)), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failedRound(ex);
                await Task.Delay(FailureRetry, stoppingToken);
            }
        }
    }

    public void Dispose() => _wake.Dispose();
}
