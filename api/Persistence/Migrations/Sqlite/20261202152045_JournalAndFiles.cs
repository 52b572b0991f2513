using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalAndFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EditedAt",
                table: "Interactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Interactions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Journal",
                table: "Interactions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revisions",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleId",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DealId = table.Column<string>(type: "TEXT", nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InteractionRevisions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    InteractionId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    InteractionAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionRevisions", x => x.Id);
                });

            // Entries written before numbering existed: numbered per deal (per client for entries on a client alone) in the
            // order they were written, so the unique index below holds from the start.
            migrationBuilder.Sql("""
                UPDATE "Interactions" SET "Journal" = COALESCE("DealId", 'client:' || COALESCE("ClientId", ''));
                """);
            migrationBuilder.Sql("""
                UPDATE "Interactions" SET "Number" = (
                    SELECT COUNT(*) FROM "Interactions" AS e
                    WHERE e."Journal" = "Interactions"."Journal"
                      AND (e."CreatedAt" < "Interactions"."CreatedAt" OR (e."CreatedAt" = "Interactions"."CreatedAt" AND e."Id" <= "Interactions"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Journal_Number",
                table: "Interactions",
                columns: new[] { "Journal", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ResponsibleId",
                table: "Clients",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_ClientId",
                table: "Files",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_DealId",
                table: "Files",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionRevisions_InteractionId",
                table: "InteractionRevisions",
                column: "InteractionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "InteractionRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_Journal_Number",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Clients_ResponsibleId",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "Journal",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "Revisions",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "ResponsibleId",
                table: "Clients");
        }
    }
}
