namespace Crm.Api.Persistence;

/// <summary>
/// The SQL that keeps <see cref="ClockTallyRecord"/>s. Plain ANSI plus <c>ON CONFLICT … DO UPDATE</c>, <c>UPDATE … FROM</c>
/// and <c>string_agg</c>, which SQLite (3.44+) and PostgreSQL all speak, so the store stays provider-neutral. Instants are
/// Unix ticks; a day is 864,000,000,000 of them.
/// </summary>
internal static class ClockTallySql
{
    public const long TicksPerDay = 864_000_000_000;

    /// <summary>Adds to one daily tally, creating it at zero first. Parameters: day, owner, workflow, regulation, stage,
    /// met, breached, overruns (a comma-separated list to append, or null), late time held.</summary>
    public static readonly string Increment = Upsert("ClockTallies", ["Day"]);

    /// <summary>The same for one block of days. Parameters: days, start, then as <see cref="Increment"/>.</summary>
    public static readonly string IncrementBlock = Upsert("ClockTallyBlocks", ["Days", "Start"]);

    /// <summary>Counts and late time add up; overrun lists are appended to (either side may still be null).</summary>
    private static string Upsert(string table, string[] lead)
    {
        string[] key = [.. lead, "OwnerId", "WorkflowId", "RegulationId", "StageId"];
        string[] columns = [.. key, "Met", "Breached", "Overruns", "LateHeldTicks"];
        static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
        return $"""
            INSERT INTO "{table}" ({Quoted(columns)})
            VALUES ({string.Join(", ", columns.Select((_, i) => $"{{{i}}}"))})
            ON CONFLICT ({Quoted(key)})
            DO UPDATE SET "Met" = "{table}"."Met" + excluded."Met", "Breached" = "{table}"."Breached" + excluded."Breached",
                "LateHeldTicks" = "{table}"."LateHeldTicks" + excluded."LateHeldTicks",
                "Overruns" = CASE WHEN excluded."Overruns" IS NULL THEN "{table}"."Overruns"
                                  WHEN "{table}"."Overruns" IS NULL THEN excluded."Overruns"
                                  ELSE "{table}"."Overruns" || ',' || excluded."Overruns" END
            """;
    }

    /// <summary>Rebuilds every block from the daily tallies (after <see cref="FillOverruns"/>): used by the benchmark's
    /// loader and tests (the migration that introduced them carries its own copy, as migrations must). Integer division truncates towards zero in both databases,
    /// so days before 1970 are floored by hand.</summary>
    public static string RebuildBlocks => "DELETE FROM \"ClockTallyBlocks\";\n" + string.Concat(Engine.Compliance.TallyBlocks.Sizes.Select(size =>
    {
        var start = $"CASE WHEN \"Day\" >= 0 THEN \"Day\" / {size} * {size} ELSE (\"Day\" - {size - 1}) / {size} * {size} END";
        return $"""
            INSERT INTO "ClockTallyBlocks" ("Days", "Start", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "Overruns", "LateHeldTicks")
            SELECT {size}, {start}, "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached"), string_agg("Overruns", ','), SUM("LateHeldTicks")
            FROM "ClockTallies" GROUP BY {start}, "OwnerId", "WorkflowId", "RegulationId", "StageId";

            """;
    }));

    /// <summary>Rebuilds every tally's counts from the clocks: followed by <see cref="FillOverruns"/>, used by the
    /// benchmark's loader and tests (the migrations that introduced them carry their own copies).</summary>
    public const string RebuildCounts = """
        DELETE FROM "ClockTallies";
        INSERT INTO "ClockTallies" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached")
        SELECT "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached") FROM (
            SELECT "FinishedAt" / 864000000000 AS "Day", "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId",
                   1 AS "Met", 0 AS "Breached"
            FROM "Clocks" WHERE "State" = 'met' AND "OwnerId" IS NOT NULL AND "FinishedAt" IS NOT NULL
            UNION ALL
            SELECT "BreachedAt" / 864000000000, "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), 0, 1
            FROM "Clocks" WHERE "BreachedAt" IS NOT NULL AND "OwnerId" IS NOT NULL
        ) AS "Settled"
        GROUP BY "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId";
        """;

    /// <summary>Sets every tally's overruns from its finished breaches, and its late time held as if each breach's owner
    /// had held it throughout (clocks stored before holdings were kept have nothing better): used by the benchmark's
    /// loader and tests. Every breach already has its tally row (<see cref="RebuildCounts"/>
    /// made them).</summary>
    public const string FillOverruns = """
        UPDATE "ClockTallies" SET "Overruns" = "Finished"."List", "LateHeldTicks" = "Finished"."Late" FROM (
            SELECT "BreachedAt" / 864000000000 AS "Day", "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId",
                   string_agg(CAST("OverrunTicks" AS TEXT), ',') AS "List", SUM("OverrunTicks") AS "Late"
            FROM "Clocks" WHERE "BreachedAt" IS NOT NULL AND "OwnerId" IS NOT NULL AND "OverrunTicks" IS NOT NULL
            GROUP BY "BreachedAt" / 864000000000, "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '')
        ) AS "Finished"
        WHERE "ClockTallies"."Day" = "Finished"."Day" AND "ClockTallies"."OwnerId" = "Finished"."OwnerId"
          AND "ClockTallies"."WorkflowId" = "Finished"."WorkflowId" AND "ClockTallies"."RegulationId" = "Finished"."RegulationId"
          AND "ClockTallies"."StageId" = "Finished"."StageId";
        """;
}
