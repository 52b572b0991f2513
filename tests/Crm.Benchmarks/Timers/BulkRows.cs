using System.Data.Common;
using Crm.Api.Persistence;
using Crm.Engine.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Benchmarks.Timers;

/// <summary>
/// Writes new deals (as the engine produced them) in large transactions with prepared INSERTs: the rows are the
/// store's own (<see cref="DealMapper"/>, EF's model for table and column names and value conversions), only the
/// statement execution is leaner than EF's change tracker. For filling a million deals in minutes, not for the product.
/// </summary>
internal sealed class BulkRows : IAsyncDisposable
{
    private readonly CrmDbContext _db;
    private readonly SqliteConnection _connection;
    private readonly Insert<DealRecord> _deals;
    private readonly Insert<ClockRecord> _clocks;
    private readonly Insert<DealEventRecord> _events;

    private BulkRows(CrmDbContext db, SqliteConnection connection)
    {
        _db = db;
        _connection = connection;
        _deals = new Insert<DealRecord>(db.Model, connection);
        _clocks = new Insert<ClockRecord>(db.Model, connection);
        _events = new Insert<DealEventRecord>(db.Model, connection);
    }

    public static async Task<BulkRows> OpenAsync(IDbContextFactory<CrmDbContext> contexts)
    {
        var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return new BulkRows(db, (SqliteConnection)db.Database.GetDbConnection());
    }

    public void Write(IReadOnlyList<DealWrite> writes)
    {
        using var transaction = _connection.BeginTransaction();
        _deals.Use(transaction);
        _clocks.Use(transaction);
        _events.Use(transaction);
        foreach (var write in writes)
        {
            var deal = write.Deal;
            _deals.Run(DealMapper.ToRecord(deal));
            foreach (var clock in deal.Clocks)
                _clocks.Run(DealMapper.ToRecord(clock, deal));
            foreach (var e in write.Changes.Events)
            {
                _events.Run(new DealEventRecord
                {
                    DealId = deal.Id, At = e.At, By = e.By, Kind = e.Kind,
                    DetailsJson = System.Text.Json.JsonSerializer.Serialize(e.Details, DealData.Options),
                });
            }
        }
        transaction.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        _deals.Dispose();
        _clocks.Dispose();
        _events.Dispose();
        await _db.Database.CloseConnectionAsync();
        await _db.DisposeAsync();
    }

    private sealed class Insert<T> : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly List<(IProperty Property, SqliteParameter Parameter)> _columns = [];

        public Insert(IModel model, SqliteConnection connection)
        {
            var entity = model.FindEntityType(typeof(T))!;
            var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
            _command = connection.CreateCommand();
            _command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) "
                + $"VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < properties.Count; i++)
                _columns.Add((properties[i], _command.Parameters.Add(new SqliteParameter($"$p{i}", null))));
        }

        public void Use(DbTransaction transaction) => _command.Transaction = (SqliteTransaction)transaction;

        public void Run(T row)
        {
            foreach (var (property, parameter) in _columns)
            {
                var value = property.PropertyInfo!.GetValue(row);
                if (value is not null && property.GetTypeMapping().Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                parameter.Value = value ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
