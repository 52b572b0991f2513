using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceBreakdown : Migration
    {
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
            migrationBuilder.Sql(ClockTallySql.FillOverruns);
            migrationBuilder.Sql(ClockTallySql.RebuildBlocks);
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
