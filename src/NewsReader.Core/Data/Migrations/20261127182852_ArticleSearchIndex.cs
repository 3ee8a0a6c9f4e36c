using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Core.Data.Migrations
{
    /// <summary>
    /// The FTS5 index over stories: external content (it reads the text from <c>Articles</c>, so the
    /// text is stored once) kept in sync by triggers, so every writer (importer, edits, deletes) keeps
    /// it right without remembering to. SQL frozen here as history; queries live in
    /// <c>Search/ArticleSearch.cs</c>. See docs/adr/0005-search-design.md.
    /// </summary>
    public partial class ArticleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, summary, body, entities,
                    content='Articles', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
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

            // Index what is already stored (nothing on a new database; everything on an old one).
            migrationBuilder.Sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS articles_fts_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS articles_fts;");
        }
    }
}
