using Crm.Api.Auth;
using Crm.Api.Cluster;
using Crm.Api.Directory;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Crm.Api.Activities;

public static class ActivityEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxDayLimit = 100;

    public static void MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/deals/{id}/activities", async (string id, NewActivityRequest body, HttpContext http, ActivityService activities, CancellationToken ct) =>
            (await activities.CreateOnDealAsync(http.Caller(), id, body, ct)).ToHttp(a => Created(http, a)));

        app.MapPost("/api/clients/{id}/activities", async (string id, NewActivityRequest body, HttpContext http, ActivityService activities, CancellationToken ct) =>
            (await activities.CreateOnClientAsync(http.Caller(), id, body, ct)).ToHttp(a => Created(http, a)));

        app.MapGet("/api/activities", async (string? assigneeId, string? dealId, string? clientId, string? from, string? to, string? state, int? limit, string? cursor,
            HttpContext http, ActivityQueries queries, AssigneeZones zones, CancellationToken ct) =>
        {
            var caller = http.Caller();
            var errors = new Dictionary<string, string[]>();
            if (state is not (null or ActivityKinds.Open or ActivityKinds.Done or "overdue"))
                errors["state"] = ["state is open, done or overdue."];
            if (limit is < 1 or > ActivityQueries.MaxLimit)
                errors["limit"] = [$"limit is 1 to {ActivityQueries.MaxLimit}."];
            var zone = zones.ZoneOf(assigneeId ?? caller.Id);
            var fromAt = Bound(errors, "from", from, zone, endOfDay: false);
            var toAt = Bound(errors, "to", to, zone, endOfDay: true);
            if (errors.Count > 0)
                return Problems.Validation(errors);
            var filter = new ActivityQueries.Filter(assigneeId, dealId, clientId, fromAt, toAt, state, limit ?? DefaultLimit, cursor);
            return (await queries.ListAsync(filter, caller, ct)).ToHttp(page => Results.Ok(page));
        });

        app.MapMethods("/api/activities/{id}", ["PATCH"], async (string id, ActivityPatchRequest body, HttpContext http, ActivityService activities, CancellationToken ct) =>
            !http.Request.TryIfMatch(out var expected)
                ? Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".")
                : (await activities.UpdateAsync(http.Caller(), id, body, expected, ct)).ToHttp(a => Ok(http, a)));

        app.MapPost("/api/activities/{id}/complete", async (string id, CompleteActivityRequest body, HttpContext http, ActivityService activities, CancellationToken ct) =>
            !http.Request.TryIfMatch(out var expected)
                ? Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".")
                : (await activities.CompleteAsync(http.Caller(), id, body, expected, ct)).ToHttp(a => Ok(http, a)));

        app.MapPost("/api/activities/{id}/cancel", async (string id, HttpContext http, ActivityService activities, CancellationToken ct) =>
            !http.Request.TryIfMatch(out var expected)
                ? Problems.BadRequest("If-Match must be a version number in quotes, e.g. \"3\".")
                : (await activities.CancelAsync(http.Caller(), id, expected, ct)).ToHttp(a => Ok(http, a)));

        app.MapGet("/api/diary", async (string? from, string? to, string? assigneeId, HttpContext http, DiaryQueries diary, CancellationToken ct) =>
            (await diary.DiaryAsync(http.Caller(), from, to, assigneeId, ct)).ToHttp(d => Results.Ok(d)));

        app.MapGet("/api/next-steps/gaps", async (HttpContext http, DiaryQueries diary, CancellationToken ct) =>
            (await diary.GapsAsync(http.Caller(), ct)).ToHttp(g => Results.Ok(g)));

        app.MapPut("/api/me/day-limit", async (DayLimitRequest body, HttpContext http, CrmDbContext db, UserDirectory directory, SharedState shared, CancellationToken ct) =>
        {
            if (body.Limit is < 1 or > MaxDayLimit)
                return Problems.Validation(new() { ["limit"] = [$"limit is 1 to {MaxDayLimit}, or null for none."] });
            var me = http.Caller().Id;
            var changed = await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.DailyActivityLimit, body.Limit), ct);
            if (changed == 0)
                return Problems.NotFound("You no longer exist.");
            await shared.DirectoryChangedAsync(ct);
            return Results.Ok(new { limit = body.Limit });
        });
    }

    private static IResult Created(HttpContext http, ActivityView activity)
    {
        http.Response.Headers.ETag = $"\"{activity.Version}\"";
        return Results.Created($"/api/activities/{activity.Id}", activity);
    }

    private static IResult Ok(HttpContext http, ActivityView activity)
    {
        http.Response.Headers.ETag = $"\"{activity.Version}\"";
        return Results.Ok(activity);
    }

    /// <summary>An instant, or a date meaning the start (or the end) of that day in the zone of whose activities are read.</summary>
    private static Instant? Bound(Dictionary<string, string[]> errors, string field, string? text, DateTimeZone zone, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
            return instant.Value;
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date && date.Value.Year is >= 1900 and <= 9000)
            return zone.AtStartOfDay(endOfDay ? date.Value.PlusDays(1) : date.Value).ToInstant();
        errors[field] = [$"{field} is an instant (2027-03-01T09:00:00Z) or a date (2027-03-01)."];
        return null;
    }
}
