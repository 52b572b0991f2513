using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Audience = table.Column<string>(nullable: false),
                    RecipientId = table.Column<string>(nullable: true),
                    DealId = table.Column<string>(nullable: false),
                    DealTitle = table.Column<string>(nullable: false),
                    RegulationId = table.Column<string>(nullable: true),
                    RegulationName = table.Column<string>(nullable: true),
                    StageId = table.Column<string>(nullable: true),
                    StageName = table.Column<string>(nullable: true),
                    OwnerId = table.Column<string>(nullable: true),
                    TeamId = table.Column<string>(nullable: true),
                    DueAt = table.Column<long>(nullable: true),
                    RaisedAt = table.Column<long>(nullable: false),
                    Message = table.Column<string>(nullable: true),
                    AcknowledgedAt = table.Column<long>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Calendars",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Json = table.Column<string>(nullable: false),
                    UpdatedAt = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Clocks",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    DealId = table.Column<string>(nullable: false),
                    WorkflowId = table.Column<string>(nullable: false),
                    RegulationId = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    StageId = table.Column<string>(nullable: true),
                    State = table.Column<string>(nullable: false),
                    StartedAt = table.Column<long>(nullable: false),
                    LimitTicks = table.Column<long>(nullable: false),
                    WarnBeforeTicks = table.Column<long>(nullable: true),
                    EscalationsJson = table.Column<string>(nullable: true),
                    ConsumedTicks = table.Column<long>(nullable: false),
                    RunningSince = table.Column<long>(nullable: true),
                    DueAt = table.Column<long>(nullable: true),
                    WarnAt = table.Column<long>(nullable: true),
                    WarnedAt = table.Column<long>(nullable: true),
                    BreachedAt = table.Column<long>(nullable: true),
                    EscalationsRaised = table.Column<int>(nullable: false),
                    NextEscalationAt = table.Column<long>(nullable: true),
                    FinishedAt = table.Column<long>(nullable: true),
                    OwnerId = table.Column<string>(nullable: true),
                    OverrunTicks = table.Column<long>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DealEvents",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    DealId = table.Column<string>(nullable: false),
                    At = table.Column<long>(nullable: false),
                    By = table.Column<string>(nullable: true),
                    Kind = table.Column<string>(nullable: false),
                    DetailsJson = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deals",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Title = table.Column<string>(nullable: false),
                    WorkflowId = table.Column<string>(nullable: false),
                    WorkflowVersion = table.Column<int>(nullable: false),
                    StageId = table.Column<string>(nullable: true),
                    State = table.Column<string>(nullable: false),
                    OwnerId = table.Column<string>(nullable: true),
                    TeamId = table.Column<string>(nullable: true),
                    Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                    Source = table.Column<string>(nullable: true),
                    ClientName = table.Column<string>(nullable: true),
                    ClientKind = table.Column<string>(nullable: true),
                    ContactName = table.Column<string>(nullable: true),
                    ContactEmail = table.Column<string>(nullable: true),
                    ContactPhone = table.Column<string>(nullable: true),
                    ContactEmailKey = table.Column<string>(nullable: true),
                    ContactPhoneKey = table.Column<string>(nullable: true),
                    ContactPosition = table.Column<string>(nullable: true),
                    NextStepAt = table.Column<long>(nullable: true),
                    NextDueAt = table.Column<long>(nullable: true),
                    Data = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<long>(nullable: false),
                    UpdatedAt = table.Column<long>(nullable: false),
                    ClosedAt = table.Column<long>(nullable: true),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dictionaries",
                columns: table => new
                {
                    Kind = table.Column<string>(nullable: false),
                    Id = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dictionaries", x => new { x.Kind, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    HeadId = table.Column<string>(nullable: true),
                    RotationCursor = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Email = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Role = table.Column<string>(nullable: false),
                    TeamId = table.Column<string>(nullable: true),
                    PasswordHash = table.Column<string>(nullable: false),
                    Active = table.Column<bool>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowVersions",
                columns: table => new
                {
                    WorkflowId = table.Column<string>(nullable: false),
                    Number = table.Column<int>(nullable: false),
                    Json = table.Column<string>(nullable: false),
                    PublishedAt = table.Column<long>(nullable: false),
                    PublishedBy = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowVersions", x => new { x.WorkflowId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "Workflows",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    DraftJson = table.Column<string>(nullable: false),
                    PublishedVersion = table.Column<int>(nullable: true),
                    UpdatedAt = table.Column<long>(nullable: false),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workflows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_DealId",
                table: "Alerts",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RecipientId_AcknowledgedAt",
                table: "Alerts",
                columns: new[] { "RecipientId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_DealId",
                table: "Clocks",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_OwnerId_BreachedAt",
                table: "Clocks",
                columns: new[] { "OwnerId", "BreachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Clocks_OwnerId_FinishedAt",
                table: "Clocks",
                columns: new[] { "OwnerId", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DealEvents_DealId",
                table: "DealEvents",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ContactEmailKey",
                table: "Deals",
                column: "ContactEmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ContactPhoneKey",
                table: "Deals",
                column: "ContactPhoneKey");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_NextDueAt",
                table: "Deals",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerId_State",
                table: "Deals",
                columns: new[] { "OwnerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_TeamId_State",
                table: "Deals",
                columns: new[] { "TeamId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_WorkflowId_StageId",
                table: "Deals",
                columns: new[] { "WorkflowId", "StageId" });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_HeadId",
                table: "Teams",
                column: "HeadId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_TeamId",
                table: "Users",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "Calendars");

            migrationBuilder.DropTable(
                name: "Clocks");

            migrationBuilder.DropTable(
                name: "DealEvents");

            migrationBuilder.DropTable(
                name: "Deals");

            migrationBuilder.DropTable(
                name: "Dictionaries");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "WorkflowVersions");

            migrationBuilder.DropTable(
                name: "Workflows");
        }
    }
}
