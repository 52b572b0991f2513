using Crm.Api.Alerts;
using System.Data.Common;
using System.Text.Json;
using Crm.Api.Directory;
using Crm.Engine.Abstractions;
using Crm.Engine.Alerts;
using Crm.Engine.Clocks;
using NodaTime;

namespace Crm.Api.Persistence;

/// <summary>
/// Writes a batch of deal changes inside the caller's transaction with plain parameterized SQL: one prepared
/// UPDATE per changed deal (guarded by its loaded version) and per changed clock, and multi-row INSERTs for new
/// deals, started clocks, events and alerts. EF's change tracker costs far more per row than SQLite itself.
/// </summary>
internal sealed class DealBatchWriter : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly UserDirectory _directory;
    private readonly RowInserter<DealRecord> _newDeals;
    private readonly RowInserter<ClockRecord> _newClocks;
    private readonly RowInserter<DealEventRecord> _events;
    private readonly RowInserter<AlertRecord> _alerts;
    private RowUpdater<DealRecord>? _deals;
    private RowUpdater<ClockRecord>? _clocks;

    public DealBatchWriter(DbConnection connection, DbTransaction transaction, UserDirectory directory)
    {
        _connection = connection;
        _transaction = transaction;
        _directory = directory;
        _newDeals = new(connection, transaction, StoreTables.Deals);
        _newClocks = new(connection, transaction, StoreTables.Clocks);
        _events = new(connection, transaction, StoreTables.DealEvents);
        _alerts = new(connection, transaction, StoreTables.Alerts);
    }

    /// <summary>Updates the deal and its changed clocks now (so a stale version fails before anything else is sent),
    /// and queues its inserts for <see cref="FlushAsync"/>.</summary>
    /// <exception cref="DealConcurrencyException">The deal or one of its clocks is not as it was loaded.</exception>
    public async Task WriteAsync(DealWrite write, CancellationToken cancellationToken)
    {
        var deal = write.Deal;
        var record = DealMapper.ToRecord(deal);
        if (write.LoadedVersion == 0)
        {
            _newDeals.Add(record);
        }
        else
        {
            _deals ??= new(_connection, _transaction, StoreTables.Deals, versionColumn: "Version");
            var loaded = write.Loaded is { } l ? DealMapper.ToRecord(l) : null;
            if (await _deals.UpdateAsync(record, loaded, write.LoadedVersion, cancellationToken) == 0)
                throw new DealConcurrencyException($"Deal '{deal.Id}' is no longer at version {write.LoadedVersion}.");
        }

        var started = write.Changes.StartedClocks;
        // Without the loaded state, clocks that finished before these changes are history and the rest may have moved.
        var since = write.Changes.Events.Count > 0 ? write.Changes.Events.Min(e => e.At) : deal.UpdatedAt;
        foreach (var clock in deal.Clocks)
        {
            if (started.Contains(clock.Id, StringComparer.Ordinal))
            {
                _newClocks.Add(DealMapper.ToRecord(clock, deal));
                continue;
            }
            var before = write.Loaded?.Clocks.Find(c => c.Id == clock.Id);
            if (before is not null ? ClockComparer.Unchanged(before, clock) : clock.FinishedAt < since)
                continue;
            _clocks ??= new(_connection, _transaction, StoreTables.Clocks);
            var loadedClock = before is not null ? DealMapper.ToRecord(before, deal) : null;
            if (await _clocks.UpdateAsync(DealMapper.ToRecord(clock, deal), loadedClock, null, cancellationToken) == 0)
                throw new DealConcurrencyException($"Clock '{clock.Id}' of deal '{deal.Id}' is missing from the store.");
        }

        foreach (var e in write.Changes.Events)
        {
            _events.Add(new DealEventRecord
            {
                DealId = deal.Id,
                At = e.At,
                By = e.By,
                Kind = e.Kind,
                DetailsJson = JsonSerializer.Serialize(e.Details, DealData.Options),
            });
        }
        foreach (var alert in write.Changes.Alerts)
            _alerts.Add(ToRecord(alert));
    }

    /// <summary>Sends the queued inserts: deals before the rows that point at them.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _newDeals.FlushAsync(cancellationToken);
        await _newClocks.FlushAsync(cancellationToken);
        await _events.FlushAsync(cancellationToken);
        await _alerts.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _deals?.Dispose();
        _clocks?.Dispose();
        _newDeals.Dispose();
        _newClocks.Dispose();
        _events.Dispose();
        _alerts.Dispose();
    }

    private AlertRecord ToRecord(RaisedAlert a) => new()
    {
        Id = a.Id,
        Kind = a.Kind,
        Audience = a.Audience,
        // An owner alert on a deal nobody owns yet (the team queue) goes to the team's head rather than to no one.
        RecipientId = AlertRouting.RecipientOf(a, _directory),
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
