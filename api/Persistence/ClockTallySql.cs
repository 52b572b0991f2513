namespace Crm.Api.Persistence;

/// <summary>
/// The SQL that keeps <see cref="ClockTallyRecord"/>s. Plain ANSI plus <c>ON CONFLICT … DO UPDATE</c>, which SQLite and
/// PostgreSQL both speak, so the store stays provider-neutral. Instants are Unix ticks; a day is 864,000,000,000 of them.
/// </summary>
internal static class ClockTallySql
{
    public const long TicksPerDay = 864_000_000_000;

    /// <summary>Adds to one tally row, creating it at zero first. Parameters: day, owner, workflow, regulation, stage, met, breached.</summary>
    public const string Increment = """
        INSERT INTO "ClockTallies" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
        ON CONFLICT ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId")
        DO UPDATE SET "Met" = "ClockTallies"."Met" + excluded."Met", "Breached" = "ClockTallies"."Breached" + excluded."Breached"
        """;

    /// <summary>Rebuilds every tally from the clocks: used by the migration that introduces them and by the benchmark's loader.</summary>
    public const string Rebuild = """
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
}
