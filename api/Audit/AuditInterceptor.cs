using System.Runtime.CompilerServices;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace Crm.Api.Audit;

/// <summary>
/// Writes the audit trail of clients and contacts in the same transaction as the change itself: whatever code changes
/// them through the store leaves an entry, and a save that fails leaves none. The fields are read before the save (when
/// the tracker still knows the old values); the rows are written after EF's own statements succeeded, with multi-row
/// INSERTs on the save's connection: tracking them as entities cost more than the import they record.
/// </summary>
public sealed class AuditInterceptor(IClock clock, ActingParty acting) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingAudit> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Stage(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
            pending.Own = eventData.Context.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        // Without a transaction of the caller's, one is opened for the save to join, so the change and its trail commit together.
        if (Stage(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
            pending.Own = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WriteAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await WriteAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Reads what the save will change into the trail it will write, if it changes anything audited.</summary>
    private PendingAudit? Stage(DbContext? context)
    {
        if (context is null)
            return null;
        Abandon(context);
        // Reading the entries detects changes first, as the save itself would (unless the context turned detection off).
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.Entity is ClientRecord or ContactRecord && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
            return null;
        var now = clock.GetCurrentInstant();
        var actor = acting.Current;
        var pending = new PendingAudit();
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
            pending.Entries.Add(record);
            pending.Changes.AddRange(changes.Select((c, i) => new AuditChangeRecord { EntryId = record.Id, Ordinal = i, Field = c.Field, Before = c.Before, After = c.After }));
        }
        if (pending.Entries.Count == 0)
            return null;
        _pending.AddOrUpdate(context, pending);
        return pending;
    }

    private async ValueTask WriteAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        _pending.Remove(context);
        try
        {
            var connection = context.Database.GetDbConnection();
            var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("The audit trail is written inside the save's transaction, and there is none.");
            using (var entries = new RowInserter<AuditEntryRecord>(connection, transaction, AuditTables.Entries))
            {
                pending.Entries.ForEach(entries.Add);
                await entries.FlushAsync(cancellationToken);
            }
            using (var changes = new RowInserter<AuditChangeRecord>(connection, transaction, AuditTables.Changes))
            {
                pending.Changes.ForEach(changes.Add);
                await changes.FlushAsync(cancellationToken);
            }
            if (pending.Own is { } own)
                await own.CommitAsync(cancellationToken);
        }
        finally
        {
            if (pending.Own is { } own)
                await own.DisposeAsync();
        }
    }

    /// <summary>Forgets what a save that failed or was cancelled staged (rolling back the transaction it opened), so a
    /// retry, or a later save of the same context, does not write it twice.</summary>
    private void Abandon(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        _pending.Remove(context);
        pending.Own?.Dispose();
    }

    private static string ActionOf(EntityEntry entry, AuditActor actor) => entry.State switch
    {
        EntityState.Added => actor.Via == AuditVia.Import ? AuditActions.Imported : AuditActions.Created,
        EntityState.Deleted => AuditActions.Deleted,
        _ => AuditActions.Updated,
    };

    private sealed class PendingAudit
    {
        public List<AuditEntryRecord> Entries { get; } = [];
        public List<AuditChangeRecord> Changes { get; } = [];
        /// <summary>The transaction this save runs in when the caller had none: committed once the trail is written.</summary>
        public IDbContextTransaction? Own { get; set; }
    }
}
