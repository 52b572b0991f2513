using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceBreakdown : Migration
    {
        // Migrations are history: this is the SQL the migration ran when it was written (ClockTallySql.FillOverruns and
        // RebuildBlocks of e5a9ddd, blocks of 64 and 8 days), kept here so that later edits of the product's SQL or block
        // sizes never change what an old database is migrated with. Both providers run the same text.
        private const string FillOverrunsFromClocks = """
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

        private const string BuildBlocksFromDays = """
            DELETE FROM "ClockTallyBlocks";
            INSERT INTO "ClockTallyBlocks" ("Days", "Start", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "Overruns", "LateHeldTicks")
            SELECT 64, CASE WHEN "Day" >= 0 THEN "Day" / 64 * 64 ELSE ("Day" - 63) / 64 * 64 END, "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached"), string_agg("Overruns", ','), SUM("LateHeldTicks")
            FROM "ClockTallies" GROUP BY CASE WHEN "Day" >= 0 THEN "Day" / 64 * 64 ELSE ("Day" - 63) / 64 * 64 END, "OwnerId", "WorkflowId", "RegulationId", "StageId";
            INSERT INTO "ClockTallyBlocks" ("Days", "Start", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Met", "Breached", "Overruns", "LateHeldTicks")
            SELECT 8, CASE WHEN "Day" >= 0 THEN "Day" / 8 * 8 ELSE ("Day" - 7) / 8 * 8 END, "OwnerId", "WorkflowId", "RegulationId", "StageId", SUM("Met"), SUM("Breached"), string_agg("Overruns", ','), SUM("LateHeldTicks")
            FROM "ClockTallies" GROUP BY CASE WHEN "Day" >= 0 THEN "Day" / 8 * 8 ELSE ("Day" - 7) / 8 * 8 END, "OwnerId", "WorkflowId", "RegulationId", "StageId";

            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClockTallies_Owner",
                table: "ClockTallies");

            migrationBuilder.AddColumn<string>(
                name: "HandoversJson",
                table: "Clocks",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LateHeldTicks",
                table: "ClockTallies",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Overruns",
                table: "ClockTallies",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClockTallyBlocks",
                columns: table => new
                {
                    Days = table.Column<int>(nullable: false),
                    Start = table.Column<long>(nullable: false),
                    OwnerId = table.Column<string>(nullable: false),
                    WorkflowId = table.Column<string>(nullable: false),
                    RegulationId = table.Column<string>(nullable: false),
                    StageId = table.Column<string>(nullable: false),
                    Met = table.Column<long>(nullable: false),
                    Breached = table.Column<long>(nullable: false),
                    Overruns = table.Column<string>(nullable: true),
                    LateHeldTicks = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockTallyBlocks", x => new { x.Days, x.Start, x.OwnerId, x.WorkflowId, x.RegulationId, x.StageId });
                });

            // Breaches finished before this version get their overruns (and, lacking holdings, their owner's late time
            // held) from the clocks, and the blocks from the days, once.
            migrationBuilder.Sql(FillOverrunsFromClocks);
            migrationBuilder.Sql(BuildBlocksFromDays);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClockTallyBlocks");

            migrationBuilder.DropColumn(
                name: "HandoversJson",
                table: "Clocks");

            migrationBuilder.DropColumn(
                name: "LateHeldTicks",
                table: "ClockTallies");

            migrationBuilder.DropColumn(
                name: "Overruns",
                table: "ClockTallies");

            migrationBuilder.CreateIndex(
                name: "IX_ClockTallies_Owner",
                table: "ClockTallies",
                columns: new[] { "OwnerId", "Day", "WorkflowId", "Met", "Breached" });
        }
    }
}
