using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsReader.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlertPerSearchAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    savedsearchid = table.Column<long>(type: "bigint", nullable: false),
                    importrunid = table.Column<long>(type: "bigint", nullable: false),
                    storyids = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    matchedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    seenat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                    table.ForeignKey(
                        name: "FK_alerts_savedsearches_savedsearchid",
                        column: x => x.savedsearchid,
                        principalTable: "savedsearches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_savedsearchid_importrunid",
                table: "alerts",
                columns: new[] { "savedsearchid", "importrunid" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_savedsearchid_seenat",
                table: "alerts",
                columns: new[] { "savedsearchid", "seenat" });

            // The matches kept, one row per search and import (their stories' ids in one array).
            migrationBuilder.Sql(
                "INSERT INTO alerts (savedsearchid, importrunid, storyids, matchedat, seenat) " +
                "SELECT savedsearchid, importrunid, array_agg(storyid ORDER BY storyid DESC), min(matchedat), seenat " +
                "FROM alertmatches GROUP BY savedsearchid, importrunid, seenat ORDER BY min(id)");

            migrationBuilder.DropTable(
                name: "alertmatches");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alertmatches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    importrunid = table.Column<long>(type: "bigint", nullable: false),
                    matchedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    savedsearchid = table.Column<long>(type: "bigint", nullable: false),
                    seenat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    storyid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alertmatches", x => x.id);
                    table.ForeignKey(
                        name: "FK_alertmatches_articles_storyid",
                        column: x => x.storyid,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_alertmatches_savedsearches_savedsearchid",
                        column: x => x.savedsearchid,
                        principalTable: "savedsearches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alertmatches_savedsearchid_importrunid",
                table: "alertmatches",
                columns: new[] { "savedsearchid", "importrunid" });

            migrationBuilder.CreateIndex(
                name: "IX_alertmatches_savedsearchid_seenat",
                table: "alertmatches",
                columns: new[] { "savedsearchid", "seenat" });

            migrationBuilder.CreateIndex(
                name: "IX_alertmatches_storyid",
                table: "alertmatches",
                column: "storyid");

            migrationBuilder.Sql(
                "INSERT INTO alertmatches (savedsearchid, storyid, importrunid, matchedat, seenat) " +
                "SELECT a.savedsearchid, u.id, a.importrunid, a.matchedat, a.seenat FROM alerts a CROSS JOIN LATERAL unnest(a.storyids) WITH ORDINALITY AS u(id, n) " +
                "WHERE u.id IN (SELECT id FROM articles) ORDER BY a.id, u.n");

            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
