using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    At = table.Column<long>(nullable: false),
                    ActorId = table.Column<string>(nullable: false),
                    Via = table.Column<string>(nullable: true),
                    EntityType = table.Column<string>(nullable: false),
                    EntityId = table.Column<string>(nullable: false),
                    ClientId = table.Column<string>(nullable: false),
                    Action = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditChanges",
                columns: table => new
                {
                    EntryId = table.Column<string>(nullable: false),
                    Ordinal = table.Column<int>(nullable: false),
                    Field = table.Column<string>(nullable: false),
                    Before = table.Column<string>(nullable: true),
                    After = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChanges", x => new { x.EntryId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_AuditChanges_AuditEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AuditEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_At",
                table: "AuditEntries",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At_Id",
                table: "AuditEntries",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ClientId_At",
                table: "AuditEntries",
                columns: new[] { "ClientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_At",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChanges");

            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
