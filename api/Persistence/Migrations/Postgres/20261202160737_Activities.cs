using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DailyActivityLimit",
                table: "Users",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActivityId",
                table: "Alerts",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    DealId = table.Column<string>(type: "text", nullable: true),
                    ClientId = table.Column<string>(type: "text", nullable: true),
                    ContactId = table.Column<string>(type: "text", nullable: true),
                    AssigneeId = table.Column<string>(type: "text", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    AllDay = table.Column<bool>(type: "boolean", nullable: false),
                    DueDate = table.Column<string>(type: "text", nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    RemindBeforeTicks = table.Column<long>(type: "bigint", nullable: true),
                    RemindAt = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "text", nullable: false),
                    Result = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedBy = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    AlarmAt = table.Column<long>(type: "bigint", nullable: true),
                    Reminded = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueAlerted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_AlarmAt",
                table: "Activities",
                column: "AlarmAt",
                filter: "\"AlarmAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_AssigneeId_State_DueAt",
                table: "Activities",
                columns: new[] { "AssigneeId", "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ClientId",
                table: "Activities",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_DealId_State_DueAt",
                table: "Activities",
                columns: new[] { "DealId", "State", "DueAt" });

            // Quick results for completing an activity in one click, added to a database whose work results were seeded
            // before they existed (a new database gets them from the seed). Entries an admin already has are kept.
            foreach (var (id, name) in new[] { ("no-answer", "No answer"), ("wrong-number", "Wrong number"), ("call-back-later", "Call back later") })
            {
                migrationBuilder.Sql(
                    "INSERT INTO \"Dictionaries\" (\"Kind\", \"Id\", \"Name\") " +
                    $"SELECT 'workResults', '{id}', '{name}' " +
                    "WHERE EXISTS (SELECT 1 FROM \"Dictionaries\" WHERE \"Kind\" = 'workResults') " +
                    $"AND NOT EXISTS (SELECT 1 FROM \"Dictionaries\" WHERE \"Kind\" = 'workResults' AND \"Id\" = '{id}');");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropColumn(
                name: "DailyActivityLimit",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ActivityId",
                table: "Alerts");
        }
    }
}
