using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Search;
using NewsReader.Core.Splitting;
using NewsReader.Core.Store;
using NewsReader.Core.Stories;
using Npgsql;

namespace NewsReader.Core.Tests.Data;

/// <summary>
/// A real store built by the migrations: an SQLite file in a temp folder, or a new PostgreSQL database
/// on the test server (<see cref="PostgresTestServer"/>); deleted on dispose.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;

    private TestStore(string folder, StoreEngine engine, string connectionString, IDbContextFactory<NewsDbContext> factory, PostgresTestDatabase? postgres)
    {
        Folder = folder;
        Engine = engine;
        ConnectionString = connectionString;
        Factory = factory;
        _postgres = postgres;
    }

    /// <summary>A temp folder of the test's own (the SQLite file lives here; any engine may put files here).</summary>
    public string Folder { get; }

    public StoreEngine Engine { get; }

    public string ConnectionString { get; }

    public string DatabasePath => Path.Combine(Folder, "news.db");

    public IDbContextFactory<NewsDbContext> Factory { get; }

    /// <summary>The command line's options that reach this store.</summary>
    public string[] CliOptions => _postgres is null ? ["--db", DatabasePath] : ["--provider", Engine.Name, "--db", ConnectionString];

    /// <summary>A new store on SQLite (the default) or on another engine.</summary>
    public static async Task<TestStore> CreateAsync(StoreEngine? engine = null)
    {
        engine ??= StoreEngine.Sqlite;
        var folder = Path.Combine(Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (engine == StoreEngine.Postgres)
        {
            var database = await PostgresTestServer.CreateDatabaseAsync();
            var pgFactory = NewsDb.CreateFactory(database.ConnectionString, engine);
            return new TestStore(folder, engine, database.ConnectionString, pgFactory, database);
        }

        var connectionString = NewsDb.ConnectionStringFor(Path.Combine(folder, "news.db"));
        var factory = NewsDb.CreateFactory(connectionString);
        await NewsDb.MigrateAsync(factory);
        return new TestStore(folder, engine, connectionString, factory, null);
    }

    public StoryImporter Importer() => new(Factory, SeedParser.CreateDefault());

    /// <summary>The read side over this store, with a read cache of <paramref name="cacheEntries"/> results (0: off).</summary>
    public StoryReader Reader(int cacheEntries = 0)
    {
        var options = Options.Create(new ReadOptions { ReadCacheEntries = cacheEntries });
        var search = new StorySearch(Factory);
        return new StoryReader(Factory, search, new ReadCache(search, options), options);
    }

    public async Task<NewsDbContext> ContextAsync() => await Factory.CreateDbContextAsync();

    /// <summary>Opens a plain connection to the same store (raw counts, engine checks).</summary>
    public DbConnection Connection()
    {
        DbConnection c = _postgres is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        c.Open();
        return c;
    }

    /// <summary>
    /// Takes the store's write lock on a connection of its own, as another writer (another process, another
    /// app instance) would: SQLite's BEGIN IMMEDIATE, PostgreSQL's writer advisory lock. Writes on its
    /// <see cref="WriteLockHolder.Transaction"/> are seen by others only when it commits.
    /// </summary>
    public WriteLockHolder HoldWriteLock()
    {
        var connection = Connection();
        if (connection is SqliteConnection sqlite)
        {
            return new WriteLockHolder(connection, sqlite.BeginTransaction(deferred: false));
        }

        var tx = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT pg_advisory_xact_lock(" + PostgresWriteLock.WriterKey.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        command.ExecuteNonQuery();
        return new WriteLockHolder(connection, tx);
    }

    /// <summary>
    /// How many stories the engine's full-text index finds for any of <paramref name="words"/> (in one
    /// column: title, body or entities, or anywhere), optionally only story <paramref name="id"/>.
    /// The words are test constants: FTS5 MATCH on SQLite, the tsvector's weights on PostgreSQL.
    /// </summary>
    public long Indexed(string? column, long? id, params string[] words)
    {
        var only = id is null ? "" : " AND " + (_postgres is null ? "rowid" : "id") + " = " + id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_postgres is null)
        {
            var match = string.Join(" OR ", words.Select(w => column is null ? w : column + ":" + w));
            return Scalar($"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '{match}'{only}");
        }

        var weight = column switch { null => "", "title" => ":A", "body" => ":B", "entities" => ":C", _ => throw new ArgumentException(column) };
        var query = string.Join(" | ", words.Select(w => w + weight));
        return Scalar($"SELECT count(*) FROM articles WHERE search @@ to_tsquery('newsreader', '{query}'){only}");
    }

    /// <summary><see cref="Indexed(string?, long?, string[])"/> for one word anywhere in story <paramref name="id"/> (or any story).</summary>
    public long Indexed(string word, long? id = null) => Indexed(null, id, word);

    /// <summary>A story's id by its slug.</summary>
    public long IdOf(string slug) => Scalar($"SELECT Id FROM Articles WHERE Slug = '{slug}'");

    public long Scalar(string sql)
    {
        using var c = Connection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of every table except the run log, as text: equal dumps mean nothing was written.</summary>
    public string DumpStories()
    {
        using var c = Connection();
        var sb = new System.Text.StringBuilder();
        foreach (var table in new[] { "Articles", "ArticleRevisions", "ArticleBands", "Entities", "EntityAliases", "ArticleEntities" })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    sb.Append(r.GetValue(i)).Append('|');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Runs statements on a plain connection, one after another.</summary>
    public void Execute(params string[] statements)
    {
        using var c = Connection();
        foreach (var sql in statements)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>A query's rows, each its columns as invariant text joined with '|'.</summary>
    public List<string> Rows(string sql)
    {
        using var c = Connection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>Runs SQLite's and FTS5's integrity checks; throws if either fails (PostgreSQL's index is kept by the server).</summary>
    public void AssertIntegrity()
    {
        using var c = Connection();
        using var cmd = c.CreateCommand();
        if (_postgres is not null)
        {
            // The counts the database keeps for the home page (migration LiveCounts) against the rows.
            cmd.CommandText = LiveCountsDrift;
            Assert.Equal(0L, cmd.ExecuteScalar());
            return;
        }

        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar());
        cmd.CommandText = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Keys whose kept count differs from the rows: live links per entity, and key 0 every story row.</summary>
    internal const string LiveCountsDrift =
        "SELECT count(*) FROM (SELECT entityid AS key, count(*) AS n FROM articleentities WHERE removedat IS NULL GROUP BY entityid " +
        "UNION ALL SELECT 0, count(*) FROM articles) want FULL JOIN livecounts have USING (key) WHERE COALESCE(want.n, 0) <> COALESCE(have.n, 0)";

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        await Task.Yield();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Another writer holding the store's write lock (<see cref="TestStore.HoldWriteLock"/>); disposing rolls back.</summary>
public sealed class WriteLockHolder(DbConnection connection, DbTransaction transaction) : IDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>Runs a statement inside the holder's transaction.</summary>
    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Commit() => Transaction.Commit();

    public void Rollback() => Transaction.Rollback();

    public void Dispose()
    {
        Transaction.Dispose();
        Connection.Dispose();
    }
}

/// <summary>Hand-built parsed documents, so store tests never depend on the splitter or extractor.</summary>
public static class Docs
{
    public static ParsedStory Story(int index, string title, string body, params EntityMention[] entities) =>
        new(index, title, body.Length > 120 ? body[..120] : body, SlugSet.Slugify(title),
            body.Split("\n\n").Select(p => new Paragraph(p)).ToList(), null, 0.9, new ExtractedEntities(entities));

    public static EntityMention Company(string name, bool about = true) => new(name, EntityKind.Company, about, 2, 0.8, []);

    public static EntityMention Country(string name, bool about = true) => new(name, EntityKind.Country, about, 1, 0.5, []);

    public static EntityMention Topic(string name) => new(name, EntityKind.Topic, true, 1, 0.6, []);

    public static ParsedDocument Document(string fileName, params ParsedStory[] articles) => new(fileName, [], articles);

    public static ImportSource Source(string fileName) => new(fileName, Guid.NewGuid().ToString("N"), 1000);

    /// <summary>A long text of pseudo-random words seeded by <paramref name="topic"/>: different topics share no shingles.</summary>
    public static string Text(string topic, int sentences = 30)
    {
        var seed = topic.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var random = new Random(seed);
        string[] syllables = ["ba", "ko", "ri", "tan", "mel", "so", "vu", "gra", "lin", "pe", "dor", "qui", "sha", "te", "mon"];
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0)
            {
                sb.Append(i % 6 == 0 ? "\n\n" : " ");
            }

            sb.Append(char.ToUpperInvariant(topic[0])).Append(topic[1..]);
            for (var w = 0; w < 9; w++)
            {
                sb.Append(' ');
                for (var k = random.Next(2, 4); k > 0; k--)
                {
                    sb.Append(syllables[random.Next(syllables.Length)]);
                }
            }

            sb.Append('.');
        }

        return sb.ToString();
    }
}
