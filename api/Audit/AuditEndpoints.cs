using Crm.Api.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace Crm.Api.Audit;

/// <summary>
/// The audit trail of clients and contacts (who changed what, when), for admins only: it answers to the personal-data
/// law (152-FZ) and so shows values as they were.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", (string? entityType, string? entityId, string? actorId, string? from, string? to, string? cursor, string? limit,
                HttpContext http, AuditTrail trail, CancellationToken ct) =>
            ReadAsync(http, trail, entityType, entityId, null, actorId, from, to, cursor, limit, ct));

        app.MapGet("/api/clients/{id}/audit", (string id, string? cursor, string? limit, HttpContext http, AuditTrail trail, CancellationToken ct) =>
            ReadAsync(http, trail, null, null, id, null, null, null, cursor, limit, ct));

        app.MapGet("/api/contacts/{id}/audit", (string id, string? cursor, string? limit, HttpContext http, AuditTrail trail, CancellationToken ct) =>
            ReadAsync(http, trail, AuditEntityTypes.Contact, id, null, null, null, null, cursor, limit, ct));
    }

    private static async Task<IResult> ReadAsync(HttpContext http, AuditTrail trail, string? entityType, string? entityId, string? clientId, string? actorId,
        string? from, string? to, string? cursor, string? limit, CancellationToken ct)
    {
        if (!http.Caller().IsAdmin)
            return Problems.Forbidden("Only admins read the audit trail.");
        var errors = new Dictionary<string, string[]>();
        if (entityType is not null && !AuditEntityTypes.IsKnown(entityType))
            errors["entityType"] = ["entityType is client or contact."];
        var fromAt = ParseInstant(from, "from", errors);
        var toAt = ParseInstant(to, "to", errors);
        var after = cursor is null ? null : AuditCursor.Parse(cursor);
        if (cursor is not null && after is null)
            errors["cursor"] = ["Pass the nextCursor of the previous page as it came."];
        var size = AuditTrail.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > AuditTrail.MaxLimit))
            errors["limit"] = [$"limit is a number from 1 to {AuditTrail.MaxLimit}."];
        if (errors.Count > 0)
            return Problems.Validation(errors);
        var query = new AuditQuery(entityType, Blank(entityId), clientId, Blank(actorId), fromAt, toAt, after, size);
        return Results.Ok(await trail.ReadAsync(query, ct));
    }

    private static Instant? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parsed = InstantPattern.ExtendedIso.Parse(text.Trim());
        if (parsed.Success)
            return parsed.Value;
        errors[field] = [$"{field} is an instant like 2027-03-01T06:00:00Z."];
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
