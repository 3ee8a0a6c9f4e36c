using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AlertsOn",
                table: "SavedSearches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WebhookSecret",
                table: "SavedSearches",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "SavedSearches",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlertMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavedSearchId = table.Column<long>(type: "INTEGER", nullable: false),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertMatches_Articles_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlertMatches_SavedSearches_SavedSearchId",
                        column: x => x.SavedSearchId,
                        principalTable: "SavedSearches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavedSearchId = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastResult = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_SavedSearches_SavedSearchId",
                        column: x => x.SavedSearchId,
                        principalTable: "SavedSearches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedSearches_AlertsOn",
                table: "SavedSearches",
                column: "AlertsOn");

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_SavedSearchId_ImportRunId",
                table: "AlertMatches",
                columns: new[] { "SavedSearchId", "ImportRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_SavedSearchId_SeenAt",
                table: "AlertMatches",
                columns: new[] { "SavedSearchId", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_StoryId",
                table: "AlertMatches",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SavedSearchId",
                table: "WebhookDeliveries",
                column: "SavedSearchId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertMatches");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_SavedSearches_AlertsOn",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "AlertsOn",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "WebhookSecret",
                table: "SavedSearches");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "SavedSearches");
        }
    }
}
