using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportJobQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "importjobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    filename = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    sizebytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    startedby = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    queuedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reparse = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    found = table.Column<int>(type: "integer", nullable: false),
                    handled = table.Column<int>(type: "integer", nullable: false),
                    startedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finishedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    runid = table.Column<long>(type: "bigint", nullable: true),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    runner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_importjobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "importjobcontents",
                columns: table => new
                {
                    jobid = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_importjobcontents", x => x.jobid);
                    table.ForeignKey(
                        name: "FK_importjobcontents_importjobs_jobid",
                        column: x => x.jobid,
                        principalTable: "importjobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A queued file lives minutes and is read once: compressing it would only cost the upload time.
            migrationBuilder.Sql("ALTER TABLE importjobcontents ALTER COLUMN content SET STORAGE EXTERNAL;");

            migrationBuilder.CreateIndex(
                name: "IX_importjobs_queuedat",
                table: "importjobs",
                column: "queuedat");

            migrationBuilder.CreateIndex(
                name: "IX_importjobs_state_queuedat",
                table: "importjobs",
                columns: new[] { "state", "queuedat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "importjobcontents");

            migrationBuilder.DropTable(
                name: "importjobs");
        }
    }
}
