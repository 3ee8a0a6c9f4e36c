using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Search;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Two-word searches with snippets and facets against the bare FTS5 floor (same index, same MATCH,
/// bm25, LIMIT 20, snippet()), per query; and a company + country filter without text.
/// For p95 per query use <c>--store-latency</c> (docs/store.md).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StoreSearchBenchmarks : IDisposable
{
    private StorySearch _search = null!;
    private SqliteConnection _bare = null!;
    private string[] _queries = null!;
    private string[] _matches = null!;
    private (string Company, string Country)[] _pairs = null!;

    [Params("selective", "common")]
    public string Kind { get; set; } = "common";

    [GlobalSetup]
    public async Task Setup()
    {
        var factory = await BenchCorpus.SearchStoreAsync(BenchCorpus.Path);
        _search = new StorySearch(factory);
        _queries = await BenchQueries.PickAsync(factory, Kind);
        _matches = _queries.Select(BenchQueries.Match).ToArray();
        _pairs = await BenchQueries.FilterPairsAsync(factory);
        await using var db = await factory.CreateDbContextAsync();
        _bare = BenchQueries.OpenBare(db.Database.GetDbConnection().DataSource);
        Console.WriteLine($"// {Kind}: {string.Join(" | ", _queries.Take(5))} ...");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _bare.Dispose();
        _search.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchQueries.Count)]
    public int BareFts()
    {
        var n = 0;
        foreach (var m in _matches)
        {
            n += BenchQueries.Bare(_bare, m);
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = BenchQueries.Count)]
    public async Task<int> SearchWithSnippetsAndFacets()
    {
        var n = 0;
        foreach (var q in _queries)
        {
            n += (await _search.SearchAsync(new SearchRequest(q))).Hits.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = BenchQueries.Count)]
    public async Task<int> FilterCompanyAndCountry()
    {
        var n = 0;
        foreach (var (company, country) in _pairs.Take(BenchQueries.Count))
        {
            n += (await _search.SearchAsync(new SearchRequest(null, Companies: [company], Countries: [country]))).Hits.Count;
        }

        return n;
    }
}
