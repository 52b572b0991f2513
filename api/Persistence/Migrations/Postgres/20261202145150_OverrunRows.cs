using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverrunRows : Migration
    {
        // Migrations are history: the SQL below is this migration's own, never the product's. Each daily tally's comma
        // list becomes one row per overrun; the blocks' lists only repeated their days' and go without a copy.
        private const string SplitOverrunLists = """
            INSERT INTO "ClockTallyOverruns" ("Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Ticks")
            SELECT t."Day", t."OwnerId", t."WorkflowId", t."RegulationId", t."StageId", CAST(o."Item" AS bigint)
            FROM "ClockTallies" AS t, unnest(string_to_array(t."Overruns", ',')) AS o ("Item")
            WHERE t."Overruns" IS NOT NULL AND o."Item" <> '';
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<long>(type: "bigint", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    WorkflowId = table.Column<string>(type: "text", nullable: false),
                    RegulationId = table.Column<string>(type: "text", nullable: false),
                    StageId = table.Column<string>(type: "text", nullable: false),
                    Ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockTallyOverruns", x => x.Id);
                });

            migrationBuilder.Sql(SplitOverrunLists);

            migrationBuilder.CreateIndex(
                name: "IX_ClockTallyOverruns_Day_OwnerId_WorkflowId_RegulationId_Stag~",
                table: "ClockTallyOverruns",
                columns: new[] { "Day", "OwnerId", "WorkflowId", "RegulationId", "StageId", "Ticks" });

            migrationBuilder.DropColumn(
                name: "Overruns",
                table: "ClockTallyBlocks");

            migrationBuilder.DropColumn(
                name: "Overruns",
                table: "ClockTallies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Overruns",
                table: "ClockTallyBlocks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Overruns",
                table: "ClockTallies",
                type: "text",
                nullable: true);

            migrationBuilder.Sql(JoinOverrunRows);

            migrationBuilder.DropTable(
                name: "ClockTallyOverruns");
        }
    }
}
