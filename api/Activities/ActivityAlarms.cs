using Crm.Api.Alerts;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Api.Scheduling;
using Crm.Engine.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Api.Activities;

/// <summary>
/// Fires activities' reminders and overdue alerts, the way <see cref="DeadlineScheduler"/> fires the clocks': the database
/// is the truth (each open activity's next alert instant is the indexed <see cref="ActivityRecord.AlarmAt"/>), only the
/// holder of the same <see cref="ISchedulerLease"/> fires, the deadline sweep and <see cref="DeadlineScheduler.RunDueAsync"/>
/// fire what is due too, and a restart finds everything that passed while the host was down. Each alert is stored in the
/// same transaction that moves the activity's alarm on, and only if the alarm is still the one read (a conditional
/// update): fired twice, by two nodes or a sweep racing the loop, it is stored once. Stored alerts go out through the
/// <see cref="AlertDispatcher"/> and are replayed by the hub like every other. An activity whose due time passed while
/// nobody was firing alerts once, dated at its due time, and its stale reminder is skipped.
/// </summary>
public sealed class ActivityAlarms(
    IDbContextFactory<CrmDbContext> contexts,
    AlertDispatcher dispatcher,
    ISchedulerLease lease,
    IClock clock,
    IOptions<CrmOptions> options,
    ILogger<ActivityAlarms> logger) : BackgroundService
{
    private const int Batch = 500;
    private static readonly Duration LongestSleep = Duration.FromSeconds(30);

    // Other nodes' new activities do not wake this one: with several nodes it looks at the index this often.
    private readonly Duration _poll = options.Value.SchedulerPoll is { } poll ? Duration.FromTimeSpan(poll)
        : options.Value.UsesPostgres ? Duration.FromMilliseconds(250) : LongestSleep;
    private readonly DueLoop _loop = new(lease, clock);
    private readonly SemaphoreSlim _fireGate = new(1, 1);

    /// <summary>Told of an activity's new alarm instant after it is stored; wakes the loop when it is sooner than planned.</summary>
    public void Armed(Instant? alarmAt)
    {
        if (alarmAt is { } at)
            _loop.WakeIfBefore(at);
    }

    /// <summary>The clock jumped (an operator, or a test moving a fake clock): look again now.</summary>
    public void ClockMoved() => _loop.Wake();

    /// <summary>Fires every alert due by now; returns how many were stored. Safe to call from anywhere at any time.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken = default)
    {
        await _fireGate.WaitAsync(cancellationToken);
        try
        {
            var fired = 0;
            while (true)
            {
                var now = clock.GetCurrentInstant();
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var due = await db.Activities.AsNoTracking()
                    .Where(a => a.AlarmAt != null && a.AlarmAt <= now)
                    .OrderBy(a => a.AlarmAt).ThenBy(a => a.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
                if (due.Count == 0)
                    return fired;
                var dealIds = due.Where(a => a.DealId is not null).Select(a => a.DealId!).Distinct().ToArray();
                var deals = await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id))
                    .Select(d => new { d.Id, d.Title, d.TeamId }).ToDictionaryAsync(d => d.Id, cancellationToken);
                foreach (var activity in due)
                {
                    var deal = activity.DealId is { } id ? deals.GetValueOrDefault(id) : null;
                    if (await FireAsync(db, activity, deal?.Title, deal?.TeamId, now, cancellationToken) is { } stored)
                    {
                        dispatcher.Stored(stored);
                        fired++;
                    }
                }
                if (due.Count < Batch)
                    return fired;
            }
        }
        finally
        {
            _fireGate.Release();
        }
    }

    /// <summary>Stores the alert that is due for <paramref name="read"/> and moves its alarm on, if nobody did meanwhile.</summary>
    private static async Task<AlertRecord?> FireAsync(CrmDbContext db, ActivityRecord read, string? dealTitle, string? teamId, Instant now, CancellationToken ct)
    {
        var firing = read.AlarmAt!.Value;
        var overdue = read.DueAt <= now;
        // Past its due time only the overdue alert is worth hearing: a reminder for a call already missed is noise.
        var (reminded, overdueAlerted) = overdue ? (true, true) : (true, read.OverdueAlerted);
        var after = new ActivityRecord
        {
            Id = read.Id, Kind = read.Kind, Subject = read.Subject, AssigneeId = read.AssigneeId, State = read.State, DueAt = read.DueAt,
            RemindAt = read.RemindAt, Reminded = reminded, OverdueAlerted = overdueAlerted,
        };
        var next = ActivityAlarm.Next(after);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Activities
            .Where(a => a.Id == read.Id && a.AlarmAt == firing && a.Version == read.Version && a.State == ActivityKinds.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Reminded, reminded)
                .SetProperty(a => a.OverdueAlerted, overdueAlerted)
                .SetProperty(a => a.AlarmAt, next)
                .SetProperty(a => a.Version, read.Version + 1), ct);
        if (moved == 0)
            return null;
        var alert = new AlertRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Kind = overdue ? AlertKind.ActivityOverdue : AlertKind.ActivityReminder,
            Audience = AlertAudience.Owner,
            RecipientId = read.AssigneeId,
            DealId = read.DealId ?? "",
            DealTitle = dealTitle ?? "",
            ActivityId = read.Id,
            OwnerId = read.AssigneeId,
            TeamId = teamId,
            DueAt = overdue ? read.DueAt : read.RemindAt,
            RaisedAt = now,
            Message = read.Subject,
        };
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return alert;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
            return;
        await _loop.RunAsync(FireAndPlanAsync, ex => logger.LogError(ex, "The activity alarms failed a round; retrying in a second."), stoppingToken);
    }

    /// <summary>One round of the loop: fires what is due, then wakes at the next alarm, or at the next poll if sooner.</summary>
    private async Task<Instant?> FireAndPlanAsync(CancellationToken stoppingToken)
    {
        await FireDueAsync(stoppingToken);
        var now = clock.GetCurrentInstant();
        Instant? earliest;
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
            earliest = await db.Activities.AsNoTracking().Where(a => a.AlarmAt != null).MinAsync(a => a.AlarmAt, stoppingToken);
        var wakeAt = now + _poll;
        if (earliest is { } at && at < wakeAt)
            wakeAt = at;
        return wakeAt;
    }

    public override void Dispose()
    {
        _loop.Dispose();
        _fireGate.Dispose();
        base.Dispose();
    }
}
