using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Cluster;
using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Crm.Engine.Calendars;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Calendars;

public static class CalendarEndpoints
{
    public sealed record DeadlineRequest(Instant? Start, string? Duration);

    public sealed record WorkingTimeRequest(Instant? From, Instant? To);

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendars");

        group.MapGet("", (CalendarRegistry registry) => Results.Ok(registry.All.OrderBy(c => c.Id, StringComparer.Ordinal).Select(Describe)));

        group.MapGet("/{id}", (string id, CalendarRegistry registry) =>
            registry.Find(id) is { } calendar ? Results.Ok(Describe(calendar)) : Problems.NotFound($"Calendar '{id}' does not exist."));

        group.MapPut("/{id}", async (string id, HttpContext http, CrmDbContext db, CalendarRegistry registry, SharedState shared, IClock clock, CancellationToken ct) =>
        {
            if (!http.Caller().IsAdmin)
                return Problems.Forbidden("Only admins edit calendars.");
            if (id == CalendarIds.AlwaysOpen)
                return Problems.BadRequest("The built-in 24x7 calendar cannot be changed.");
            if (!IdRules.IsValid(id))
                return Problems.Validation(new() { ["id"] = [IdRules.Explanation] });
            CalendarDefinition? definition;
            try
            {
                var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject;
                if (node is null)
                    return Problems.BadRequest("The body must be a calendar: a JSON object.");
                node["id"] ??= id;
                if (node["id"]!.GetValue<string>() != id)
                    return Problems.BadRequest($"The body's id differs from the address's '{id}'.");
                definition = node.Deserialize<CalendarDefinition>(CalendarJson.Options);
            }
            // ArgumentException: a property named twice in the body.
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
            {
                return Problems.BadRequest($"The body is not a valid calendar: {ex.Message}");
            }
            if (TextLimits.Errors(("name", definition?.Name, TextLimits.Name)) is { Count: > 0 } tooLong)
                return Problems.Validation(tooLong);
            var compiled = CalendarCompiler.Compile(definition!);
            if (compiled.Calendar is not { } calendar)
                return Problems.Validation(compiled.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    "The calendar is not valid; nothing was changed.");
            var json = JsonSerializer.Serialize(definition, CalendarJson.Options);
            var record = await db.Calendars.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (record is null)
            {
                db.Calendars.Add(new CalendarRecord { Id = id, Name = calendar.Name, Json = json, UpdatedAt = clock.GetCurrentInstant() });
            }
            else
            {
                record.Json = json;
                record.Name = calendar.Name;
                record.UpdatedAt = clock.GetCurrentInstant();
                record.Version++;
            }
            await db.SaveChangesAsync(ct);
            // Funnels compile against calendars at publish; published versions keep the calendar they were compiled with until restart.
            registry.Set(calendar);
            await shared.CalendarsChangedAsync();
            return Results.Ok(Describe(calendar));
        });

        group.MapPost("/{id}/deadline", (string id, DeadlineRequest body, CalendarRegistry registry) =>
        {
            if (registry.Find(id) is not { } calendar)
                return Problems.NotFound($"Calendar '{id}' does not exist.");
            if (body.Start is null)
                return Problems.Validation(new() { ["start"] = ["Give the start instant."] });
            var duration = Crm.Engine.Definitions.WorkingDuration.Parse(body.Duration, calendar.WorkingDay, allowZero: true);
            if (duration.Error is not null)
                return Problems.Validation(new() { ["duration"] = [duration.Error] });
            if (SupportedTime.DeadlineWithin(calendar, body.Start.Value, duration.Value) is not { } due)
                return Problems.Validation(new() { ["duration"] = [$"The deadline would fall after {SupportedTime.Max}; instants lie {SupportedTime.InstantRange}."] });
            return Results.Ok(new { dueAt = due });
        });

        group.MapPost("/{id}/working-time", (string id, WorkingTimeRequest body, CalendarRegistry registry) =>
        {
            if (registry.Find(id) is not { } calendar)
                return Problems.NotFound($"Calendar '{id}' does not exist.");
            if (body.From is null || body.To is null)
                return Problems.Validation(new() { ["from"] = ["Give both 'from' and 'to'."] });
            // Instants in bodies are already within SupportedTime; the span is capped so one question stays cheap.
            if (body.To.Value - body.From.Value > SupportedTime.MaxSpan)
                return Problems.Validation(new() { ["to"] = ["'to' is at most ten years after 'from'."] });
            return Results.Ok(new { duration = IsoDuration.Format(calendar.WorkingTime(body.From.Value, body.To.Value)) });
        });
    }

    private static object Describe(IWorkingCalendar calendar) => calendar switch
    {
        BusinessCalendar business => new
        {
            business.Definition.Id,
            business.Definition.Name,
            business.Definition.TimeZone,
            business.Definition.Week,
            business.Definition.Holidays,
            business.Definition.Overrides,
            workingDay = IsoDuration.Format(business.WorkingDay),
        },
        _ => new { Id = calendar.Id, Name = "Always working (UTC)", TimeZone = "UTC", Week = (object?)null, Holidays = Array.Empty<string>(), Overrides = Array.Empty<object>(), workingDay = "PT24H" },
    };
}
