using System.Linq.Expressions;
using System.Text;
using Crm.Api.Auth;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Activities;

/// <summary>
/// Reads activities for people. Everyone sees the activities assigned to them, those on deals they may see and those on
/// clients alone (clients are everyone's); a head also sees everything assigned to people of the teams they lead; admins all.
/// </summary>
public sealed class ActivityQueries(CrmDbContext db, UserDirectory directory, IClock clock)
{
    public sealed record Filter(string? AssigneeId, string? DealId, string? ClientId, Instant? From, Instant? To, string? State, int Limit, string? Cursor);

    public const int MaxLimit = 500;

    /// <summary>The activities the caller may see.</summary>
    public IQueryable<ActivityRecord> VisibleTo(Caller caller, string? assigneeId = null)
    {
        var all = db.Activities.AsNoTracking();
        // The common case, one person's own list or diary, needs no row-by-row check: the index answers it alone.
        if (caller.IsAdmin || (assigneeId is not null && SeesEverythingOf(caller, assigneeId)))
            return all;
        var me = caller.Id;
        var members = caller.IsHead ? MembersLedBy(caller.Id) : [];
        var visibleDeals = db.Deals.AsNoTracking().VisibleTo(caller, directory).Select(d => d.Id);
        return all.Where(a => a.AssigneeId == me || members.Contains(a.AssigneeId) || a.DealId == null || visibleDeals.Contains(a.DealId));
    }

    /// <summary>Whether the caller sees every activity assigned to <paramref name="assigneeId"/>: their own, or a member of a team they lead.</summary>
    public bool SeesEverythingOf(Caller caller, string assigneeId) =>
        caller.IsAdmin || assigneeId == caller.Id || (caller.IsHead && MembersLedBy(caller.Id).Contains(assigneeId));

    public string[] MembersLedBy(string headId)
    {
        var teams = directory.TeamsLedBy(headId);
        return [.. directory.Users.Where(u => u.TeamId is not null && teams.Contains(u.TeamId)).Select(u => u.Id)];
    }

    public async Task<ActivityRecord?> FindAsync(string id, Caller caller, CancellationToken ct) =>
        await VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<ServiceResult<ActivityPage>> ListAsync(Filter filter, Caller caller, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var query = VisibleTo(caller, filter.AssigneeId);
        if (filter.AssigneeId is { } assignee)
            query = query.Where(a => a.AssigneeId == assignee);
        if (filter.DealId is { } deal)
            query = query.Where(a => a.DealId == deal);
        if (filter.ClientId is { } client)
            query = query.Where(a => a.ClientId == client);
        query = filter.State switch
        {
            ActivityKinds.Open => query.Where(a => a.State == ActivityKinds.Open),
            ActivityKinds.Done => query.Where(a => a.State == ActivityKinds.Done),
            "overdue" => query.Where(a => a.State == ActivityKinds.Open && a.DueAt <= now),
            _ => query.Where(a => a.State != ActivityKinds.Cancelled),
        };
        if (filter.From is { } from)
            query = query.Where(a => a.DueAt >= from);
        if (filter.To is { } to)
            query = query.Where(a => a.DueAt < to);
        if (filter.Cursor is not null && !ActivityCursor.TryRead(filter.Cursor, out _))
            return ServiceFailure.Field("cursor", "This cursor was not given by this list; start again without it.");
        var page = await PageAsync(query, filter, now, ct);
        return page;
    }

