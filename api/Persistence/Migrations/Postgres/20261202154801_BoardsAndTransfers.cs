using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardsAndTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_Board",
                table: "Deals",
                columns: new[] { "WorkflowId", "State", "StageId", "UpdatedAt", "Id", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_BoardByOwner",
                table: "Deals",
                columns: new[] { "WorkflowId", "OwnerId", "State", "StageId", "UpdatedAt", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_BoardBySource",
                table: "Deals",
                columns: new[] { "WorkflowId", "Source", "State", "StageId", "UpdatedAt", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_OpenBreachDeals",
                table: "Clocks",
                column: "DealId",
                filter: "\"FinishedAt\" IS NULL AND \"BreachedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_Board",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_BoardByOwner",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_BoardBySource",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Clocks_OpenBreachDeals",
                table: "Clocks");
        }
    }
}
