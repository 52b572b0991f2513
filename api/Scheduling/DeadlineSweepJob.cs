namespace Crm.Api.Scheduling;

/// <summary>
/// The Hangfire side of the timers: a recurring sweep (and one at start) that hands every deal whose instant
/// has passed to the engine. The <see cref="DeadlineScheduler"/> fires instants to the millisecond; this job is
/// the safety net that needs no memory at all — if a wake-up were ever missed, the next sweep catches it, and
/// since firing is decided under the deal's version, a deal swept twice changes once. With several nodes Hangfire runs it
/// on one of them; it does the work only there where the scheduler's lease is held.
/// </summary>
public sealed class DeadlineSweepJob(DeadlineScheduler scheduler, ILogger<DeadlineSweepJob> logger)
{
    public const string RecurringId = "deadline-sweep";

    public async Task RunAsync()
    {
        var handed = await scheduler.RunDueIfLeaseHolderAsync();
        if (handed > 0)
            logger.LogInformation("Deadline sweep handed {Count} overdue deals to the engine.", handed);
    }
}
