using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsReader.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "alertson",
                table: "savedsearches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "webhooksecret",
                table: "savedsearches",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "webhookurl",
                table: "savedsearches",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alertmatches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    savedsearchid = table.Column<long>(type: "bigint", nullable: false),
                    storyid = table.Column<long>(type: "bigint", nullable: false),
                    importrunid = table.Column<long>(type: "bigint", nullable: false),
                    matchedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    seenat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "webhookdeliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    savedsearchid = table.Column<long>(type: "bigint", nullable: false),
                    importrunid = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    nextattemptat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastattemptat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lastresult = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhookdeliveries", x => x.id);
                    table.ForeignKey(
                        name: "FK_webhookdeliveries_savedsearches_savedsearchid",
                        column: x => x.savedsearchid,
                        principalTable: "savedsearches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_savedsearches_alertson",
                table: "savedsearches",
                column: "alertson");

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

            migrationBuilder.CreateIndex(
                name: "IX_webhookdeliveries_savedsearchid",
                table: "webhookdeliveries",
                column: "savedsearchid");

            migrationBuilder.CreateIndex(
                name: "IX_webhookdeliveries_status_nextattemptat",
                table: "webhookdeliveries",
                columns: new[] { "status", "nextattemptat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alertmatches");

            migrationBuilder.DropTable(
                name: "webhookdeliveries");

            migrationBuilder.DropIndex(
                name: "IX_savedsearches_alertson",
                table: "savedsearches");

            migrationBuilder.DropColumn(
                name: "alertson",
                table: "savedsearches");

            migrationBuilder.DropColumn(
                name: "webhooksecret",
                table: "savedsearches");

            migrationBuilder.DropColumn(
                name: "webhookurl",
                table: "savedsearches");
        }
    }
}
