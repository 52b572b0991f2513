using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;

namespace Crm.Api.Audit;

/// <summary>
/// Writes the audit trail of clients and contacts in the same save, and so the same transaction, as the change itself:
/// whatever code changes them through the store leaves an entry, and a save that fails leaves none.
/// </summary>
public sealed class AuditInterceptor(IClock clock, ActingParty acting) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Record(DbContext? context)
    {
        if (context is null)
            return;
        // Reading the entries detects changes first, as the save itself would (unless the context turned detection off).
        Discard(context);
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.Entity is ClientRecord or ContactRecord && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
            return;
        var now = clock.GetCurrentInstant();
        var actor = acting.Current;
        foreach (var entry in changed)
        {
            var changes = AuditedFields.Of(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
                continue;
            var (type, id, clientId) = entry.Entity switch
            {
                ClientRecord client => (AuditEntityTypes.Client, client.Id, client.Id),
                ContactRecord contact => (AuditEntityTypes.Contact, contact.Id, contact.ClientId),
                _ => throw new InvalidOperationException($"{entry.Entity.GetType().Name} is not audited."),
            };
            var record = new AuditEntryRecord
            {
                Id = Guid.CreateVersion7().ToString("N"),
                At = now,
                ActorId = actor.Id,
                Via = actor.Via,
                EntityType = type,
                EntityId = id,
                ClientId = clientId,
                Action = ActionOf(entry, actor),
            };
            context.Add(record);
            context.AddRange(changes.Select((c, i) => new AuditChangeRecord { EntryId = record.Id, Ordinal = i, Field = c.Field, Before = c.Before, After = c.After }));
        }
    }

    private static string ActionOf(EntityEntry entry, AuditActor actor) => entry.State switch
    {
        EntityState.Added => actor.Via == AuditVia.Import ? AuditActions.Imported : AuditActions.Created,
        EntityState.Deleted => AuditActions.Deleted,
        _ => AuditActions.Updated,
    };

    /// <summary>Forgets entries staged by a save that failed, so a retry, or a later save of the same context, does not write them twice.</summary>
    private static void Discard(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var staged in context.ChangeTracker.Entries().Where(e => e.Entity is AuditEntryRecord or AuditChangeRecord && e.State == EntityState.Added).ToList())
            staged.State = EntityState.Detached;
    }
}
