namespace Crm.Api.Persistence;

/// <summary>
/// The SQL that keeps <see cref="ClockTallyRecord"/>s. Plain ANSI plus <c>ON CONFLICT … DO UPDATE</c> and
/// <c>UPDATE … FROM</c>, which SQLite (3.35+) and PostgreSQL both speak. Instants are Unix ticks; a day is
/// 864,000,000,000 of them. Overruns are rows of their own (<see cref="ClockTallyOverrunRecord"/>), only ever inserted.
/// </summary>
internal static class ClockTallySql
{
    public const long TicksPerDay = 864_000_000_000;

    /// <summary>Adds to one daily tally, creating it at zero first. Parameters: day, owner, workflow, regulation, stage,
    /// met, breached, late time held.</summary>
    public static readonly string Increment = Upsert("ClockTallies", ["Day"]);

    /// <summary>The same for one block of days. Parameters: days, start, then as <see cref="Increment"/>.</summary>
    public static readonly string IncrementBlock = Upsert("ClockTallyBlocks", ["Days", "Start"]);

    /// <summary>The overrun rows' table, for the store's multi-row insert.</summary>
    public static readonly TableShape<ClockTallyOverrunRecord> Overruns = new("ClockTallyOverruns",
    [
        new(nameof(ClockTallyOverrunRecord.Day), o => o.Day),
        new(nameof(ClockTallyOverrunRecord.OwnerId), o => o.OwnerId),
        new(nameof(ClockTallyOverrunRecord.WorkflowId), o => o.WorkflowId),
        new(nameof(ClockTallyOverrunRecord.RegulationId), o => o.RegulationId),
        new(nameof(ClockTallyOverrunRecord.StageId), o => o.StageId),
        new(nameof(ClockTallyOverrunRecord.Ticks), o => o.Ticks),
    ]);

    /// <summary>Counts and late time add up.</summary>
    private static string Upsert(string table, string[] lead)
    {
        string[] key = [.. lead, "OwnerId", "WorkflowId", "RegulationId", "StageId"];
        string[] columns = [.. key, "Met", "Breached", "LateHeldTicks"];
        static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
        return $"""
            INSERT INTO "{table}" ({Quoted(columns)})
            VALUES ({string.Join(", ", columns.Select((_, i) => $"{{{i}}}"))})
            ON CONFLICT ({Quoted(key)})
            DO UPDATE SET "Met" = "{table}"."Met" + excluded."Met", "Breached" = "{table}"."Breached" + excluded."Breached",
                "LateHeldTicks" = "{table}"."LateHeldTicks" + excluded."LateHeldTicks"
            """;
    }

    /// <summary>Rebuilds every block from the daily tallies (after <see cref="FillOverruns"/>): used by the benchmark's
    /// loader and tests (the migration that introduced them carries its own copy, as migrations must). Integer division truncates towards zero in both databases,
    /// so days before 1970 are floored by hand.</summary>
    public static string RebuildBlocks => "DELETE FROM \"ClockTallyBlocks\";\n" + string.Concat(TallyBlocks.Sizes.Select(size =>
    {
        var start = $"CASE WHEN \"Day\" >= 0 THEN \"Day\" / {size} * {size} ELSE (\"Day\" - {size - 1}) / {size} * {size} END";
        return $"""
            INSERT INTO "ClockTallyBlocks" ("Days", "Start", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "LateHeldTicks")
            SELECT {size}, {start}, "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached"), SUM("LateHeldTicks")
            FROM "ClockTallies" GROUP BY {start}, "OwnerId", "WorkflowId", "RegulationId", "StageId";

            """;
    }));

    /// <summary>Rebuilds every tally's counts from the clocks: followed by <see cref="FillOverruns"/>, used by the
    /// benchmark's loader and tests (the migrations that introduced them carry their own copies).</summary>
    public const string RebuildCounts = """
        DELETE FROM "ClockTallies";
        INSERT INTO "ClockTallies" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "LateHeldTicks")
        SELECT "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached"), 0 FROM (
            SELECT "FinishedAt" / 864000000000 AS "Day", "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId",
                   1 AS "Met", 0 AS "Breached"
            FROM "Clocks" WHERE "State" = 'met' AND "OwnerId" IS NOT NULL AND "FinishedAt" IS NOT NULL
            UNION ALL
            SELECT "BreachedAt" / 864000000000, "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), 0, 1
            FROM "Clocks" WHERE "BreachedAt" IS NOT NULL AND "OwnerId" IS NOT NULL
        ) AS "Settled"
        GROUP BY "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId";
        """;

    /// <summary>Writes an overrun row for every finished breach and sets every tally's late time held as if each breach's
    /// owner had held it throughout (clocks stored before holdings were kept have nothing better): used by the benchmark's
    /// loader and tests. Every breach already has its tally row (<see cref="RebuildCounts"/> made them).</summary>
    public const string FillOverruns = """
        DELETE FROM "ClockTallyOverruns";
        INSERT INTO "ClockTallyOverruns" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Ticks")
        SELECT "BreachedAt" / 864000000000, "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", ''), "OverrunTicks"
        FROM "Clocks" WHERE "BreachedAt" IS NOT NULL AND "OwnerId" IS NOT NULL AND "OverrunTicks" IS NOT NULL;
        UPDATE "ClockTallies" SET "LateHeldTicks" = "Finished"."Late" FROM (
            SELECT "BreachedAt" / 864000000000 AS "Day", "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '') AS "StageId",
                   SUM("OverrunTicks") AS "Late"
            FROM "Clocks" WHERE "BreachedAt" IS NOT NULL AND "OwnerId" IS NOT NULL AND "OverrunTicks" IS NOT NULL
            GROUP BY "BreachedAt" / 864000000000, "OwnerId", "WorkflowId", "RegulationId", COALESCE("StageId", '')
        ) AS "Finished"
        WHERE "ClockTallies"."Day" = "Finished"."Day" AND "ClockTallies"."OwnerId" = "Finished"."OwnerId"
          AND "ClockTallies"."WorkflowId" = "Finished"."WorkflowId" AND "ClockTallies"."RegulationId" = "Finished"."RegulationId"
          AND "ClockTallies"."StageId" = "Finished"."StageId";
        """;
}
