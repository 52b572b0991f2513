using Crm.Api.Auth;
using Crm.Api.Deals;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Crm.Api.Activities;

/// <summary>A manager's days: what is planned and done per day, the activities, and the regulation deadlines beside them.</summary>
public sealed class DiaryQueries(CrmDbContext db, ActivityQueries activities, AssigneeZones zones, IFlowchartSource flows, UserDirectory directory, IClock clock)
{
    /// <summary>The longest range one diary read covers.</summary>
    public const int MaxDays = 62;

    /// <summary>Overdue activities from before the range listed at most; the days still count every one.</summary>
    public const int MaxOverdueListed = 200;

    public sealed record DayView(string Date, int Planned, int Done, int Overdue);

    public sealed record DeadlineView(string DealId, string DealTitle, string ClockId, string Name, string? StageId, string? StageName, Instant DueAt, string State);

    public sealed record DiaryView(string TimeZone, int? Limit, IReadOnlyList<DayView> Days, IReadOnlyList<ActivityView> Activities,
        IReadOnlyList<DeadlineView> Deadlines, int OverdueBefore);

    public sealed record GapView(string OwnerId, string? OwnerName, int Open, int Missing, int Overdue);

    public async Task<ServiceResult<DiaryView>> DiaryAsync(Caller caller, string? fromText, string? toText, string? assigneeId, CancellationToken ct)
    {
        var assignee = assigneeId ?? caller.Id;
        if (!activities.SeesEverythingOf(caller, assignee))
            return assigneeId is not null && directory.Find(assigneeId) is null
                ? new ServiceFailure.NotFound($"User '{assigneeId}' does not exist.")
                : new ServiceFailure.Forbidden("You see your own diary; heads see their teams' diaries.");
        var now = clock.GetCurrentInstant();
        var zone = zones.ZoneOf(assignee);
        var today = now.InZone(zone).Date;
        var errors = new Dictionary<string, string[]>();
        var from = Date(errors, "from", fromText) ?? today;
        var to = Date(errors, "to", toText) ?? from;
        if (errors.Count == 0 && to < from)
            errors["to"] = ["to is on or after from."];
        else if (errors.Count == 0 && Period.Between(from, to, PeriodUnits.Days).Days >= MaxDays)
            errors["to"] = [$"A diary covers at most {MaxDays} days."];
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var start = zone.AtStartOfDay(from).ToInstant();
        var end = zone.AtStartOfDay(to.PlusDays(1)).ToInstant();
        var mine = activities.VisibleTo(caller, assignee).Where(a => a.AssigneeId == assignee);
        // One range scan on (assignee, state, due) per state; a whole day's activity is due at its day's end, so the range
        // takes the end too and the few at its edges are sorted out in memory.
        var inRange = await mine.Where(a => (a.State == ActivityKinds.Open || a.State == ActivityKinds.Done) && a.DueAt >= start && a.DueAt <= end)
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id).ToListAsync(ct);
        inRange.RemoveAll(a => a.AllDay ? a.DueAt == start : a.DueAt == end);
        var before = mine.Where(a => a.State == ActivityKinds.Open && (a.DueAt < start || (a.AllDay && a.DueAt == start)) && a.DueAt <= now);
        var overdueBefore = await before.CountAsync(ct);
        var earlier = await before.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(MaxOverdueListed).ToListAsync(ct);

        var days = new List<DayView>();
        var byDay = inRange.GroupBy(a => DayOf(a, zone)).ToDictionary(g => g.Key, g => g.ToList());
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            var list = byDay.GetValueOrDefault(day) ?? [];
            days.Add(new DayView(LocalDatePattern.Iso.Format(day), list.Count, list.Count(a => a.State == ActivityKinds.Done),
                list.Count(a => ActivityQueries.IsOverdue(a, now))));
        }
        var ordered = earlier.Concat(inRange.Where(a => ActivityQueries.IsOverdue(a, now)))
            .Concat(inRange.Where(a => !ActivityQueries.IsOverdue(a, now))).ToList();
        var limit = directory.Find(assignee)?.DailyActivityLimit;
        return new DiaryView(zone.Id, limit, days, await activities.ViewsAsync(ordered, ct), await DeadlinesAsync(assignee, start, end, ct), overdueBefore);
    }

    /// <summary>Running regulation clocks of the person's deals that fall due in the range.</summary>
    private async Task<List<DeadlineView>> DeadlinesAsync(string ownerId, Instant start, Instant end, CancellationToken ct)
    {
        var clocks = await (from c in db.Clocks.AsNoTracking()
                            join d in db.Deals.AsNoTracking() on c.DealId equals d.Id
                            where c.OwnerId == ownerId && c.FinishedAt == null && c.DueAt >= start && c.DueAt < end && d.State == "open"
                            orderby c.DueAt
                            select new { c.Id, c.DealId, d.Title, c.Name, c.StageId, c.DueAt, c.State, d.WorkflowId, d.WorkflowVersion })
            .Take(500).ToListAsync(ct);
        var views = new List<DeadlineView>(clocks.Count);
        foreach (var c in clocks)
        {
            var flow = await flows.GetAsync(c.WorkflowId, c.WorkflowVersion, ct);
            views.Add(new DeadlineView(c.DealId, c.Title, c.Id, c.Name, c.StageId, c.StageId is { } s ? flow?.Find(s)?.Name : null, c.DueAt!.Value, c.State));
        }
        return views;
    }

    /// <summary>Per owner of open deals in the caller's sight: how many are open, without a next step, with an overdue one.</summary>
    public async Task<ServiceResult<List<GapView>>> GapsAsync(Caller caller, CancellationToken ct)
    {
        if (caller.IsManager)
            return new ServiceFailure.Forbidden("Heads see their teams' gaps; admins everyone's.");
        var now = clock.GetCurrentInstant();
        var open = db.Deals.AsNoTracking().VisibleTo(caller, directory).Where(d => d.State == "open" && d.OwnerId != null);
        var rows = await open
            .GroupBy(d => d.OwnerId!)
            .Select(g => new
            {
                OwnerId = g.Key,
                Open = g.Count(),
                Missing = g.Count(d => !db.Activities.Any(a => a.DealId == d.Id && a.State == ActivityKinds.Open) && d.NextStepAt == null),
                Overdue = g.Count(d => db.Activities.Any(a => a.DealId == d.Id && a.State == ActivityKinds.Open && a.DueAt <= now)
                    || (!db.Activities.Any(a => a.DealId == d.Id && a.State == ActivityKinds.Open) && d.NextStepAt <= now)),
            })
            .ToListAsync(ct);
        return rows.Select(r => new GapView(r.OwnerId, directory.Find(r.OwnerId)?.Name, r.Open, r.Missing, r.Overdue))
            .OrderByDescending(g => g.Missing + g.Overdue).ThenBy(g => g.OwnerName, StringComparer.CurrentCulture).ToList();
    }

    private static LocalDate DayOf(ActivityRecord a, DateTimeZone zone) =>
        a.AllDay && a.DueDate is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } day ? day.Value : a.DueAt.InZone(zone).Date;

    private static LocalDate? Date(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (text is null)
            return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success && parsed.Value.Year is >= 1900 and <= 9000)
            return parsed.Value;
        errors[field] = [$"{field} is a date like 2027-03-01."];
        return null;
    }
}
