using System.Data.Common;
using Crm.Api.Persistence;
using Crm.Engine.Compliance;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Api.Compliance;

/// <summary>
/// The reads behind compliance reports, in plain SQL over the partial covering indexes of <see cref="CrmDbContext"/>:
/// counts from the daily tallies for whole UTC days and from the clocks for the ragged ends, overruns per owner from
/// <c>IX_Clocks_OwnerBreaches</c> (index pages only), open breaches from <c>IX_Clocks_OpenBreaches</c>. Hand-written
/// because a quarter holds millions of clocks and EF's materializer costs more per row than SQLite does.
/// </summary>
internal sealed class ComplianceStore(CrmDbContext db)
{
    /// <summary>Met and breached clocks per key with the deciding instant in [from, to).</summary>
    public async Task<Dictionary<ClockKey, (long Met, long Breached)>> CountAsync(
        Instant from, Instant to, IReadOnlySet<string>? owners, string? workflowId, CancellationToken ct)
    {
        var counts = new Dictionary<ClockKey, (long Met, long Breached)>();
        var span = TallyDays.Split(from, to);
        if (span.HasWholeDays)
        {
            var sql = $"""
                SELECT "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached") FROM "ClockTallies"
                WHERE "Day" >= @a AND "Day" < @b{Filters("", owners, workflowId)}
                GROUP BY "OwnerId", "WorkflowId", "RegulationId", "StageId"
                """;
            await ReadAsync(sql, Parameters(span.FirstDay, span.EndDay, owners, workflowId), r =>
                Add(counts, Key(r), r.GetInt64(4), r.GetInt64(5)), ct);
        }
        foreach (var (a, b) in span.Edges)
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

    /// <summary>Final overruns of one owner's finished breaches with the deadline in [from, to), as ticks.</summary>
    public async Task<List<long>> FinishedOverrunsAsync(string ownerId, Instant from, Instant to, string? workflowId, CancellationToken ct)
    {
        var sql = $"""
            SELECT "OverrunTicks" FROM "Clocks"
            WHERE "OwnerId" = @o AND "BreachedAt" >= @a AND "BreachedAt" < @b AND "OverrunTicks" IS NOT NULL{(workflowId is null ? "" : " AND \"WorkflowId\" = @wf")}
            """;
        var overruns = new List<long>();
        var parameters = Parameters(from.ToUnixTimeTicks(), to.ToUnixTimeTicks(), null, workflowId);
        parameters.Add(("@o", ownerId));
        await ReadAsync(sql, parameters, r => overruns.Add(r.GetInt64(0)), ct);
        return overruns;
    }

    /// <summary>The same, with the key of each, for reports grouped by regulation.</summary>
    public async Task<List<(ClockKey Key, long Ticks)>> FinishedOverrunsByKeyAsync(string ownerId, Instant from, Instant to, string? workflowId, CancellationToken ct)
    {
        var sql = $"""
            SELECT "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), "OverrunTicks" FROM "Clocks"
            WHERE "OwnerId" = @o AND "BreachedAt" >= @a AND "BreachedAt" < @b AND "OverrunTicks" IS NOT NULL{(workflowId is null ? "" : " AND \"WorkflowId\" = @wf")}
            """;
        var overruns = new List<(ClockKey, long)>();
        var parameters = Parameters(from.ToUnixTimeTicks(), to.ToUnixTimeTicks(), null, workflowId);
        parameters.Add(("@o", ownerId));
        await ReadAsync(sql, parameters, r => overruns.Add((Key(r), r.GetInt64(4))), ct);
        return overruns;
    }

    /// <summary>Every breach still running now, of the given owners (everyone's when null).</summary>
    public async Task<List<OpenBreach>> OpenBreachesAsync(IReadOnlySet<string>? owners, string? workflowId, CancellationToken ct)
    {
        var sql = $"""
            SELECT c."OwnerId", c."WorkflowId", c."RegulationId", COALESCE(c."StageId", ''), c."BreachedAt", c."ConsumedTicks",
                   c."RunningSince", c."LimitTicks", d."WorkflowVersion"
            FROM "Clocks" AS c JOIN "Deals" AS d ON d."Id" = c."DealId"
            WHERE c."FinishedAt" IS NULL AND c."BreachedAt" IS NOT NULL AND c."OwnerId" IS NOT NULL{Filters("c.", owners, workflowId)}
            """;
        var open = new List<OpenBreach>();
        await ReadAsync(sql, Parameters(0, 0, owners, workflowId), r => open.Add(new OpenBreach(
            Key(r), Instant.FromUnixTimeTicks(r.GetInt64(4)), r.GetInt64(5),
            r.IsDBNull(6) ? null : Instant.FromUnixTimeTicks(r.GetInt64(6)), r.GetInt64(7), r.GetInt32(8))), ct);
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
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            row(reader);
    }
}
