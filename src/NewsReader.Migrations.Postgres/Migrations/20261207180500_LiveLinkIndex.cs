using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The live links (RemovedAt null) as their own index, (articleid, entityid): the search's facets
    /// count a set of matches' links by probing it with an index-only scan, instead of reading every
    /// link row for RemovedAt (Store/PostgresFilterQueries; docs/performance.md, issue 18). PostgreSQL
    /// only: SQLite answers facets from the in-memory link index. Hand-written SQL, no model change.
    /// </summary>
    public partial class LiveLinkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_articleentities_live ON articleentities (articleid, entityid) WHERE removedat IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_articleentities_live;");
        }
    }
}
