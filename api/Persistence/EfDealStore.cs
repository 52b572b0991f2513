using Crm.Api.Directory;
using Crm.Engine.Abstractions;
using Crm.Engine.Clocks;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NodaTime;

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
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Disposing without a commit rolls back: a version conflict anywhere leaves nothing of the batch behind.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            using (var writer = new DealBatchWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), directory))
            {
                // Rows are locked in one order on every node (deals by id here, tallies by key below), so two nodes
                // writing overlapping batches wait for each other instead of deadlocking.
                foreach (var write in writes.OrderBy(w => w.Deal.Id, StringComparer.Ordinal))
                    await writer.WriteAsync(write, cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }
            await TallyAsync(db, writes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            // Lost a race to another node's transaction: nothing was written, and the batch is worth applying again.
            throw new DealConcurrencyException($"The batch lost a race to another writer ({ex.SqlState}).");
        }
    }

    /// <summary>Counts the clocks these writes met or breached into the daily tallies and their blocks, and adds what the
    /// breaches they finished leave (the overrun, and each holder's late share) to the breach's day: in the same
    /// transaction, so a report never sees a clock without its tally or the other way round.</summary>
    private static async Task TallyAsync(CrmDbContext db, IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        var days = new Dictionary<(long Day, string Owner, string Workflow, string Regulation, string Stage), TallyIncrement>();
        // A breach counts on the day of its deadline, and so does what it leaves when it finishes; a met clock on the day it was met.
        TallyIncrement? Of(DealWrite write, RegulationClock clock, string? person)
        {
            if (person is null || (clock.BreachedAt ?? clock.FinishedAt) is not { } at)
                return null;
            var key = (TallyDays.DayOf(at), person, write.Deal.WorkflowId, clock.RegulationId, clock.StageId ?? "");
            return days.TryGetValue(key, out var increment) ? increment : days[key] = new TallyIncrement();
        }
        RegulationClock? Find(DealWrite write, string clockId) => write.Deal.Clocks.FirstOrDefault(c => c.Id == clockId);
        foreach (var write in writes)
        {
            foreach (var clockId in write.Changes.SettledClocks)
            {
                if (Find(write, clockId) is not { } clock || Of(write, clock, clock.OwnerId) is not { } increment)
                    continue;
                if (clock.BreachedAt is not null)
                    increment.Breached++;
                else
                    increment.Met++;
            }
            foreach (var clockId in write.Changes.FinishedBreaches)
            {
                if (Find(write, clockId) is not { } clock)
                    continue;
                if (clock.Overrun is { } overrun && Of(write, clock, clock.OwnerId) is { } increment)
                    increment.Overruns.Add(overrun.BclCompatibleTicks);
                // Whoever held the clock past its deadline carries that share, whoever the breach counts against.
                foreach (var holding in ClockHoldings.Of(clock.Handovers, clock.Consumed, clock.Limit))
                {
                    if (holding.OverrunHeld > Duration.Zero && Of(write, clock, holding.HolderId) is { } held)
                        held.LateHeld += holding.OverrunHeld.BclCompatibleTicks;
                }
            }
        }
        var blocks = new Dictionary<(int Days, long Start, string Owner, string Workflow, string Regulation, string Stage), TallyIncrement>();
        using var overruns = new RowInserter<ClockTallyOverrunRecord>(
            db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), ClockTallySql.Overruns);
        foreach (var ((day, owner, workflow, regulation, stage), increment) in days.OrderBy(d => d.Key))
        {
            await db.Database.ExecuteSqlRawAsync(ClockTallySql.Increment,
                [day, owner, workflow, regulation, stage, increment.Met, increment.Breached, increment.LateHeld], cancellationToken);
            foreach (var ticks in increment.Overruns)
                overruns.Add(new ClockTallyOverrunRecord { Day = day, OwnerId = owner, WorkflowId = workflow, RegulationId = regulation, StageId = stage, Ticks = ticks });
            foreach (var size in TallyBlocks.Sizes)
            {
                var key = (size, TallyBlocks.StartOf(day, size), owner, workflow, regulation, stage);
                if (!blocks.TryGetValue(key, out var block))
                    blocks[key] = block = new TallyIncrement();
                block.Add(increment);
            }
        }
        foreach (var ((size, start, owner, workflow, regulation, stage), block) in blocks.OrderBy(b => b.Key))
        {
            await db.Database.ExecuteSqlRawAsync(ClockTallySql.IncrementBlock,
                [size, start, owner, workflow, regulation, stage, block.Met, block.Breached, block.LateHeld], cancellationToken);
        }
        await overruns.FlushAsync(cancellationToken);
    }

    private sealed class TallyIncrement
    {
        public long Met { get; set; }
        public long Breached { get; set; }
        public List<long> Overruns { get; } = [];
        public long LateHeld { get; set; }

        public void Add(TallyIncrement other)
        {
            Met += other.Met;
            Breached += other.Breached;
            LateHeld += other.LateHeld;
        }
    }
}
