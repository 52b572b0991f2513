using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OverrunRows : Migration
    {
        // Migrations are history: the SQL below is this migration's own, never the product's. Each daily tally's comma
        // list becomes one row per overrun; the blocks' lists only repeated their days' and go without a copy.
        private const string SplitOverrunLists = """
            WITH RECURSIVE "Split" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Item", "Rest") AS (
                SELECT "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", '', "Overruns" || ','
                FROM "ClockTallies" WHERE "Overruns" IS NOT NULL AND "Overruns" <> ''
                UNION ALL
                SELECT "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId",
                       substr("Rest", 1, instr("Rest", ',') - 1), substr("Rest", instr("Rest", ',') + 1)
                FROM "Split" WHERE "Rest" <> ''
            )
            INSERT INTO "ClockTallyOverruns" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Ticks")
            SELECT "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", CAST("Item" AS INTEGER) FROM "Split" WHERE "Item" <> '';
            """;

        // Down: the lists again, each day's and each block's from the rows of its days.
        private const string JoinOverrunRows = """
            UPDATE "ClockTallies" SET "Overruns" = (
                SELECT string_agg(CAST(o."Ticks" AS TEXT), ',') FROM "ClockTallyOverruns" AS o
                WHERE o."Day" = "ClockTallies"."Day" AND o."OwnerId" = "ClockTallies"."OwnerId" AND o."WorkflowId" = "ClockTallies"."WorkflowId"
                  AND o."RegulationId" = "ClockTallies"."RegulationId" AND o."StageId" = "ClockTallies"."StageId");
            UPDATE "ClockTallyBlocks" SET "Overruns" = (
                SELECT string_agg(CAST(o."Ticks" AS TEXT), ',') FROM "ClockTallyOverruns" AS o
                WHERE o."Day" >= "ClockTallyBlocks"."Start" AND o."Day" < "ClockTallyBlocks"."Start" + "ClockTallyBlocks"."Days"
                  AND o."OwnerId" = "ClockTallyBlocks"."OwnerId" AND o."WorkflowId" = "ClockTallyBlocks"."WorkflowId"
                  AND o."RegulationId" = "ClockTallyBlocks"."RegulationId" AND o."StageId" = "ClockTallyBlocks"."StageId");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClockTallyOverruns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    WorkflowId = table.Column<string>(type: "TEXT", nullable: false),
                    RegulationId = table.Column<string>(type: "TEXT", nullable: false),
                    StageId = table.Column<string>(type: "TEXT", nullable: false),
                    Ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockTallyOverruns", x => x.Id);
                });

            migrationBuilder.Sql(SplitOverrunLists);

            migrationBuilder.CreateIndex(
                name: "IX_ClockTallyOverruns_Day_OwnerId_WorkflowId_RegulationId_StageId_Ticks",
                table: "ClockTallyOverruns",
                columns: new[] { "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Ticks" });

            // SQLite drops a plain column in place (3.35+); EF's DropColumn would rebuild both tables with foreign keys
            // switched off, outside the migration's transaction, which a start must not risk.
            migrationBuilder.Sql("""ALTER TABLE "ClockTallyBlocks" DROP COLUMN "Overruns";""");
            migrationBuilder.Sql("""ALTER TABLE "ClockTallies" DROP COLUMN "Overruns";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Overruns",
                table: "ClockTallyBlocks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Overruns",
                table: "ClockTallies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql(JoinOverrunRows);

            migrationBuilder.DropTable(
                name: "ClockTallyOverruns");
        }
    }
}
