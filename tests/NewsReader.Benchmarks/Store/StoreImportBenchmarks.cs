using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Import into an empty store against the floor: a bare insert of the same text into a table plus
/// an FTS5 index, in the same run. MB/s = corpus size (printed at setup) / mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class StoreImportBenchmarks
{
    private static readonly ImportOptions Options = new(StartedBy: "bench", Limits: new ReadLimits(MaxFileBytes: 1L << 30));
    private ParsedDocument _parsed = null!;
    private string _corpus = null!;
    private IDbContextFactory<NewsDbContext> _factory = null!;
    private string _barePath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchCorpus.Path;
        _parsed = BenchCorpus.LoadParsed(_corpus);
        Console.WriteLine($"// corpus {_corpus}: {new FileInfo(_corpus).Length / 1e6:0.0} MB, {_parsed.Articles.Count} stories");
    }

    [IterationSetup(Targets = [nameof(ImportParsed), nameof(ImportFile)])]
    public void EmptyStore() => _factory = BenchCorpus.EmptyStoreAsync("import").GetAwaiter().GetResult().Factory;

    [IterationSetup(Target = nameof(BareInsert))]
    public void EmptyBare()
    {
        _barePath = Path.Combine(BenchCorpus.Folder, "bare.db");
        BenchCorpus.Delete(_barePath);
    }

    /// <summary>The floor: one transaction, a table and an external-content FTS5 index with the same tokenizer.</summary>
    [Benchmark(Baseline = true)]
    public int BareInsert()
    {
        using var c = BenchQueries.OpenBare(_barePath);
        using (var ddl = c.CreateCommand())
        {
            ddl.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " +
                "CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT); " +
                "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');";
            ddl.ExecuteNonQuery();
        }

        using var tx = c.BeginTransaction();
        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO docs (title, body) VALUES ($t, $b) RETURNING id";
        var t = insert.Parameters.Add("$t", SqliteType.Text);
        var b = insert.Parameters.Add("$b", SqliteType.Text);
        using var index = c.CreateCommand();
        index.CommandText = "INSERT INTO docs_fts (rowid, title, body) VALUES ($id, $t, $b)";
        var id = index.Parameters.Add("$id", SqliteType.Integer);
        var it = index.Parameters.Add("$t", SqliteType.Text);
        var ib = index.Parameters.Add("$b", SqliteType.Text);
        foreach (var a in _parsed.Articles)
        {
            t.Value = it.Value = a.Title;
            b.Value = ib.Value = a.BodyMarkdown;
            id.Value = insert.ExecuteScalar();
            index.ExecuteNonQuery();
        }

        tx.Commit();
        return _parsed.Articles.Count;
    }

    /// <summary>The store alone: dedup, entities, links, LSH bands, FTS triggers; the corpus cut into stories beforehand.</summary>
    [Benchmark]
    public async Task<int> ImportParsed() =>
        (await new StoryImporter(_factory, SeedParser.CreateDefault()).ImportAsync(
            _parsed, new ImportSource("corpus.md", Guid.NewGuid().ToString("N"), 0), Options)).New;

    /// <summary>End to end: read, validate, split, headlines, extraction, store.</summary>
    [Benchmark]
    public async Task<int> ImportFile() =>
        (await new StoryImporter(_factory, SeedParser.CreateDefault()).ImportFileAsync(_corpus, Options)).New;
}

/// <summary>Re-importing what is already stored: the same file (hash fast path) and the same stories re-parsed.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StoreReimportBenchmarks
{
    private static readonly ImportOptions Options = new(StartedBy: "bench", Limits: new ReadLimits(MaxFileBytes: 1L << 30));
    private ParsedDocument _parsed = null!;
    private string _corpus = null!;
    private IDbContextFactory<NewsDbContext> _factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchCorpus.Path;
        _parsed = BenchCorpus.LoadParsed(_corpus);
        _factory = BenchCorpus.EmptyStoreAsync("reimport").GetAwaiter().GetResult().Factory;
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_corpus)));
        new StoryImporter(_factory, SeedParser.CreateDefault())
            .ImportAsync(_parsed, new ImportSource(Path.GetFileName(_corpus), sha, new FileInfo(_corpus).Length), Options).GetAwaiter().GetResult();
        Console.WriteLine($"// corpus {_corpus}: {new FileInfo(_corpus).Length / 1e6:0.0} MB, {_parsed.Articles.Count} stories");
    }

    /// <summary>The same file again: hashed, recognised, recorded as a run, nothing parsed.</summary>
    [Benchmark]
    public async Task<int> ReimportSameFile() =>
        (await new StoryImporter(_factory, SeedParser.CreateDefault()).ImportFileAsync(_corpus, Options)).Unchanged;

    /// <summary>Every story again through the store (fingerprint look-ups), as after a changed file.</summary>
    [Benchmark]
    public async Task<int> ReimportParsedAllUnchanged() =>
        (await new StoryImporter(_factory, SeedParser.CreateDefault()).ImportAsync(
            _parsed, new ImportSource("corpus.md", Guid.NewGuid().ToString("N"), 0), Options)).Unchanged;
}
