using Crm.Api.Directory;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Audit;

/// <summary>Reads the audit trail of clients and contacts, newest first, a page at a time.</summary>
public sealed class AuditTrail(CrmDbContext db, UserDirectory directory)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.EntityType is { } type)
            entries = entries.Where(e => e.EntityType == type);
        if (query.EntityId is { } entityId)
            entries = entries.Where(e => e.EntityId == entityId);
        if (query.ClientId is { } clientId)
            entries = entries.Where(e => e.ClientId == clientId);
        if (query.ActorId is { } actorId)
            entries = entries.Where(e => e.ActorId == actorId);
        if (query.From is { } from)
            entries = entries.Where(e => e.At >= from);
        if (query.To is { } to)
            entries = entries.Where(e => e.At < to);
        if (query.After is { } after)
            entries = entries.Where(e => e.At < after.At || (e.At == after.At && string.Compare(e.Id, after.Id) < 0));
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(query.Limit + 1).ToListAsync(ct);
        var more = page.Count > query.Limit;
        if (more)
            page.RemoveAt(page.Count - 1);

        var ids = page.Select(e => e.Id).ToArray();
        var changes = (await db.AuditChanges.AsNoTracking().Where(c => ids.Contains(c.EntryId)).ToListAsync(ct))
            .ToLookup(c => c.EntryId);
        var views = page.Select(e => new AuditEntryView(e.Id, e.At, e.ActorId, directory.Find(e.ActorId)?.Name, e.Via, e.EntityType, e.EntityId,
            e.ClientId, e.Action, [.. changes[e.Id].OrderBy(c => c.Ordinal).Select(c => new AuditChangeView(c.Field, c.Before, c.After))])).ToList();
        return new AuditPage(views, more ? new AuditCursor(page[^1].At, page[^1].Id).ToString() : null);
    }
}
