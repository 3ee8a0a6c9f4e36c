using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Counts kept by the database in the writer's own transaction, so the home page (no text, no
    /// filter) reads its total and facets instead of grouping every link (2.5 s at 1,000,000 stories:
    /// docs/performance.md, issue 18). <c>livecounts</c>: per entity id, its live links (RemovedAt
    /// null), whether or not the story is deleted; key 0, every story row, deleted or not. Deleted
    /// stories are few and found by their partial index, so the reader subtracts theirs
    /// (Store/PostgresFilterQueries). Statement-level triggers with transition tables keep the counts,
    /// whichever code writes (import, curation, tagging, merges, cascades). PostgreSQL only: SQLite
    /// answers facets from the in-memory link index. Hand-written SQL, no model change.
    /// </summary>
    public partial class LiveCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE livecounts (key bigint PRIMARY KEY, n bigint NOT NULL);");

            // One function for every trigger: each statement's rows, grouped, added to their counts.
            migrationBuilder.Sql("""
                CREATE FUNCTION livecounts_links() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO livecounts (key, n) SELECT entityid, count(*) FROM added WHERE removedat IS NULL GROUP BY entityid
                        ON CONFLICT (key) DO UPDATE SET n = livecounts.n + excluded.n;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO livecounts (key, n) SELECT entityid, -count(*) FROM gone WHERE removedat IS NULL GROUP BY entityid
                        ON CONFLICT (key) DO UPDATE SET n = livecounts.n + excluded.n;
                    ELSE
                        INSERT INTO livecounts (key, n) SELECT entityid, sum(d) FROM (
                            SELECT entityid, 1 AS d FROM added WHERE removedat IS NULL
                            UNION ALL SELECT entityid, -1 FROM gone WHERE removedat IS NULL) x
                        GROUP BY entityid HAVING sum(d) <> 0
                        ON CONFLICT (key) DO UPDATE SET n = livecounts.n + excluded.n;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION livecounts_stories() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO livecounts (key, n) SELECT 0, count(*) FROM added
                        ON CONFLICT (key) DO UPDATE SET n = livecounts.n + excluded.n;
                    ELSE
                        INSERT INTO livecounts (key, n) SELECT 0, -count(*) FROM gone
                        ON CONFLICT (key) DO UPDATE SET n = livecounts.n + excluded.n;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER articleentities_livecounts_insert AFTER INSERT ON articleentities REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION livecounts_links();");
            migrationBuilder.Sql("CREATE TRIGGER articleentities_livecounts_update AFTER UPDATE ON articleentities REFERENCING OLD TABLE AS gone NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION livecounts_links();");
            migrationBuilder.Sql("CREATE TRIGGER articleentities_livecounts_delete AFTER DELETE ON articleentities REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION livecounts_links();");
            migrationBuilder.Sql("CREATE TRIGGER articles_livecounts_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION livecounts_stories();");
            migrationBuilder.Sql("CREATE TRIGGER articles_livecounts_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION livecounts_stories();");

            // The counts of the rows already there; writers wait (SHARE) until they are in.
            migrationBuilder.Sql("LOCK TABLE articles, articleentities IN SHARE MODE;");
            migrationBuilder.Sql("INSERT INTO livecounts (key, n) SELECT entityid, count(*) FROM articleentities WHERE removedat IS NULL GROUP BY entityid;");
            migrationBuilder.Sql("INSERT INTO livecounts (key, n) SELECT 0, count(*) FROM articles;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_livecounts_delete ON articles;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_livecounts_insert ON articles;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articleentities_livecounts_delete ON articleentities;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articleentities_livecounts_update ON articleentities;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articleentities_livecounts_insert ON articleentities;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS livecounts_stories();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS livecounts_links();");
            migrationBuilder.Sql("DROP TABLE IF EXISTS livecounts;");
        }
    }
}
