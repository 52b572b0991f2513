using System.Text.Json;
using Crm.Api.Auth;
using Crm.Api.Deals;
using Crm.Api.Dictionaries;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Interactions;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Crm.Api.Activities;

/// <summary>
/// Plans, changes, completes and cancels activities. Every change re-arms the activity's alarm (see
/// <see cref="ActivityAlarms"/>) and, on a deal, re-projects the deal's next step. Input is checked whole before anything
/// is written, so a refused request changes nothing.
/// </summary>
public sealed class ActivityService(
    CrmDbContext db,
    ActivityQueries queries,
    InteractionJournal journal,
    NextStepSync nextSteps,
    ActivityAlarms alarms,
    AssigneeZones zones,
    UserDirectory directory,
    IClock clock)
{
    private static readonly Duration LongestReminder = Duration.FromDays(30);
    private const int LongestMeeting = 24 * 60;

    public async Task<ServiceResult<ActivityView>> CreateOnDealAsync(Caller caller, string dealId, NewActivityRequest body, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().VisibleTo(caller, directory).FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal is null)
            return new ServiceFailure.NotFound($"Deal '{dealId}' does not exist.");
        var errors = new Dictionary<string, string[]>();
        var assignee = body.AssigneeId ?? deal.OwnerId ?? caller.Id;
        CheckAssignee(errors, caller, assignee, deal.OwnerId);
        var contactIds = JsonSerializer.Deserialize<DealData>(deal.Data, DealData.Options)?.ContactIds ?? [];
        await CheckContactAsync(errors, body.ContactId, c => c.ClientId == deal.ClientId || contactIds.Contains(c.Id), ct);
        var record = Build(errors, caller, body, assignee);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);
        if (deal.State != "open")
            return new ServiceFailure.Conflict($"The deal is already {deal.State}; plan activities on open deals.", "deal-closed");
        record!.DealId = deal.Id;
        record.ClientId = deal.ClientId;
        return await SaveNewAsync(record, caller.Id, ct);
    }

    public async Task<ServiceResult<ActivityView>> CreateOnClientAsync(Caller caller, string clientId, NewActivityRequest body, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct))
            return new ServiceFailure.NotFound($"Client '{clientId}' does not exist.");
        var errors = new Dictionary<string, string[]>();
        var assignee = body.AssigneeId ?? caller.Id;
        CheckAssignee(errors, caller, assignee, null);
        await CheckContactAsync(errors, body.ContactId, c => c.ClientId == clientId, ct);
        var record = Build(errors, caller, body, assignee);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);
        record!.ClientId = clientId;
        return await SaveNewAsync(record, caller.Id, ct);
    }

    /// <summary>The activity behind a next step set on its own (<c>PUT /next-step</c>) or by a move; the deal's command
    /// already checked who may do it. Assigned to the deal's owner.</summary>
    internal async Task<ActivityView> CreateNextStepAsync(string actorId, string dealId, Instant at, string what, string? kind, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().FirstAsync(d => d.Id == dealId, ct);
        var now = clock.GetCurrentInstant();
        var record = new ActivityRecord
        {
            Id = NewId(),
            Kind = kind ?? ActivityKinds.Task,
            Subject = what,
            DealId = deal.Id,
            ClientId = deal.ClientId,
            AssigneeId = deal.OwnerId ?? actorId,
            DueAt = at,
            State = ActivityKinds.Open,
            CreatedAt = now,
            CreatedBy = actorId,
            UpdatedAt = now,
        };
        return (await SaveNewAsync(record, actorId, ct)).Succeeded(out var view) ? view : throw new InvalidOperationException("Saving a next step's activity failed.");
    }

    public async Task<ServiceResult<ActivityView>> UpdateAsync(Caller caller, string id, ActivityPatchRequest body, int? expectedVersion, CancellationToken ct)
    {
        var (record, dealOwner, refusal) = await FindChangeableAsync(caller, id, expectedVersion, ct);
        if (refusal is not null)
            return refusal;
        var errors = new Dictionary<string, string[]>();
        if (body.Kind is not null && !ActivityKinds.IsKnown(body.Kind))
            errors["kind"] = [$"kind is one of {string.Join(", ", ActivityKinds.All)}."];
        if (body.Subject is not null)
            CheckSubject(errors, body.Subject);
        var assignee = body.AssigneeId ?? record!.AssigneeId;
        if (body.AssigneeId is not null && body.AssigneeId != record!.AssigneeId)
            CheckAssignee(errors, caller, body.AssigneeId, dealOwner);
        if (body.ContactId is not null)
        {
            var contactIds = record!.DealId is { } dealId
                ? JsonSerializer.Deserialize<DealData>(await db.Deals.AsNoTracking().Where(d => d.Id == dealId).Select(d => d.Data).FirstAsync(ct), DealData.Options)?.ContactIds ?? []
                : [];
            var clientId = record.ClientId;
            await CheckContactAsync(errors, body.ContactId, c => c.ClientId == clientId || contactIds.Contains(c.Id), ct);
        }
        if (body.DueAt is not null && body.DueDate is not null)
            errors["dueDate"] = ["Give either dueAt (a time) or dueDate (a whole day), not both."];
        var date = ParseDate(errors, body.DueDate);
        CheckDuration(errors, body.DurationMinutes);
        var remindBefore = ParseReminder(errors, body.RemindBefore);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var now = clock.GetCurrentInstant();
        var tracked = record!;
        db.Attach(tracked);
        if (body.Kind is not null)
            tracked.Kind = body.Kind;
        if (body.Subject is not null)
            tracked.Subject = body.Subject.Trim();
        if (body.ContactId is not null)
            tracked.ContactId = body.ContactId;
        if (body.DurationMinutes is not null)
            tracked.DurationMinutes = body.DurationMinutes;
        var rearm = false;
        if (body.AssigneeId is not null && body.AssigneeId != tracked.AssigneeId)
        {
            tracked.AssigneeId = assignee;
            rearm = true;
        }
        if (body.DueAt is { } dueAt)
        {
            (tracked.DueAt, tracked.AllDay, tracked.DueDate) = (dueAt, false, null);
            rearm = true;
        }
        else if (date is { } day)
        {
            (tracked.DueAt, tracked.AllDay, tracked.DueDate) = (zones.EndOf(day, assignee), true, LocalDatePattern.Iso.Format(day));
            rearm = true;
        }
        else if (tracked.AllDay && rearm && tracked.DueDate is { } kept && LocalDatePattern.Iso.Parse(kept) is { Success: true } keptDay)
        {
            // A whole day ends when it ends for the new assignee.
            tracked.DueAt = zones.EndOf(keptDay.Value, assignee);
        }
        if (remindBefore is { } before)
        {
            tracked.RemindBeforeTicks = before.BclCompatibleTicks;
            rearm = true;
        }
        if (rearm)
        {
            tracked.RemindAt = tracked.RemindBeforeTicks is { } ticks ? tracked.DueAt - Duration.FromTicks(ticks) : null;
            ActivityAlarm.Arm(tracked, now);
        }
        tracked.UpdatedAt = now;
        tracked.Version++;
        if (await SaveAsync(ct) is { } conflict)
            return conflict;
        alarms.Armed(tracked.AlarmAt);
        await SyncAsync(tracked, caller.Id);
        return await queries.ViewAsync(tracked, ct);
    }

    public async Task<ServiceResult<ActivityView>> CompleteAsync(Caller caller, string id, CompleteActivityRequest body, int? expectedVersion, CancellationToken ct)
    {
        var (record, _, refusal) = await FindChangeableAsync(caller, id, expectedVersion, ct);
        if (refusal is not null)
            return refusal;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Result))
            errors["result"] = ["Choose a result from the work-results dictionary."];
        else if (!await db.InDictionaryAsync(DictionaryKinds.WorkResults, body.Result, ct))
            errors["result"] = [$"'{body.Result}' is not in the work-results dictionary."];
        if (string.IsNullOrWhiteSpace(body.Text) && !ActivityKinds.IsQuick(body.Result))
            errors["text"] = [$"Say what happened; only the quick results ({string.Join(", ", ActivityKinds.QuickResults)}) need no text."];
        TextLimits.Check(errors, "text", body.Text, TextLimits.Comment);
        if (errors.Count > 0)
            return new ServiceFailure.Invalid(errors);

        var now = clock.GetCurrentInstant();
        var tracked = record!;
        db.Attach(tracked);
        var text = string.IsNullOrWhiteSpace(body.Text) ? null : body.Text.Trim();
        (tracked.State, tracked.Result, tracked.Text, tracked.CompletedAt, tracked.CompletedBy) = (ActivityKinds.Done, body.Result, text, now, caller.Id);
        tracked.AlarmAt = null;
        tracked.UpdatedAt = now;
        tracked.Version++;
        // Marked done first, under its version: two people completing it at once log it once.
        if (await SaveAsync(ct) is { } conflict)
            return conflict;
        var entry = new InteractionRequest(ActivityKinds.InteractionKind(tracked.Kind), now, text ?? "", body.Result, tracked.Subject, tracked.ContactId);
        var failure = tracked.DealId is { } dealId
            ? (await journal.RecordOnDealAsync(caller, dealId, entry, ct)).Failure
            : tracked.ClientId is { } clientId ? (await journal.RecordOnClientAsync(caller, clientId, entry, ct)).Failure : null;
        if (failure is not null)
        {
            // The journal refused (the deal went out of sight meanwhile): the activity stays open, as it was.
            (tracked.State, tracked.Result, tracked.Text, tracked.CompletedAt, tracked.CompletedBy) = (ActivityKinds.Open, null, null, null, null);
            tracked.AlarmAt = ActivityAlarm.Next(tracked);
            tracked.Version++;
            await db.SaveChangesAsync(CancellationToken.None);
            return failure;
        }
        await SyncAsync(tracked, caller.Id);
        return await queries.ViewAsync(tracked, ct);
    }

    public async Task<ServiceResult<ActivityView>> CancelAsync(Caller caller, string id, int? expectedVersion, CancellationToken ct)
    {
        var (record, _, refusal) = await FindChangeableAsync(caller, id, expectedVersion, ct);
        if (refusal is not null)
            return refusal;
        var tracked = record!;
        db.Attach(tracked);
        tracked.State = ActivityKinds.Cancelled;
        tracked.AlarmAt = null;
        tracked.UpdatedAt = clock.GetCurrentInstant();
        tracked.Version++;
        if (await SaveAsync(ct) is { } conflict)
            return conflict;
        await SyncAsync(tracked, caller.Id);
        return await queries.ViewAsync(tracked, ct);
    }

    private async Task<(ActivityRecord? Record, string? DealOwner, ServiceFailure? Refusal)> FindChangeableAsync(Caller caller, string id, int? expectedVersion, CancellationToken ct)
    {
        var record = await queries.FindAsync(id, caller, ct);
        if (record is null)
            return (null, null, new ServiceFailure.NotFound($"Activity '{id}' does not exist."));
        var dealOwner = record.DealId is { } dealId ? await db.Deals.AsNoTracking().Where(d => d.Id == dealId).Select(d => d.OwnerId).FirstOrDefaultAsync(ct) : null;
        if (!(queries.SeesEverythingOf(caller, record.AssigneeId) || record.CreatedBy == caller.Id || (dealOwner is not null && dealOwner == caller.Id)))
            return (null, null, new ServiceFailure.Forbidden("Only the assignee, whoever planned it, the deal's owner and their heads change an activity."));
        if (expectedVersion is { } expected && expected != record.Version)
            return (null, null, new ServiceFailure.Conflict($"The activity has changed (version {record.Version}, you sent {expected}); reload it and try again.", "stale-version"));
        if (record.State != ActivityKinds.Open)
            return (null, null, new ServiceFailure.Conflict($"The activity is already {record.State}.", "activity-" + record.State));
        return (record, dealOwner, null);
    }

    private async Task<ServiceResult<ActivityView>> SaveNewAsync(ActivityRecord record, string? actorId, CancellationToken ct)
    {
        ActivityAlarm.Arm(record, clock.GetCurrentInstant());
        db.Activities.Add(record);
        await db.SaveChangesAsync(ct);
        alarms.Armed(record.AlarmAt);
        await SyncAsync(record, actorId);
        return await queries.ViewAsync(record, ct);
    }

    private async Task<ServiceFailure?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ServiceFailure.Conflict("Someone changed this activity a moment ago; reload it and try again.", "stale-version");
        }
    }

    private Task SyncAsync(ActivityRecord record, string? actorId) =>
        record.DealId is { } dealId ? nextSteps.SyncAsync(dealId, actorId) : Task.CompletedTask;

    /// <summary>A new activity from the body, or null when the body is not valid (the problems are in <paramref name="errors"/>).</summary>
    private ActivityRecord? Build(Dictionary<string, string[]> errors, Caller caller, NewActivityRequest body, string assignee)
    {
        if (!ActivityKinds.IsKnown(body.Kind))
            errors["kind"] = [$"kind is one of {string.Join(", ", ActivityKinds.All)}."];
        CheckSubject(errors, body.Subject);
        if (body.DueAt is null && body.DueDate is null)
            errors["dueAt"] = ["Say when: dueAt (a time) or dueDate (a whole day)."];
        else if (body.DueAt is not null && body.DueDate is not null)
            errors["dueDate"] = ["Give either dueAt (a time) or dueDate (a whole day), not both."];
        var date = ParseDate(errors, body.DueDate);
        CheckDuration(errors, body.DurationMinutes);
        var remindBefore = ParseReminder(errors, body.RemindBefore);
        if (errors.Count > 0)
            return null;
        var now = clock.GetCurrentInstant();
        var dueAt = body.DueAt ?? zones.EndOf(date!.Value, assignee);
        return new ActivityRecord
        {
            Id = NewId(),
            Kind = body.Kind!,
            Subject = body.Subject!.Trim(),
            ContactId = body.ContactId,
            AssigneeId = assignee,
            DueAt = dueAt,
            AllDay = date is not null,
            DueDate = date is { } d ? LocalDatePattern.Iso.Format(d) : null,
            DurationMinutes = body.DurationMinutes,
            RemindBeforeTicks = remindBefore?.BclCompatibleTicks,
            RemindAt = remindBefore is { } before ? dueAt - before : null,
            State = ActivityKinds.Open,
            CreatedAt = now,
            CreatedBy = caller.Id,
            UpdatedAt = now,
        };
    }

    /// <summary>Managers plan for themselves or the deal's owner; heads for their teams' people; admins for anyone active.</summary>
    private void CheckAssignee(Dictionary<string, string[]> errors, Caller caller, string assignee, string? dealOwner)
    {
        if (directory.Find(assignee) is not { Active: true })
            errors["assigneeId"] = [$"User '{assignee}' does not exist or is not active."];
        else if (!(queries.SeesEverythingOf(caller, assignee) || assignee == dealOwner))
            errors["assigneeId"] = ["Plan activities for yourself or the deal's owner; heads plan for their teams."];
    }

    private async Task CheckContactAsync(Dictionary<string, string[]> errors, string? contactId, Func<ContactRecord, bool> belongs, CancellationToken ct)
    {
        if (contactId is null)
            return;
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
            errors["contactId"] = [$"Contact '{contactId}' does not exist."];
        else if (!belongs(contact))
            errors["contactId"] = [$"Contact '{contactId}' is not one of this client's people."];
    }

    private static void CheckSubject(Dictionary<string, string[]> errors, string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
            errors["subject"] = ["Say what to do (subject)."];
        else
            TextLimits.Check(errors, "subject", subject, TextLimits.Short);
    }

    private static void CheckDuration(Dictionary<string, string[]> errors, int? minutes)
    {
        if (minutes is < 1 or > LongestMeeting)
            errors["durationMinutes"] = [$"durationMinutes is 1 to {LongestMeeting}."];
    }

    private static LocalDate? ParseDate(Dictionary<string, string[]> errors, string? text)
    {
        if (text is null)
            return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success && parsed.Value.Year is >= 1900 and <= 9000)
            return parsed.Value;
        errors["dueDate"] = ["dueDate is a date like 2027-03-01."];
        return null;
    }

    private static Duration? ParseReminder(Dictionary<string, string[]> errors, string? text)
    {
        if (text is null)
            return null;
        var parsed = PeriodPattern.NormalizingIso.Parse(text.Trim());
        if (parsed.Success && parsed.Value is { Years: 0, Months: 0 } && Math.Abs(parsed.Value.Days) <= 366 && Math.Abs(parsed.Value.Weeks) <= 53)
        {
            var duration = parsed.Value.Normalize().ToDuration();
            if (duration > Duration.Zero && duration <= LongestReminder)
                return duration;
        }
        errors["remindBefore"] = ["remindBefore is an ISO duration from PT1M to P30D, e.g. PT15M."];
        return null;
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
