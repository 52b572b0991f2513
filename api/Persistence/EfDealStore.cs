using Crm.Api.Directory;
using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Crm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>The engine's deal store on EF Core: one transaction per batch, optimistic versions per deal.</summary>
internal sealed class EfDealStore(IDbContextFactory<CrmDbContext> contexts, UserDirectory directory) : IDealStore
{
    public async Task<IReadOnlyDictionary<string, DealInstance>> LoadAsync(IReadOnlyCollection<string> dealIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = new Dictionary<string, DealInstance>(dealIds.Count, StringComparer.Ordinal);
        foreach (var chunk in dealIds.Chunk(500))
        {
            var deals = await db.Deals.AsNoTracking().Where(d => chunk.Contains(d.Id)).ToListAsync(cancellationToken);
            var clocks = (await db.Clocks.AsNoTracking().Where(c => chunk.Contains(c.DealId)).ToListAsync(cancellationToken))
                .ToLookup(c => c.DealId, StringComparer.Ordinal);
            foreach (var deal in deals)
                result[deal.Id] = DealMapper.ToDeal(deal, clocks[deal.Id]);
        }
        return result;
    }

    public async Task CommitAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var write in writes)
            Stage(db, write);
        await TallyAsync(db, writes, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new DealConcurrencyException($"A deal changed since it was loaded: {ex.Message}");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private void Stage(CrmDbContext db, DealWrite write)
    {
        var deal = write.Deal;
        var record = DealMapper.ToRecord(deal);
        if (write.LoadedVersion == 0)
        {
            db.Deals.Add(record);
        }
        else
        {
            var entry = db.Deals.Attach(record);
            entry.State = EntityState.Modified;
            entry.Property(d => d.Version).OriginalValue = write.LoadedVersion;
        }
        var started = write.Changes.StartedClocks.ToHashSet(StringComparer.Ordinal);
        var since = write.Changes.Events.Count > 0 ? write.Changes.Events.Min(e => e.At) : deal.UpdatedAt;
        foreach (var clock in deal.Clocks)
        {
            // Clocks that finished before these changes are history: nothing to write.
            if (clock.FinishedAt < since && !started.Contains(clock.Id))
                continue;
            var clockRecord = DealMapper.ToRecord(clock, deal);
            if (started.Contains(clock.Id))
                db.Clocks.Add(clockRecord);
            else
                db.Clocks.Update(clockRecord);
        }
        foreach (var e in write.Changes.Events)
        {
            db.DealEvents.Add(new DealEventRecord
            {
                DealId = deal.Id,
                At = e.At,
                By = e.By,
                Kind = e.Kind,
                DetailsJson = System.Text.Json.JsonSerializer.Serialize(e.Details, DealData.Options),
            });
        }
        foreach (var alert in write.Changes.Alerts)
            db.Alerts.Add(ToRecord(alert));
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

    private AlertRecord ToRecord(RaisedAlert a) => new()
    {
        Id = a.Id,
        Kind = a.Kind,
        Audience = a.Audience,
        // An owner alert on a deal nobody owns yet (the team queue) goes to the team's head rather than to no one.
        RecipientId = a.Audience == AlertAudience.Head || a.OwnerId is null ? directory.HeadOf(a.TeamId) : a.OwnerId,
        DealId = a.DealId,
        DealTitle = a.DealTitle,
        RegulationId = a.RegulationId,
        RegulationName = a.RegulationName,
        StageId = a.StageId,
        StageName = a.StageName,
        OwnerId = a.OwnerId,
        TeamId = a.TeamId,
        DueAt = a.DueAt,
        RaisedAt = a.RaisedAt,
        Message = a.Message,
    };
}
