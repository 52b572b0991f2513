using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        // Migrations are history: this is the SQL the migration ran when it was written (ClockTallySql.Rebuild of
        // 05a5a7b), kept here so that later edits of the product's SQL never change what an old database is migrated with.
        // Both providers run the same text.
        private const string CountTalliesFromClocks = """
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

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clocks_OwnerId_BreachedAt",
                table: "Clocks");

            migrationBuilder.CreateTable(
                name: "ClockTallies",
                columns: table => new
                {
                    Day = table.Column<long>(nullable: false),
                    OwnerId = table.Column<string>(nullable: false),
                    WorkflowId = table.Column<string>(nullable: false),
                    RegulationId = table.Column<string>(nullable: false),
                    StageId = table.Column<string>(nullable: false),
                    Met = table.Column<long>(nullable: false),
                    Breached = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockTallies", x => new { x.Day, x.OwnerId, x.WorkflowId, x.RegulationId, x.StageId });
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    ManagerId = table.Column<string>(nullable: false),
                    Metric = table.Column<string>(nullable: false),
                    From = table.Column<long>(nullable: false),
                    To = table.Column<long>(nullable: false),
                    Target = table.Column<int>(nullable: false),
                    SetBy = table.Column<string>(nullable: true),
                    UpdatedAt = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealEvents_By_Kind_At",
                table: "DealEvents",
                columns: new[] { "By", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_Breaches",
                table: "Clocks",
                columns: new[] { "BreachedAt", "OwnerId", "WorkflowId", "RegulationId", "StageId" },
                filter: "\"BreachedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_Met",
                table: "Clocks",
                columns: new[] { "FinishedAt", "OwnerId", "WorkflowId", "RegulationId", "StageId", "State" },
                filter: "\"State\" = 'met'");

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_OpenBreaches",
                table: "Clocks",
                column: "OwnerId",
                filter: "\"FinishedAt\" IS NULL AND \"BreachedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_OwnerBreaches",
                table: "Clocks",
                columns: new[] { "OwnerId", "BreachedAt", "OverrunTicks", "WorkflowId", "RegulationId", "StageId" },
                filter: "\"BreachedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ClockTallies_Owner",
                table: "ClockTallies",
                columns: new[] { "OwnerId", "Day", "WorkflowId", "Met", "Breached" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ManagerId_Metric_From_To",
                table: "Plans",
                columns: new[] { "ManagerId", "Metric", "From", "To" },
                unique: true);

            // Clocks met or breached before this version have no tallies yet: count them once from the clocks.
            migrationBuilder.Sql(CountTalliesFromClocks);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClockTallies");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_DealEvents_By_Kind_At",
                table: "DealEvents");

            migrationBuilder.DropIndex(
                name: "IX_Clocks_Breaches",
                table: "Clocks");

            migrationBuilder.DropIndex(
                name: "IX_Clocks_Met",
                table: "Clocks");

            migrationBuilder.DropIndex(
                name: "IX_Clocks_OpenBreaches",
                table: "Clocks");

            migrationBuilder.DropIndex(
                name: "IX_Clocks_OwnerBreaches",
                table: "Clocks");

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_OwnerId_BreachedAt",
                table: "Clocks",
                columns: new[] { "OwnerId", "BreachedAt" });
        }
    }
}
