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
        await TallyAsync(db, writes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts the clocks these writes met or breached into the daily tallies, in the same transaction, so a
    /// report never sees a clock without its tally or the other way round.</summary>
    private static async Task TallyAsync(CrmDbContext db, IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        var increments = new Dictionary<(long Day, string Owner, string Workflow, string Regulation, string Stage), (long Met, long Breached)>();
        foreach (var write in writes)
        {
            foreach (var clockId in write.Changes.SettledClocks)
            {
                var clock = write.Deal.Clocks.FirstOrDefault(c => c.Id == clockId);
                if (clock?.OwnerId is not { } owner)
                    continue;
                var breached = clock.BreachedAt is not null;
                var at = breached ? clock.BreachedAt : clock.FinishedAt;
                if (at is null)
                    continue;
                var key = (Day: Engine.Compliance.TallyDays.DayOf(at.Value), owner, write.Deal.WorkflowId, clock.RegulationId, clock.StageId ?? "");
                var (met, breaches) = increments.GetValueOrDefault(key);
                increments[key] = breached ? (met, breaches + 1) : (met + 1, breaches);
            }
        }
        foreach (var ((day, owner, workflow, regulation, stage), (met, breached)) in increments)
        {
            await db.Database.ExecuteSqlRawAsync(ClockTallySql.Increment, [day, owner, workflow, regulation, stage, met, breached], cancellationToken);
        }
    }
}
