using System.Diagnostics;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Crm.Benchmarks.Compliance;

/// <summary>
/// Fills a real SQLite file with a year of regulation clocks for 200 managers in 20 teams: four regulations (three on
/// stages, one funnel-level), about 85% met, 12% breached (overruns of a minute to eight hours), 3% cancelled, and the
/// breaches of the year's last day still open. Four clocks per deal. Rows go in with prepared commands, 100,000 per
/// transaction, synchronous=OFF; the schema and indexes are the product's own (its EF migrations).
/// </summary>
internal static class ComplianceDataGenerator
{
    public const int Managers = 200;
    public const int ManagersPerTeam = 10;
    public static readonly Instant YearStart = Instant.FromUtc(2027, 1, 1, 0, 0);
    public static readonly Instant YearEnd = Instant.FromUtc(2028, 1, 1, 0, 0);
    private static readonly (string Regulation, string? Stage, Duration Limit)[] Regulations =
    [
        ("qualify", "qualify", Duration.FromHours(1)),
        ("offer", "offer", Duration.FromHours(4)),
        ("contract", "contract", Duration.FromHours(8)),
        ("offer-to-contract", null, Duration.FromHours(24)),
    ];

    public static string ManagerId(int i) => $"m{i:D3}";

    public static async Task FillAsync(string connectionString, long clocks)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;");
        SeedPeople(connection);

        var random = new Random(2027);
        var deals = clocks / Regulations.Length;
        var yearTicks = (YearEnd - YearStart).BclCompatibleTicks;
        using var insertDeal = Prepare(connection, """
            INSERT INTO "Deals" ("Id", "Title", "WorkflowId", "WorkflowVersion", "StageId", "State", "OwnerId", "TeamId", "Data", "CreatedAt", "UpdatedAt", "Version")
            VALUES (@id, @title, 'bench', 1, 'contract', 'won', @owner, @team, '{}', @at, @at, 1)
            """, "@id", "@title", "@owner", "@team", "@at");
        using var insertClock = Prepare(connection, """
            INSERT INTO "Clocks" ("Id", "DealId", "WorkflowId", "RegulationId", "Name", "StageId", "State", "StartedAt", "LimitTicks",
                "ConsumedTicks", "RunningSince", "DueAt", "BreachedAt", "EscalationsRaised", "FinishedAt", "OwnerId", "OverrunTicks")
            VALUES (@id, @deal, 'bench', @regulation, @name, @stage, @state, @started, @limit, @consumed, @running, @due, @breached, 0, @finished, @owner, @overrun)
            """, "@id", "@deal", "@regulation", "@name", "@stage", "@state", "@started", "@limit", "@consumed", "@running", "@due", "@breached", "@finished", "@owner", "@overrun");

        var transaction = connection.BeginTransaction();
        for (long d = 0; d < deals; d++)
        {
            // Deals in time order, so primary keys and the instant-led indexes grow at their ends.
            var created = YearStart + Duration.FromTicks((long)((double)yearTicks * d / deals));
            var owner = ManagerId(random.Next(Managers));
            var dealId = $"d{d:D9}";
            Run(insertDeal, transaction, dealId, $"Deal {d}", owner, $"t{int.Parse(owner[1..]) / ManagersPerTeam:D2}", created.ToUnixTimeTicks());
            var at = created;
            for (var r = 0; r < Regulations.Length; r++)
            {
                var (regulation, stage, limit) = Regulations[r];
                var roll = random.NextDouble();
                var due = at + limit;
                var (state, breachedAt, finishedAt, overrun) = roll switch
                {
                    < 0.85 => ("met", (Instant?)null, (Instant?)(at + Duration.FromTicks((long)(limit.BclCompatibleTicks * random.NextDouble()))), 0L),
                    < 0.97 => Breach(random, due),
                    _ => ("cancelled", null, at + Duration.FromMinutes(5), 0L),
                };
                var open = state == "breached" && finishedAt >= YearEnd;
                var consumed = state switch
                {
                    "met" or "cancelled" => (finishedAt!.Value - at).BclCompatibleTicks,
                    _ => limit.BclCompatibleTicks + (open ? 0 : overrun),
                };
                object overrunValue = open ? DBNull.Value : overrun;
                Run(insertClock, transaction, $"c{d:D9}{r}", dealId, regulation, regulation, (object?)stage ?? DBNull.Value, state,
                    at.ToUnixTimeTicks(), limit.BclCompatibleTicks, consumed, open ? due.ToUnixTimeTicks() : DBNull.Value,
                    due.ToUnixTimeTicks(), breachedAt is { } b ? b.ToUnixTimeTicks() : DBNull.Value,
                    open ? DBNull.Value : finishedAt!.Value.ToUnixTimeTicks(), owner, overrunValue);
                at = finishedAt ?? at;
            }
            if ((d + 1) % 25_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                if ((d + 1) % 250_000 == 0)
                    Console.WriteLine($"  {(d + 1) * Regulations.Length:N0} clocks, {stopwatch.Elapsed.TotalSeconds:0} s");
            }
        }
        transaction.Commit();
        transaction.Dispose();
        Console.WriteLine($"  clocks written in {stopwatch.Elapsed.TotalSeconds:0} s; building the daily tallies…");
        Execute(connection, ClockTallySql.RebuildCounts);
        Execute(connection, ClockTallySql.FillOverruns);
        Execute(connection, ClockTallySql.RebuildBlocks);
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  done in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static (string, Instant?, Instant?, long) Breach(Random random, Instant due)
    {
        var overrun = Duration.FromMinutes(1 + random.Next(8 * 60));
        return ("breached", due, due + overrun, overrun.BclCompatibleTicks);
    }

    private static void SeedPeople(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        for (var t = 0; t < Managers / ManagersPerTeam; t++)
        {
            Execute(connection, $"""INSERT INTO "Teams" ("Id", "Name", "HeadId", "RotationCursor", "Version") VALUES ('t{t:D2}', 'Team {t}', 'h{t:D2}', 0, 1)""", transaction);
            Execute(connection, $"""INSERT INTO "Users" ("Id", "Email", "Name", "Role", "TeamId", "PasswordHash", "Active", "Version") VALUES ('h{t:D2}', 'h{t:D2}@bench', 'Head {t}', 'head', 't{t:D2}', '-', 1, 1)""", transaction);
        }
        Execute(connection, """INSERT INTO "Users" ("Id", "Email", "Name", "Role", "TeamId", "PasswordHash", "Active", "Version") VALUES ('admin', 'admin@bench', 'Admin', 'admin', NULL, '-', 1, 1)""", transaction);
        for (var m = 0; m < Managers; m++)
        {
            Execute(connection, $"""INSERT INTO "Users" ("Id", "Email", "Name", "Role", "TeamId", "PasswordHash", "Active", "Version") VALUES ('{ManagerId(m)}', '{ManagerId(m)}@bench', 'Manager {m:D3}', 'manager', 't{m / ManagersPerTeam:D2}', '-', 1, 1)""", transaction);
        }
        transaction.Commit();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
