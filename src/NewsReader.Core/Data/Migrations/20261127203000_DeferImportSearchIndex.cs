using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Core.Data.Migrations
{
    /// <summary>
    /// The FTS triggers skip the stories of an import still in progress (their run is <c>Running</c>,
    /// which is only ever seen inside that run's own transaction): the importer indexes them all with
    /// one <c>INSERT ... SELECT</c> just before it commits (<c>ArticleSearch.IndexImportRunSql</c>).
    /// Measured: per-row trigger inserts into FTS5 cost about three times one bulk insert of the same
    /// rows. Every other writer (edits, deletes, stories of finished runs) is indexed by the triggers
    /// as before. SQL frozen here as history. See docs/adr/0005-search-design.md.
    /// </summary>
    public partial class DeferImportSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON Articles
                WHEN NOT EXISTS (SELECT 1 FROM ImportRuns WHERE Id = new.CreatedByRunId AND Status = 0) BEGIN
                    INSERT INTO articles_fts(rowid, title, summary, body, entities)
                    VALUES (new.Id, new.Title, new.Summary, new.Body, new.Entities);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON Articles
                WHEN NOT EXISTS (SELECT 1 FROM ImportRuns WHERE Id = old.CreatedByRunId AND Status = 0) BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, summary, body, entities)
                    VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.Entities);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_fts_update AFTER UPDATE OF Title, Summary, Body, Entities ON Articles
                WHEN NOT EXISTS (SELECT 1 FROM ImportRuns WHERE Id = old.CreatedByRunId AND Status = 0) BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, summary, body, entities)
                    VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.Entities);
                    INSERT INTO articles_fts(rowid, title, summary, body, entities)
                    VALUES (new.Id, new.Title, new.Summary, new.Body, new.Entities);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON Articles BEGIN
                    INSERT INTO articles_fts(rowid, title, summary, body, entities)
                    VALUES (new.Id, new.Title, new.Summary, new.Body, new.Entities);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON Articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, summary, body, entities)
                    VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.Entities);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_fts_update AFTER UPDATE OF Title, Summary, Body, Entities ON Articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, summary, body, entities)
                    VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.Entities);
                    INSERT INTO articles_fts(rowid, title, summary, body, entities)
                    VALUES (new.Id, new.Title, new.Summary, new.Body, new.Entities);
                END;
                """);
        }
    }
}