    /// <summary>Overdue first (open and due by now), then by due time. Open-only lists are in due order already (what is
    /// overdue is what is due first), so they page on the index alone; mixed lists page through the overdue ones first.</summary>
    private async Task<ActivityPage> PageAsync(IQueryable<ActivityRecord> query, Filter filter, Instant now, CancellationToken ct)
    {
        ActivityCursor.TryRead(filter.Cursor, out var cursor);
        var items = new List<ActivityRecord>(filter.Limit + 1);
        var phases = filter.State is ActivityKinds.Open or "overdue" ? new[] { 1 } : [0, 1];
        foreach (var phase in phases)
        {
            if (cursor is not null && phase < cursor.Phase)
                continue;
            var part = phases.Length == 1 ? query
                : phase == 0 ? query.Where(a => a.State == ActivityKinds.Open && a.DueAt <= now)
                : query.Where(a => !(a.State == ActivityKinds.Open && a.DueAt <= now));
            if (cursor is not null && cursor.Phase == phase)
            {
                var (at, id) = (cursor.DueAt, cursor.Id);
                part = part.Where(a => a.DueAt > at || (a.DueAt == at && string.Compare(a.Id, id) > 0));
            }
            items.AddRange(await part.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(filter.Limit + 1 - items.Count).ToListAsync(ct));
            if (items.Count > filter.Limit)
                break;
        }
        string? next = null;
        if (items.Count > filter.Limit)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            var lastPhase = phases.Length == 1 ? 1 : last.State == ActivityKinds.Open && last.DueAt <= now ? 0 : 1;
            next = ActivityCursor.Write(new ActivityCursor(lastPhase, last.DueAt, last.Id));
        }
        return new ActivityPage(await ViewsAsync(items, ct), next);
    }

    public async Task<ActivityView> ViewAsync(ActivityRecord record, CancellationToken ct) => (await ViewsAsync([record], ct))[0];

    /// <summary>Views with the names people read: deal title, client, contact, assignee and result.</summary>
    public async Task<List<ActivityView>> ViewsAsync(IReadOnlyList<ActivityRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
            return [];
        var now = clock.GetCurrentInstant();
        var dealIds = records.Where(r => r.DealId is not null).Select(r => r.DealId!).Distinct().ToArray();
        var clientIds = records.Where(r => r.ClientId is not null).Select(r => r.ClientId!).Distinct().ToArray();
        var contactIds = records.Where(r => r.ContactId is not null).Select(r => r.ContactId!).Distinct().ToArray();
        var deals = dealIds.Length == 0 ? [] : await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var clients = clientIds.Length == 0 ? [] : await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var contacts = contactIds.Length == 0 ? [] : await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var results = records.Any(r => r.Result is not null)
            ? await db.Dictionaries.AsNoTracking().Where(d => d.Kind == DictionaryKinds.WorkResults).ToDictionaryAsync(d => d.Id, d => d.Name, ct)
            : [];
        return [.. records.Select(r => new ActivityView(
            r.Id, r.Kind, r.Subject,
            r.DealId, r.DealId is not null ? deals.GetValueOrDefault(r.DealId) : null,
            r.ClientId, r.ClientId is not null ? clients.GetValueOrDefault(r.ClientId) : null,
            r.ContactId, r.ContactId is not null ? contacts.GetValueOrDefault(r.ContactId) : null,
            r.AssigneeId, directory.Find(r.AssigneeId)?.Name,
            r.DueAt, r.AllDay, r.DueDate, r.DurationMinutes,
            r.RemindBeforeTicks is { } ticks ? IsoDuration.Format(Duration.FromTicks(ticks)) : null, r.RemindAt,
            r.State, IsOverdue(r, now), r.Result, r.Result is not null ? results.GetValueOrDefault(r.Result) : null, r.Text,
            r.CompletedAt, r.CompletedBy, r.CreatedAt, r.CreatedBy, r.Version))];
    }

    public static bool IsOverdue(ActivityRecord a, Instant now) => a.State == ActivityKinds.Open && a.DueAt <= now;

    public static Expression<Func<ActivityRecord, bool>> OpenOverdue(Instant now) => a => a.State == ActivityKinds.Open && a.DueAt <= now;
}

/// <summary>Where a page of activities ended: the list's part (0 overdue, 1 the rest), the due time and the id.</summary>
public sealed record ActivityCursor(int Phase, Instant DueAt, string Id)
{
    public static string Write(ActivityCursor c) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.Phase}|{c.DueAt.ToUnixTimeTicks()}|{c.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string? text, out ActivityCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
            return true;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 3);
            if (parts.Length != 3 || parts[0] is not ("0" or "1") || !long.TryParse(parts[1], out var ticks) || parts[2].Length == 0)
                return false;
            cursor = new ActivityCursor(parts[0] == "0" ? 0 : 1, Instant.FromUnixTimeTicks(ticks), parts[2]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
