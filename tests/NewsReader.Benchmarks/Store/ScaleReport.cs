using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Search;
using NewsReader.Core.Splitting;
using NewsReader.Core.Store;
using Npgsql;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Both engines side by side at a given size (issue 18): the first N stories of a generated corpus
/// imported into an SQLite file and a PostgreSQL database (in parts of <c>--part</c> stories, one
/// import transaction each, alternating engines part by part), then on both, query by query in turn:
/// search with snippets and facets against the bare engine query, and filters against the bare SQL.
/// The stories go through the importer (dedup, links, entities, full-text index) but not the
/// splitter and extractor: <see cref="BenchCorpus.Stories"/> cuts them at their headings.
/// Usage: <c>scale CORPUS --stories N --pg CONNECTION [--part 10000] [--rounds 5] [--folder /tmp/nrbench] [--reuse]
/// [--copies-of BASE] [--only SQLite|PostgreSQL] [--vocabulary SQLITE.db] [--filters-only] [--searches selective,common] [--snippets FILE] [--floors-once]</c>
/// (the SQLite file is FOLDER/scale_N.db, the PostgreSQL database scale_N; --reuse keeps both when they exist).
/// </summary>
public static class ScaleReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? BenchCorpus.Path;
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var stories = int.Parse(Option("--stories") ?? "100000", CultureInfo.InvariantCulture);
        var part = int.Parse(Option("--part") ?? "10000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option("--rounds") ?? "5", CultureInfo.InvariantCulture);
        var server = Option("--pg") ?? Environment.GetEnvironmentVariable("NEWSREADER_BENCH_POSTGRES")
            ?? throw new ArgumentException("--pg CONNECTION (a PostgreSQL server the benchmark may create databases on)");
        var reuse = args.Contains("--reuse");
        _snippets = Option("--snippets");
        _floorsOnce = args.Contains("--floors-once");

        var name = string.Create(CultureInfo.InvariantCulture, $"scale_{stories}");
        var folder = Option("--folder") ?? "/tmp/nrbench";
        Directory.CreateDirectory(folder);
        var sqlitePath = Path.Combine(folder, name + ".db");
        var pgConnection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var engines = new[]
        {
            new Engine("SQLite", NewsDb.CreateFactory(NewsDb.ConnectionStringFor(sqlitePath)), () => new SqliteConnection(NewsDb.ConnectionStringFor(sqlitePath))),
            new Engine("PostgreSQL", NewsDb.CreateFactory(pgConnection, StoreEngine.Postgres), () => new NpgsqlConnection(pgConnection)),
        };

        if (Option("--only") is { } only)
        {
            // One engine's queries on stores made before (with --reuse), e.g. when the other's store is not there.
            engines = engines.Where(e => string.Equals(e.Name, only, StringComparison.OrdinalIgnoreCase)).ToArray();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Load()}, {stories:N0} stories of {corpus}"));
        if (Option("--copies-of") is { } copiesOf && (!reuse || !File.Exists(sqlitePath)))
        {
            await ReplicateAsync(int.Parse(copiesOf, CultureInfo.InvariantCulture), stories, folder, server, engines);
        }
        else if (!reuse || !File.Exists(sqlitePath))
        {
            BenchCorpus.Delete(sqlitePath);
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                await Execute(admin, $"CREATE DATABASE {name}");
            }

            foreach (var engine in engines)
            {
                await NewsDb.MigrateAsync(engine.Factory);
            }

            await ImportAsync(corpus, stories, part, engines);
        }

        foreach (var engine in engines)
        {
            await using var db = await engine.Factory.CreateDbContextAsync();
            var count = await db.Stories.CountAsync();
            var size = await StoreEngine.Of(db).Provider.SizeAsync(db, default);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine.Name}: {count:N0} stories, {size / 1e9:0.00} GB"));
        }

        // The queries are picked from an SQLite store's FTS5 vocabulary: this one's, or another's of the same corpus.
        var vocabulary = Option("--vocabulary") is { } v ? NewsDb.CreateFactory(NewsDb.ConnectionStringFor(v)) : engines[0].Factory;
        var searches = args.Contains("--filters-only") ? [] : (Option("--searches") ?? "selective,common").Split(',');
        await QueriesAsync(engines, vocabulary, stories, rounds, searches);
        return 0;
    }

    private sealed record Engine(string Name, IDbContextFactory<NewsDbContext> Factory, Func<DbConnection> Connect)
    {
        public TimeSpan Import { get; set; }
    }

    /// <summary>Imports the corpus's first stories in parts, each part into one engine then the other.</summary>
    private static async Task ImportAsync(string corpus, int stories, int part, Engine[] engines)
    {
        var importers = engines.Select(e => new StoryImporter(e.Factory, SeedParser.CreateDefault())).ToArray();
        var batch = new List<ParsedStory>(part);
        var done = 0;
        foreach (var story in BenchCorpus.Stories(corpus).Take(stories))
        {
            batch.Add(story);
            if (batch.Count == part)
            {
                await Part();
            }
        }

        if (batch.Count > 0)
        {
            await Part();
        }

        foreach (var engine in engines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import {engine.Name}: {engine.Import.TotalSeconds:0.0} s, {done / engine.Import.TotalSeconds:0} stories/s"));
        }

        if (engines.Select(e => e.Connect()).OfType<NpgsqlConnection>().FirstOrDefault() is { } pg)
        {
            // What autovacuum does within a minute of a bulk load: statistics and the visibility map.
            await using (pg)
            {
                await pg.OpenAsync();
                var t = Stopwatch.StartNew();
                await Execute(pg, "VACUUM ANALYZE");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL VACUUM ANALYZE after the load: {t.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        async Task Part()
        {
            var number = (done / part) + 1;
            var doc = new ParsedDocument($"part-{number}.md", [], batch.Select((s, i) => s with { Index = i }).ToList());
            var source = new ImportSource(doc.FileName, Convert.ToHexStringLower(BitConverter.GetBytes((long)number)).PadLeft(64, '0'), 0);
            for (var e = 0; e < engines.Length; e++)
            {
                var t = Stopwatch.StartNew();
                var report = await importers[e].ImportAsync(doc, source, new ImportOptions(StartedBy: "bench", LockWait: TimeSpan.FromMinutes(30)));
                engines[e].Import += t.Elapsed;
                if (report.New != batch.Count)
                {
                    Console.WriteLine($"  {engines[e].Name} part {number}: {report.New} of {batch.Count} new");
                }
            }

            done += batch.Count;
            batch.Clear();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {done:N0} stories: {string.Join(", ", engines.Select(e => $"{e.Name} {e.Import.TotalSeconds:0} s"))} (load {Load()})"));
        }
    }

    /// <summary>
    /// A store of N stories made from the stores of BASE stories (imported before by this report):
    /// both copied, then their stories and links copied again N / BASE - 1 times in SQL, with new ids,
    /// slugs and fingerprints (same text, same entities, same CreatedAt), indexed for full text as the
    /// engine does, in one pass after the rows (FTS5's 'rebuild' from its external content, the insert
    /// trigger dropped meanwhile; PostgreSQL's copied tsvectors and their GIN index). Postings and matches grow N / BASE times, as in a generated corpus of N;
    /// dedup bands are not copied (no query reads them).
    /// </summary>
    private static async Task ReplicateAsync(int baseStories, int stories, string folder, string server, Engine[] engines)
    {
        var copies = stories / baseStories;
        var baseName = string.Create(CultureInfo.InvariantCulture, $"scale_{baseStories}");
        var name = string.Create(CultureInfo.InvariantCulture, $"scale_{stories}");
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await using (var c = new SqliteConnection(NewsDb.ConnectionStringFor(Path.Combine(folder, baseName + ".db"))))
        {
            await c.OpenAsync();
            await using var checkpoint = c.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        if (engines.Any(e => e.Name == "SQLite"))
        {
            BenchCorpus.Delete(Path.Combine(folder, name + ".db"));
            File.Copy(Path.Combine(folder, baseName + ".db"), Path.Combine(folder, name + ".db"));
        }

        if (engines.Any(e => e.Name == "PostgreSQL"))
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await Execute(admin, $"CREATE DATABASE {name} TEMPLATE {baseName}");
        }

        // Both engines at once: each is one long statement stream on its own connection.
        // (Microsoft.Data.Sqlite runs async calls synchronously, hence a thread each.)
        await Task.WhenAll(engines.Select(engine => Task.Run(() => CopyAsync(engine, baseStories, stories, copies))));
    }

    private static async Task CopyAsync(Engine engine, int baseStories, int stories, int copies)
    {
        var t = Stopwatch.StartNew();
        await using var c = engine.Connect();
        await c.OpenAsync();
        var pg = c is NpgsqlConnection;
        long stride;
        await using (var max = c.CreateCommand())
        {
            max.CommandText = "SELECT max(Id) FROM Articles";
            stride = Convert.ToInt64(await max.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var statements = new List<string>();
        string? ftsTrigger = null;
        if (!pg)
        {
            // FTS5 indexes the copies in one pass afterwards ('rebuild' of its external content):
            // through the insert trigger, row by row, 100,000 copies took 10-20 min here.
            await using var trigger = c.CreateCommand();
            trigger.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_insert'";
            ftsTrigger = (string)(await trigger.ExecuteScalarAsync())!;
            statements.Add("DROP TRIGGER articles_fts_insert");
        }
        else
        {
            // The copies' vectors are their originals' (the same text): copied, not computed again,
            // so the column is a plain tsvector in this database (what the queries read is the same).
            statements.Add("DROP INDEX ix_articles_search");
            statements.Add("ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION");
        }

        for (var k = 1; k < copies; k++)
        {
            var offset = (stride * k).ToString(CultureInfo.InvariantCulture);
            var suffix = "'-c" + k.ToString(CultureInfo.InvariantCulture) + "'";
            var search = pg ? ", Search" : string.Empty;
            statements.Add(
                $"INSERT INTO Articles (Id, Slug, Title, Summary, Body, Entities, Fingerprint, SourceFile, SourcePosition, StartConfidence, CreatedByRunId, CreatedAt, UpdatedAt{search}) " +
                $"SELECT Id + {offset}, substr(Slug, 1, 110) || {suffix}, Title, Summary, Body, Entities, substr(Fingerprint, 1, 60) || {suffix}, SourceFile, SourcePosition, " +
                $"StartConfidence, CreatedByRunId, CreatedAt, UpdatedAt{search} FROM Articles WHERE Id <= {stride}");
            statements.Add(
                "INSERT INTO ArticleEntities (ArticleId, EntityId, Origin, About, Mentions, Score, AddedBy, AddedAt) " +
                $"SELECT ArticleId + {offset}, EntityId, Origin, About, Mentions, Score, AddedBy, AddedAt FROM ArticleEntities WHERE ArticleId <= {stride}");
        }

        if (ftsTrigger is not null)
        {
            statements.Add("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
            statements.Add(ftsTrigger);
        }

        if (pg)
        {
            statements.Add("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))");
            statements.Add("SET maintenance_work_mem = '1GB'");
            statements.Add("CREATE INDEX ix_articles_search ON articles USING GIN (search)");
            statements.Add("VACUUM ANALYZE");
        }

        foreach (var sql in statements)
        {
            await using var command = c.CreateCommand();
#pragma warning disable CA2100 // Benchmark SQL with numbers of its own.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {engine.Name} {t.Elapsed.TotalSeconds:0} s: {sql[..Math.Min(60, sql.Length)]} (load {Load()})"));
        }

        engine.Import = t.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copies {engine.Name}: {t.Elapsed.TotalSeconds:0.0} s for {stories - baseStories:N0} stories"));
    }

    private static async Task QueriesAsync(Engine[] engines, IDbContextFactory<NewsDbContext> vocabulary, int stories, int rounds, string[] kinds)
    {
        var searches = engines.Select(e => new StorySearch(e.Factory)).ToArray();
        var bare = engines.Select(e => e.Connect()).ToArray();
        try
        {
            foreach (var c in bare)
            {
                await c.OpenAsync();
            }

            for (var e = 0; e < engines.Length; e++)
            {
                var t = Stopwatch.StartNew();
                await searches[e].SearchAsync(new SearchRequest(null, FacetLimit: Facets));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{engines[e].Name}: first search (the link index's build on SQLite) {t.Elapsed.TotalMilliseconds:0} ms"));
            }

            foreach (var kind in kinds)
            {
                var queries = await BenchQueries.PickAsync(vocabulary, kind);
                for (var e = 0; e < engines.Length; e++)
                {
                    if (bare[e] is NpgsqlConnection pg)
                    {
                        await SnippetCheckAsync(searches[e], pg, queries);
                    }
                }

                await Measure($"search '{kind}' (e.g. '{queries[0]}')", queries, rounds, engines, (e, q) => searches[e].SearchAsync(new SearchRequest(q, FacetLimit: Facets)),
                    (e, q) => BareSearch(bare[e], q, snippets: false), "bare engine query (SQLite: MATCH + bm25 LIMIT 20; PostgreSQL: @@ + ts_rank_cd LIMIT 20)",
                    (e, q) => BareSearch(bare[e], q, snippets: true), "bare with snippets (SQLite: + snippet(), which it computes for every match; PostgreSQL: + ts_headline for the 20)");
            }

            var pairs = await PairsAsync(engines[0].Factory, stories);
            await Measure($"filter company + country ({pairs.Length} pairs, e.g. {pairs[0].Company} + {pairs[0].Country})", pairs, rounds, engines,
                (e, p) => searches[e].SearchAsync(new SearchRequest(null, Companies: [p.Company], Countries: [p.Country], FacetLimit: Facets)),
                (e, p) => BareFilter(bare[e], [p.Company, p.Country]), "the same filter as SQL alone (count, page of 21, facets; semi-joins on ArticleEntities)");
            var countries = pairs.Select(p => p.Country).Distinct().Take(5).ToArray();
            await Measure($"filter one country ({countries.Length} countries)", countries, Math.Max(1, rounds / 2), engines,
                (e, c) => searches[e].SearchAsync(new SearchRequest(null, Countries: [c], FacetLimit: Facets)), (e, c) => BareFilter(bare[e], [c]), "as SQL alone");
            await Measure("home page (no text, no filter)", HomePage, rounds * 2, engines,
                (e, _) => searches[e].SearchAsync(new SearchRequest(null, FacetLimit: Facets)), null, null);
        }
        finally
        {
            foreach (var c in bare)
            {
                await c.DisposeAsync();
            }

            foreach (var s in searches)
            {
                s.Dispose();
            }
        }
    }

    private static readonly string[] HomePage = [""];

    // --snippets FILE: every snippet of the check written there (query, story id, snippet), to compare builds.
    private static string? _snippets;

    // --floors-once: the bare queries (and SQL alone) only in the last round, no warm-up of their own: at
    // 1,000,000 stories SQLite's filters as SQL alone take up to minutes each, ours milliseconds.
    private static bool _floorsOnce;

    // The web app's list asks one facet value more than it shows (Reader:FacetTop 10).
    private const int Facets = 11;

    /// <summary>
    /// Times <paramref name="ours"/> and <paramref name="floor"/> for every item on every engine, in turn
    /// (item by item, engine by engine), after one warm-up pass; prints p50 / p95 per engine.
    /// </summary>
    private static async Task Measure<T>(string title, IReadOnlyList<T> items, int rounds, Engine[] engines,
        Func<int, T, Task> ours, Func<int, T, Task<int>>? floor, string? floorName, Func<int, T, Task<int>>? second = null, string? secondName = null)
    {
        var oursMs = engines.Select(_ => new List<double>()).ToArray();
        var floorMs = engines.Select(_ => new List<double>()).ToArray();
        var secondMs = engines.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r <= rounds; r++)
        {
            foreach (var item in items)
            {
                for (var e = 0; e < engines.Length; e++)
                {
                    var floors = !_floorsOnce || r == rounds;
                    if (floor is not null && floors)
                    {
                        var f = Stopwatch.GetTimestamp();
                        await floor(e, item);
                        if (r > 0)
                        {
                            floorMs[e].Add(Stopwatch.GetElapsedTime(f).TotalMilliseconds);
                        }
                    }

                    if (second is not null && floors)
                    {
                        var f = Stopwatch.GetTimestamp();
                        await second(e, item);
                        if (r > 0)
                        {
                            secondMs[e].Add(Stopwatch.GetElapsedTime(f).TotalMilliseconds);
                        }
                    }

                    var t = Stopwatch.GetTimestamp();
                    await ours(e, item);
                    if (r > 0)
                    {
                        oursMs[e].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    }
                }
            }
        }

        Console.WriteLine($"{title}, {rounds} rounds, load {Load()}:");
        for (var e = 0; e < engines.Length; e++)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"  {engines[e].Name,-10} ours p50 {P(oursMs[e], 50),7:0.0} ms p95 {P(oursMs[e], 95),7:0.0} ms");
            if (floor is not null)
            {
                line += string.Create(CultureInfo.InvariantCulture,
                    $" | {floorName}: p50 {P(floorMs[e], 50):0.0} ms p95 {P(floorMs[e], 95):0.0} ms | p95 ratio {P(oursMs[e], 95) / P(floorMs[e], 95):0.00}");
                floorName = "bare";
            }

            if (second is not null)
            {
                line += string.Create(CultureInfo.InvariantCulture,
                    $" | {secondName}: p50 {P(secondMs[e], 50):0.0} ms p95 {P(secondMs[e], 95):0.0} ms");
                secondName = "bare with snippets";
            }

            Console.WriteLine(line);
        }
    }

    /// <summary>
    /// Our snippets (ts_headline over a window of the body) against ts_headline over the whole body, for
    /// every hit of the first page of each query: how many are the same, differ, or lost their match.
    /// </summary>
    private static async Task SnippetCheckAsync(StorySearch search, NpgsqlConnection connection, string[] queries)
    {
        int same = 0, differ = 0, lost = 0;
        string? example = null;
        foreach (var text in queries)
        {
            var result = await search.SearchAsync(new SearchRequest(text, FacetLimit: Facets));
            var parsed = SearchQueryParser.Parse(text);
            var q = PostgresFullText.Compile(parsed.Groups, parsed.Excluded, firstParameter: 2)!;
            await using var command = new NpgsqlCommand(
                $"SELECT id, body, ts_headline('newsreader', body, q, '{PostgresFullText.HeadlineOptions}') FROM articles, (SELECT {q.Sql} AS q) query WHERE id = ANY($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = result.Hits.Select(h => h.Id).ToArray() });
            foreach (var v in q.Values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = v });
            }

            var whole = new Dictionary<long, string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    whole[reader.GetInt64(0)] = PostgresFullText.Ellipsis(reader.GetString(1), reader.GetString(2));
                }
            }

            foreach (var hit in result.Hits)
            {
                var ours = string.Concat(hit.Snippet.Select(p => p.Marked ? $"\u0002{p.Text}\u0003" : p.Text));
                var theirs = whole[hit.Id];
                if (_snippets is not null)
                {
                    await File.AppendAllTextAsync(_snippets, $"{text}\t{hit.Id}\t{ours.ReplaceLineEndings(" ")}\n");
                }

                if (ours == theirs)
                {
                    same++;
                }
                else if (theirs.Contains('\u0002', StringComparison.Ordinal) && !ours.Contains('\u0002', StringComparison.Ordinal))
                {
                    lost++;
                }
                else
                {
                    differ++;
                    example ??= $"{text}: ours '{ours}' | whole body '{theirs}'";
                }
            }
        }

        Console.WriteLine($"  snippets against ts_headline over the whole body: {same} same, {differ} another fragment, {lost} without the match");
        if (example is not null)
        {
            Console.WriteLine("    e.g. " + example.Replace('\u0002', '[').Replace('\u0003', ']').Replace('\n', ' '));
        }
    }

    /// <summary>The bare engine query for a search text: the same match, ranked, 20 rows (with their snippets).</summary>
    private static async Task<int> BareSearch(DbConnection connection, string text, bool snippets)
    {
        if (connection is SqliteConnection sqlite)
        {
            return snippets ? BenchQueries.Bare(sqlite, BenchQueries.Match(text)) : BenchQueries.BareRankOnly(sqlite, BenchQueries.Match(text));
        }

        var parsed = SearchQueryParser.Parse(text);
        var q = PostgresFullText.Compile(parsed.Groups, parsed.Excluded) ?? throw new InvalidOperationException(text);
        await using var command = new NpgsqlCommand(
            $"SELECT id{(snippets ? ", ts_headline('newsreader', body, q, 'MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1')" : "")} " +
            $"FROM articles, (SELECT {q.Sql} AS q) query WHERE search @@ q ORDER BY {PostgresFullText.RankSql} DESC LIMIT 20", (NpgsqlConnection)connection);
        foreach (var v in q.Values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = v });
        }

        return await Count(command);
    }

    /// <summary>
    /// A filter by entity names as SQL alone, on either engine: the names' entities, then the
    /// matching live stories' count, the newest 21 and the facets, each a statement over the same
    /// semi-joins <c>Store/PostgresFilterQueries</c> runs in one (SQLite has no arrays: ids inline).
    /// </summary>
    private static async Task<int> BareFilter(DbConnection connection, string[] names)
    {
        var ids = new List<long>();
        foreach (var name in names)
        {
            await using var look = connection.CreateCommand();
            look.CommandText = "SELECT Id FROM Entities WHERE Id IN (SELECT EntityId FROM EntityAliases WHERE Key = @k)";
            Parameter(look, "k", NameKey.Of(name));
            ids.Add(Convert.ToInt64(await look.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }

        var matches = "SELECT a.Id, a.CreatedAt FROM Articles a WHERE a.DeletedAt IS NULL" + string.Concat(ids.Select(id =>
            string.Create(CultureInfo.InvariantCulture, $" AND a.Id IN (SELECT ArticleId FROM ArticleEntities WHERE EntityId = {id} AND RemovedAt IS NULL)")));
        var statements = new[]
        {
            $"SELECT count(*) FROM ({matches}) m",
            $"SELECT Id FROM ({matches}) m ORDER BY CreatedAt DESC, Id DESC LIMIT 21",
            "SELECT e.Id, e.Kind, c.n FROM (SELECT l.EntityId, count(*) AS n FROM (" + matches + ") m JOIN ArticleEntities l ON l.ArticleId = m.Id AND l.RemovedAt IS NULL " +
                "GROUP BY l.EntityId) c JOIN Entities e ON e.Id = c.EntityId WHERE NOT e.IsHidden ORDER BY e.Kind, c.n DESC LIMIT 100",
        };
        var n = 0;
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Benchmark SQL from the store's own ids.
            command.CommandText = sql;
#pragma warning restore CA2100
            n += await Count(command);
        }

        return n;
    }

    /// <summary>(company, country) pairs that have stories: those of 20 stories spread over the store.</summary>
    private static async Task<(string Company, string Country)[]> PairsAsync(IDbContextFactory<NewsDbContext> factory, int stories)
    {
        await using var db = await factory.CreateDbContextAsync();
        var pairs = new List<(string, string)>();
        for (var i = 0; i < 20; i++)
        {
            var id = 1 + ((long)stories * i / 20);
            var names = await db.EntityLinks.Where(l => l.StoryId == id && l.Entity!.Kind != EntityKind.Topic)
                .OrderBy(l => l.Entity!.Kind).ThenBy(l => l.EntityId).Select(l => l.Entity!.Name).ToListAsync();
            if (names.Count == 3)
            {
                pairs.Add((names[0], names[2]));
            }
        }

        return [.. pairs];
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static async Task<int> Count(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var n = 0;
        while (await reader.ReadAsync())
        {
            n++;
        }

        return n;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Benchmark maintenance statements with the benchmark's own names.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double P(List<double> values, int percentile) => StoreLatencyReport.P(values, percentile);
}
