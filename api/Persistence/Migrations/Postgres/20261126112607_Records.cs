using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientId",
                table: "Deals",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Deals",
                nullable: true);

            // Deals opened before search existed become findable by their title, client and contact at once.
            migrationBuilder.Sql("UPDATE \"Deals\" SET \"SearchText\" = lower(trim(\"Title\" || ' ' || coalesce(\"ClientName\", '') || ' ' || coalesce(\"ContactName\", '')));");

            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    NameKey = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Source = table.Column<string>(nullable: true),
                    Segments = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<long>(nullable: false),
                    UpdatedAt = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    DealId = table.Column<string>(nullable: true),
                    ClientId = table.Column<string>(nullable: true),
                    ContactId = table.Column<string>(nullable: true),
                    Kind = table.Column<string>(nullable: false),
                    At = table.Column<long>(nullable: false),
                    Text = table.Column<string>(nullable: false),
                    Topic = table.Column<string>(nullable: true),
                    Result = table.Column<string>(nullable: true),
                    By = table.Column<string>(nullable: true),
                    SearchText = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    ClientId = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    NameKey = table.Column<string>(nullable: true),
                    Position = table.Column<string>(nullable: true),
                    Phones = table.Column<string>(nullable: false),
                    Emails = table.Column<string>(nullable: false),
                    Birthday = table.Column<string>(nullable: true),
                    EmailKeys = table.Column<string>(nullable: false),
                    PhoneKeys = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<long>(nullable: false),
                    UpdatedAt = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ClientId",
                table: "Deals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NameKey",
                table: "Clients",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ClientId",
                table: "Contacts",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ClientId_At",
                table: "Interactions",
                columns: new[] { "ClientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_DealId_At",
                table: "Interactions",
                columns: new[] { "DealId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Interactions");

            migrationBuilder.DropTable(
                name: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Deals_ClientId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Deals");
        }
    }
}
