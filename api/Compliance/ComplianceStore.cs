using System.Data.Common;
using System.Runtime.InteropServices;
using Crm.Api.Persistence;
using Crm.Engine.Clocks;
using Crm.Engine.Compliance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>
/// The reads behind compliance reports, in plain SQL: counts, overruns and late time held from the daily and block
/// tallies for whole UTC days and from the clocks for the ragged ends, open breaches from <c>IX_Clocks_OpenBreaches</c>.
/// Hand-written because a quarter's rows carry 300,000 overruns, and EF's materializer costs more per row than SQLite does.
/// </summary>
internal sealed class ComplianceStore(CrmDbContext db)
{
    /// <summary>Starts a read transaction: every query of one report then sees the same committed state, so a breach
    /// committed halfway through is either in all of its counts, overruns and open breaches or in none.</summary>
    public async Task<IAsyncDisposable> SnapshotAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        // Deferred on SQLite: a reader must not take the write lock (Microsoft.Data.Sqlite's default is BEGIN IMMEDIATE);
        // in WAL mode the snapshot is fixed at the first read and writers carry on. Elsewhere (PostgreSQL) READ COMMITTED
        // would take a new snapshot per statement: REPEATABLE READ keeps one for the whole report, and never blocks writers.
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        return transaction;
    }

    /// <summary>Met and breached clocks per key with the deciding instant in [from, to).</summary>
    public async Task<Dictionary<ClockKey, (long Met, long Breached)>> CountAsync(
        Instant from, Instant to, IReadOnlySet<string>? owners, string? workflowId, CancellationToken ct)
    {
        var counts = new CountsOnly();
        await TalliesAsync(from, to, owners, workflowId, counts, withOverruns: false, ct);
        foreach (var (key, _) in counts.Where(c => c.Value == (0, 0)).ToList())
            counts.Remove(key);
        return counts;
    }

    private sealed class CountsOnly : Dictionary<ClockKey, (long Met, long Breached)>, ITallySink
    {
        void ITallySink.Count(ClockKey key, long met, long breached) => ComplianceStore.Add(this, key, met, breached);

        void ITallySink.Overruns(ClockKey key, ReadOnlySpan<long> ticks, int sign)
        {
        }

        void ITallySink.LateHeld(ClockKey key, long ticks)
        {
        }
    }

    /// <summary>Met and breached clocks per key inside the given instants, counted from the clocks themselves.</summary>
    private async Task<Dictionary<ClockKey, (long Met, long Breached)>> CountAsync(
        IReadOnlyList<(Instant From, Instant To)> spans, IReadOnlySet<string>? owners, string? workflowId, CancellationToken ct)
    {
        var counts = new Dictionary<ClockKey, (long Met, long Breached)>();
        foreach (var (a, b) in spans)
        {
            var met = $"""
                SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), COUNT(*) FROM "Clocks"
                WHERE "State" = 'met' AND "FinishedAt" >= @a AND "FinishedAt" < @b AND "OwnerId" IS NOT NULL{Filters("", owners, workflowId)}
                GROUP BY "OwnerId", "WorkflowId", "RegulationId", "StageId"
                """;
            await ReadAsync(met, Parameters(a.ToUnixTimeTicks(), b.ToUnixTimeTicks(), owners, workflowId), r => Add(counts, Key(r), r.GetInt64(4), 0), ct);
            var breached = $"""
                SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), COUNT(*) FROM "Clocks"
                WHERE "BreachedAt" >= @a AND "BreachedAt" < @b AND "OwnerId" IS NOT NULL{Filters("", owners, workflowId)}
                GROUP BY "OwnerId", "WorkflowId", "RegulationId", "StageId"
                """;
            await ReadAsync(breached, Parameters(a.ToUnixTimeTicks(), b.ToUnixTimeTicks(), owners, workflowId), r => Add(counts, Key(r), 0, r.GetInt64(4)), ct);
        }
        return counts;
    }

    /// <summary>
    /// Everything the managers and regulations tables need for [from, to), per key: met and breached counts, the final
    /// overruns of finished breaches whose deadline fell inside, and who held those past their deadlines. Whole UTC days
    /// come from the tallies, in the fewest aligned blocks and days that cover them (<see cref="TallyBlocks"/>: a quarter
    /// is a few rows per key, however many clocks it holds), with the overruns alongside; the ragged ends from the clocks
    /// themselves, added or taken from their whole day (<see cref="TallySpan"/>). Without <paramref name="withOverruns"/>
    /// only counts are read.
    /// </summary>
    public async Task TalliesAsync(Instant from, Instant to, IReadOnlySet<string>? owners, string? workflowId,
        ITallySink sink, bool withOverruns, CancellationToken ct)
    {
        var span = TallyDays.Split(from, to);
        var overruns = withOverruns ? "\"Overruns\", \"LateHeldTicks\"" : "NULL, 0";
        var parsed = new List<long>();
        foreach (var run in TallyBlocks.Cover(span.FirstDay, span.EndDay))
        {
            var sql = run.Days == 1
                ? $"""
                    SELECT "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", {overruns} FROM "ClockTallies"
                    WHERE "Day" >= @a AND "Day" < @b{Filters("", owners, workflowId)}
                    """
                : $"""
                    SELECT "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", {overruns} FROM "ClockTallyBlocks"
                    WHERE "Days" = {run.Days} AND "Start" >= @a AND "Start" < @b{Filters("", owners, workflowId)}
                    """;
            await ReadAsync(sql, Parameters(run.From, run.To, owners, workflowId), r =>
            {
                var key = Key(r);
                sink.Count(key, r.GetInt64(4), r.GetInt64(5));
                if (!r.IsDBNull(6))
                {
                    OverrunList.Parse(r.GetString(6), parsed);
                    sink.Overruns(key, CollectionsMarshal.AsSpan(parsed), 1);
                }
                if (r.GetInt64(7) is var late and not 0)
                    sink.LateHeld(key, late);
            }, ct);
        }
        foreach (var (spans, sign) in new[] { (span.Edges, 1), (span.Excess, -1) })
        {
            foreach (var (key, (met, breached)) in await CountAsync(spans, owners, workflowId, ct))
                sink.Count(key, sign * met, sign * breached);
            if (withOverruns)
                await FinishedBreachesAsync(spans, owners, workflowId, sink, sign, ct);
        }
    }

    /// <summary>Overruns and late time held of the finished breaches inside the given instants, from the clocks themselves.
    /// As in the tallies, an overrun counts for the breach's owner and late time for each holder, so the owner filter
    /// applies to each of them in turn.</summary>
    private async Task FinishedBreachesAsync(IReadOnlyList<(Instant From, Instant To)> spans, IReadOnlySet<string>? owners, string? workflowId,
        ITallySink sink, int sign, CancellationToken ct)
    {
        foreach (var (a, b) in spans)
        {
            var sql = $"""
                SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), "OverrunTicks", "HandoversJson", "ConsumedTicks", "LimitTicks"
                FROM "Clocks"
                WHERE "BreachedAt" >= @a AND "BreachedAt" < @b AND "OverrunTicks" IS NOT NULL AND "OwnerId" IS NOT NULL{Filters("", null, workflowId)}
                """;
            await ReadAsync(sql, Parameters(a.ToUnixTimeTicks(), b.ToUnixTimeTicks(), null, workflowId), r =>
            {
                var key = Key(r);
                if (owners is null || owners.Contains(key.OwnerId))
                {
                    var ticks = r.GetInt64(4);
                    sink.Overruns(key, new ReadOnlySpan<long>(in ticks), sign);
                }
                var handovers = DealMapper.Handovers(r.IsDBNull(5) ? null : r.GetString(5), key.OwnerId);
                foreach (var holding in ClockHoldings.Of(handovers, Duration.FromTicks(r.GetInt64(6)), Duration.FromTicks(r.GetInt64(7))))
                {
                    if (holding.HolderId is { } holder && holding.OverrunHeld > Duration.Zero && (owners is null || owners.Contains(holder)))
                        sink.LateHeld(key with { OwnerId = holder }, sign * holding.OverrunHeld.BclCompatibleTicks);
                }
            }, ct);
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Every breach still running now, of the given owners (everyone's when null).</summary>
    public async Task<List<OpenBreach>> OpenBreachesAsync(IReadOnlySet<string>? owners, string? workflowId, CancellationToken ct)
    {
        var sql = $"""
            SELECT c."OwnerId", c."WorkflowId", c."RegulationId", COALESCE(c."StageId", ''), c."BreachedAt", c."ConsumedTicks",
                   c."RunningSince", c."LimitTicks", d."WorkflowVersion", c."HandoversJson"
            FROM "Clocks" AS c JOIN "Deals" AS d ON d."Id" = c."DealId"
            WHERE c."FinishedAt" IS NULL AND c."BreachedAt" IS NOT NULL AND c."OwnerId" IS NOT NULL{Filters("c.", owners, workflowId)}
            """;
        var open = new List<OpenBreach>();
        await ReadAsync(sql, Parameters(0, 0, owners, workflowId), r => open.Add(new OpenBreach(
            Key(r), Instant.FromUnixTimeTicks(r.GetInt64(4)), r.GetInt64(5),
            r.IsDBNull(6) ? null : Instant.FromUnixTimeTicks(r.GetInt64(6)), r.GetInt64(7), r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9))), ct);
        return open;
    }

    private static ClockKey Key(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    private static void Add(Dictionary<ClockKey, (long Met, long Breached)> counts, ClockKey key, long met, long breached)
    {
        var (m, b) = counts.GetValueOrDefault(key);
        counts[key] = (m + met, b + breached);
    }

    private static string Filters(string alias, IReadOnlySet<string>? owners, string? workflowId)
    {
        var sql = "";
        if (owners is not null)
            sql += owners.Count == 0 ? " AND 1 = 0" : $" AND {alias}\"OwnerId\" IN ({string.Join(", ", owners.Select((_, i) => $"@o{i}"))})";
        if (workflowId is not null)
            sql += $" AND {alias}\"WorkflowId\" = @wf";
        return sql;
    }

    private static List<(string Name, object Value)> Parameters(long a, long b, IReadOnlySet<string>? owners, string? workflowId)
    {
        var list = new List<(string, object)> { ("@a", a), ("@b", b) };
        if (owners is not null)
            list.AddRange(owners.Select((o, i) => ($"@o{i}", (object)o)));
        if (workflowId is not null)
            list.Add(("@wf", workflowId));
        return list;
    }

    private async Task ReadAsync(string sql, List<(string Name, object Value)> parameters, Action<DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
            AddParameter(command, name, value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            row(reader);
    }
}
