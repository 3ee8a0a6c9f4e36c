using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The PostgreSQL side of the engine seam (docs/adr/0007-store-engine-seam.md): the search vector
    /// and its index (Store/PostgresFullText) and the store version (Store/PostgresStoreVersion).
    /// Hand-written SQL, frozen here as history.
    /// </summary>
    public partial class SearchAndStoreVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search: English stems with accents ignored (as SQLite's porter + remove_diacritics), a
            // weighted vector kept by PostgreSQL itself (title A, body B, entity names C) and its GIN index.
            // The names come before the body: a lexeme keeps at most 256 positions, so in a long body a
            // name's own (C) entry would otherwise be lost. unaccent is a trusted extension: the
            // database's owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION newsreader (COPY = english);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION newsreader ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;");
            migrationBuilder.Sql("""
                ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('newsreader', title), 'A') ||
                    setweight(to_tsvector('newsreader', entities), 'C') ||
                    setweight(to_tsvector('newsreader', body), 'B')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_articles_search ON articles USING GIN (search);");

            // The store's version: raised once by any transaction that writes a table the reader shows,
            // so every app instance's read cache sees another instance's write (Store/PostgresStoreVersion).
            migrationBuilder.Sql("CREATE TABLE storeversion (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);");
            migrationBuilder.Sql("INSERT INTO storeversion (id, version) VALUES (1, 1);");
            migrationBuilder.Sql("""
                CREATE FUNCTION storeversion_raise() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('newsreader.version_raised', true) IS DISTINCT FROM txid_current()::text THEN
                        UPDATE storeversion SET version = version + 1 WHERE id = 1;
                        PERFORM set_config('newsreader.version_raised', txid_current()::text, true);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in VersionedTables)
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_storeversion AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION storeversion_raise();");
            }
        }

        // What the reader's pages read (article bands and accounts are not shown, and change often).
        private static readonly string[] VersionedTables =
            ["articles", "articlerevisions", "articleentities", "entities", "entityaliases", "importruns", "importrunmessages", "boundaryoverrides"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in VersionedTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_storeversion ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS storeversion_raise();");
            migrationBuilder.Sql("DROP TABLE IF EXISTS storeversion;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_articles_search;");
            migrationBuilder.Sql("ALTER TABLE articles DROP COLUMN IF EXISTS search;");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS newsreader;");
        }
    }
}
