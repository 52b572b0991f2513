using Crm.Api.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Alerts;

public static class AlertEndpoints
{
    public sealed record AlertView(string Id, string Kind, string? DealId, string? DealTitle, string? RegulationId, string? RegulationName,
        string? StageId, string? StageName, string? OwnerId, Instant? DueAt, Instant RaisedAt, string? Message, Instant? AcknowledgedAt, string? ActivityId = null);

    public static AlertView View(AlertRecord a) => new(a.Id, a.Kind, AlertPayload.NullIfEmpty(a.DealId), AlertPayload.NullIfEmpty(a.DealTitle), a.RegulationId, a.RegulationName,
        a.StageId, a.StageName, a.OwnerId, a.DueAt, a.RaisedAt, a.Message, a.AcknowledgedAt, a.ActivityId);

    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", async (bool? unacknowledged, HttpContext http, CrmDbContext db, CancellationToken ct) =>
        {
            var me = http.Caller().Id;
            var query = db.Alerts.AsNoTracking().Where(a => a.RecipientId == me);
            if (unacknowledged == true)
                query = query.Where(a => a.AcknowledgedAt == null);
            var alerts = await query.OrderByDescending(a => a.RaisedAt).Take(500).ToListAsync(ct);
            return Results.Ok(alerts.Select(View));
        });

        app.MapPost("/api/alerts/{id}/ack", async (string id, HttpContext http, CrmDbContext db, IClock clock, CancellationToken ct) =>
        {
            var me = http.Caller().Id;
            var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id && a.RecipientId == me, ct);
            if (alert is null)
                return Problems.NotFound($"Alert '{id}' does not exist.");
            alert.AcknowledgedAt ??= clock.GetCurrentInstant();
            // The REST ack and the hub's Ack mark the same row: either way the alert is not replayed again.
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(alert));
        });
    }
}
