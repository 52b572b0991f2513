using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Clients;

/// <summary>
/// Clients in one segment. Segments are a JSON list in one text column; each database opens it with its own JSON
/// functions and compares whole ids, so no character of an id ('_', '%') is a wildcard.
/// </summary>
internal static class ClientSegmentFilter
{
    public static IQueryable<ClientRecord> InSegment(this CrmDbContext db, string segment) => db.Database.IsNpgsql()
        ? db.Clients.FromSqlInterpolated($"""
            SELECT * FROM "Clients" AS c
            WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(c."Segments" AS jsonb)) AS s ("Id") WHERE s."Id" = {segment})
            """)
        : db.Clients.FromSqlInterpolated($"""
            SELECT * FROM "Clients" AS c
            WHERE EXISTS (SELECT 1 FROM json_each(c."Segments") AS s WHERE s."value" = {segment})
            """);
}
