using Crm.Api.Directory;
using Crm.Engine.Abstractions;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Persistence;

/// <summary>
/// The engine's deal store: one transaction per batch, optimistic versions per deal. EF Core owns the schema,
/// the connection and the transaction; the hot path itself (batch load, batch commit) is plain parameterized SQL
/// on that connection, because change tracking cost ~20x more per move than the database did.
/// </summary>
internal sealed class EfDealStore(IDbContextFactory<CrmDbContext> contexts, UserDirectory directory) : IDealStore
{
    public async Task<IReadOnlyDictionary<string, DealInstance>> LoadAsync(IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await DealBatchReader.LoadAsync(db.Database.GetDbConnection(), dealIds, cancellationToken);
    }

    public async Task CommitAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Disposing without a commit rolls back: a version conflict anywhere leaves nothing of the batch behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var writer = new DealBatchWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), directory))
        {
            foreach (var write in writes)
                await writer.WriteAsync(write, cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
