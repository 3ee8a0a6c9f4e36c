using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertPerSearchAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavedSearchId = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    StoryIds = table.Column<string>(type: "TEXT", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_SavedSearches_SavedSearchId",
                        column: x => x.SavedSearchId,
                        principalTable: "SavedSearches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SavedSearchId_ImportRunId",
                table: "Alerts",
                columns: new[] { "SavedSearchId", "ImportRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_SavedSearchId_SeenAt",
                table: "Alerts",
                columns: new[] { "SavedSearchId", "SeenAt" });

            // The matches kept, one row per search and import (their stories' ids in one array).
            migrationBuilder.Sql(
                "INSERT INTO Alerts (SavedSearchId, ImportRunId, StoryIds, MatchedAt, SeenAt) " +
                "SELECT SavedSearchId, ImportRunId, json_group_array(StoryId), MIN(MatchedAt), SeenAt " +
                "FROM (SELECT * FROM AlertMatches ORDER BY StoryId DESC) GROUP BY SavedSearchId, ImportRunId, SeenAt ORDER BY MIN(Id)");

            migrationBuilder.DropTable(
                name: "AlertMatches");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedSearchId = table.Column<long>(type: "INTEGER", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.Sql(
                "INSERT INTO AlertMatches (SavedSearchId, StoryId, ImportRunId, MatchedAt, SeenAt) " +
                "SELECT a.SavedSearchId, j.value, a.ImportRunId, a.MatchedAt, a.SeenAt FROM Alerts a, json_each(a.StoryIds) j " +
                "WHERE j.value IN (SELECT Id FROM Articles) ORDER BY a.Id, j.key");

            migrationBuilder.DropTable(
                name: "Alerts");
        }
    }
}
