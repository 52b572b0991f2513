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
                SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId", COUNT(*) AS "Count" FROM "Clocks"
                WHERE "State" = 'met' AND "FinishedAt" >= @a AND "FinishedAt" < @b AND "OwnerId" IS NOT NULL{Filters("", owners, workflowId)}
                GROUP BY "OwnerId", "WorkflowId", "RegulationId", "StageId"
                """;
            await ReadAsync(met, Parameters(a.ToUnixTimeTicks(), b.ToUnixTimeTicks(), owners, workflowId), r =>
            {
                var (key, count) = (new KeyColumns(r), r.GetOrdinal("Count"));
                return r => Add(counts, key.Read(r), r.GetInt64(count), 0);
            }, ct);
            var breached = $"""
                SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId", COUNT(*) AS "Count" FROM "Clocks"
                WHERE "BreachedAt" >= @a AND "BreachedAt" < @b AND "OwnerId" IS NOT NULL{Filters("", owners, workflowId)}
                GROUP BY "OwnerId", "WorkflowId", "RegulationId", "StageId"
                """;
            await ReadAsync(breached, Parameters(a.ToUnixTimeTicks(), b.ToUnixTimeTicks(), owners, workflowId), r =>
            {
                var (key, count) = (new KeyColumns(r), r.GetOrdinal("Count"));
                return r => Add(counts, key.Read(r), 0, r.GetInt64(count));
            }, ct);
        }
        return counts;
    }

    /// <summary>
    /// Everything the managers and regulations tables need for [from, to), per key: met and breached counts, the final
    /// overruns of finished breaches whose deadline fell inside, and who held those past their deadlines. Whole UTC days
    /// come from the tallies, in the fewest aligned blocks and days that cover them (<see cref="TallyBlocks"/>: a quarter
    /// is a few rows per key, however many clocks it holds), and their overruns from the overrun rows of those days; the
    /// ragged ends from the clocks themselves, added or taken from their whole day (<see cref="TallySpan"/>). Without
    /// <paramref name="withOverruns"/> only counts are read.
    /// </summary>
    public async Task TalliesAsync(Instant from, Instant to, IReadOnlySet<string>? owners, string? workflowId,
        ITallySink sink, bool withOverruns, CancellationToken ct)
    {
        var span = TallyDays.Split(from, to);
        var late = withOverruns ? "\"LateHeldTicks\"" : "0 AS \"LateHeldTicks\"";
        foreach (var run in TallyBlocks.Cover(span.FirstDay, span.EndDay))
        {
            var sql = run.Days == 1
                ? $"""
                    SELECT "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", {late} FROM "ClockTallies"
                    WHERE "Day" >= @a AND "Day" < @b{Filters("", owners, workflowId)}
                    """
                : $"""
                    SELECT "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", {late} FROM "ClockTallyBlocks"
                    WHERE "Days" = {run.Days} AND "Start" >= @a AND "Start" < @b{Filters("", owners, workflowId)}
                    """;
            await ReadAsync(sql, Parameters(run.From, run.To, owners, workflowId), r =>
            {
                var key = new KeyColumns(r);
                var (met, breached, lateHeld) = (r.GetOrdinal("Met"), r.GetOrdinal("Breached"), r.GetOrdinal("LateHeldTicks"));
                return r =>
                {
                    var k = key.Read(r);
                    sink.Count(k, r.GetInt64(met), r.GetInt64(breached));
                    if (r.GetInt64(lateHeld) is var ticks and not 0)
                        sink.LateHeld(k, ticks);
                };
            }, ct);
        }
        if (withOverruns && span.HasWholeDays)
            await TalliedOverrunsAsync(span.FirstDay, span.EndDay, owners, workflowId, sink, ct);
        foreach (var (spans, sign) in new[] { (span.Edges, 1), (span.Excess, -1) })
        {
            foreach (var (key, (met, breached)) in await CountAsync(spans, owners, workflowId, ct))
                sink.Count(key, sign * met, sign * breached);
            if (withOverruns)
                await FinishedBreachesAsync(spans, owners, workflowId, sink, sign, ct);
        }
    }

    /// <summary>The overrun rows of the days [firstDay, endDay), one range of the covering index. Each key comes back once
    /// with its overruns joined into one text (<see cref="OverrunList"/>), so the database does the per-row work: grouped by
    /// day as well, most groups held one overrun, and the report took twice as long.</summary>
    private async Task TalliedOverrunsAsync(long firstDay, long endDay, IReadOnlySet<string>? owners, string? workflowId, ITallySink sink, CancellationToken ct)
    {
        var sql = $"""
            SELECT "OwnerId", "WorkflowId", "RegulationId", "StageId", string_agg(CAST("Ticks" AS TEXT), ',') AS "Overruns"
            FROM "ClockTallyOverruns"
            WHERE "Day" >= @a AND "Day" < @b{Filters("", owners, workflowId)}
            GROUP BY "OwnerId", "WorkflowId", "RegulationId", "StageId"
            """;
        var parsed = new List<long>();
        await ReadAsync(sql, Parameters(firstDay, endDay, owners, workflowId), r =>
        {
            var (key, overruns) = (new KeyColumns(r), r.GetOrdinal("Overruns"));
            return r =>
            {
                OverrunList.Parse(r.GetString(overruns), parsed);
                sink.Overruns(key.Read(r), CollectionsMarshal.AsSpan(parsed), 1);
            };
        }, ct);
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
                SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId", "OverrunTicks", "HandoversJson", "ConsumedTicks", "LimitTicks"
                FROM "Clocks"
                WHERE "BreachedAt" >= @a AND "BreachedAt" < @b AND "OverrunTicks" IS NOT NULL AND "OwnerId" IS NOT NULL{Filters("", null, workflowId)}
                """;
            await ReadAsync(sql, Parameters(a.ToUnixTimeTicks(), b.ToUnixTimeTicks(), null, workflowId), r =>
            {
                var columns = new KeyColumns(r);
                var overrun = r.GetOrdinal(nameof(ClockRecord.OverrunTicks));
                var handoversJson = r.GetOrdinal(nameof(ClockRecord.HandoversJson));
                var consumed = r.GetOrdinal(nameof(ClockRecord.ConsumedTicks));
                var limit = r.GetOrdinal(nameof(ClockRecord.LimitTicks));
                return r =>
                {
                    var key = columns.Read(r);
                    if (owners is null || owners.Contains(key.OwnerId))
                    {
                        var ticks = r.GetInt64(overrun);
                        sink.Overruns(key, new ReadOnlySpan<long>(in ticks), sign);
                    }
                    var handovers = DealMapper.Handovers(r.IsDBNull(handoversJson) ? null : r.GetString(handoversJson), key.OwnerId);
                    foreach (var holding in ClockHoldings.Of(handovers, Duration.FromTicks(r.GetInt64(consumed)), Duration.FromTicks(r.GetInt64(limit))))
                    {
                        if (holding.HolderId is { } holder && holding.OverrunHeld > Duration.Zero && (owners is null || owners.Contains(holder)))
                            sink.LateHeld(key with { OwnerId = holder }, sign * holding.OverrunHeld.BclCompatibleTicks);
                    }
                };
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
            SELECT c."OwnerId", c."WorkflowId", c."RegulationId", COALESCE(c."StageId", '') AS "StageId", c."BreachedAt", c."ConsumedTicks",
                   c."RunningSince", c."LimitTicks", d."WorkflowVersion", c."HandoversJson"
            FROM "Clocks" AS c JOIN "Deals" AS d ON d."Id" = c."DealId"
            WHERE c."FinishedAt" IS NULL AND c."BreachedAt" IS NOT NULL AND c."OwnerId" IS NOT NULL{Filters("c.", owners, workflowId)}
            """;
        var open = new List<OpenBreach>();
        await ReadAsync(sql, Parameters(0, 0, owners, workflowId), r =>
        {
            var key = new KeyColumns(r);
            var breachedAt = r.GetOrdinal(nameof(ClockRecord.BreachedAt));
            var consumed = r.GetOrdinal(nameof(ClockRecord.ConsumedTicks));
            var runningSince = r.GetOrdinal(nameof(ClockRecord.RunningSince));
            var limit = r.GetOrdinal(nameof(ClockRecord.LimitTicks));
            var version = r.GetOrdinal(nameof(DealRecord.WorkflowVersion));
            var handovers = r.GetOrdinal(nameof(ClockRecord.HandoversJson));
            return r => open.Add(new OpenBreach(
                key.Read(r), Instant.FromUnixTimeTicks(r.GetInt64(breachedAt)), r.GetInt64(consumed),
                r.IsDBNull(runningSince) ? null : Instant.FromUnixTimeTicks(r.GetInt64(runningSince)), r.GetInt64(limit),
                r.GetInt32(version), r.IsDBNull(handovers) ? null : r.GetString(handovers)));
        }, ct);
        return open;
    }

    /// <summary>The four columns of a <see cref="ClockKey"/>, found by name once per result set.</summary>
    private readonly struct KeyColumns(DbDataReader reader)
    {
        private readonly int _owner = reader.GetOrdinal(nameof(ClockKey.OwnerId));
        private readonly int _workflow = reader.GetOrdinal(nameof(ClockKey.WorkflowId));
        private readonly int _regulation = reader.GetOrdinal(nameof(ClockKey.RegulationId));
        private readonly int _stage = reader.GetOrdinal(nameof(ClockKey.StageId));

        public ClockKey Read(DbDataReader r) => new(r.GetString(_owner), r.GetString(_workflow), r.GetString(_regulation), r.GetString(_stage));
    }

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

    /// <summary>Runs a query; <paramref name="columns"/> finds the result's columns by name once, and gives what reads each row.</summary>
    private async Task ReadAsync(string sql, List<(string Name, object Value)> parameters, Func<DbDataReader, Action<DbDataReader>> columns, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
            AddParameter(command, name, value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = columns(reader);
        while (await reader.ReadAsync(ct))
            row(reader);
    }
}
