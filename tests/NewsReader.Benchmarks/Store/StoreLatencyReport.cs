using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Search;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Per-query latency percentiles on a warm store: our search (snippets + facets) against the bare
/// FTS5 floor, interleaved query by query so machine noise hits both alike; and the filter without
/// text. Usage: <c>--store-latency [CORPUS] [--rounds N]</c>.
/// </summary>
public static class StoreLatencyReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? BenchCorpus.Path;
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);
        var build = Stopwatch.StartNew();
        var factory = await BenchCorpus.SearchStoreAsync(corpus);
        using var search = new StorySearch(factory);
        string path;
        long stories, bytes;
        await using (var db = await factory.CreateDbContextAsync())
        {
            path = db.Database.GetDbConnection().DataSource;
            stories = await db.Stories.LongCountAsync();
            bytes = new FileInfo(path).Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store {path}: {stories} stories, {bytes / 1e6:0.0} MB, {bytes / Math.Max(1, stories):N0} bytes per story (ready in {build.Elapsed.TotalSeconds:0.0} s)"));
        // The first search reads the store into the link index (ADR 0005); later ones reuse it until the store changes.
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var first = Stopwatch.StartNew();
        await search.SearchAsync(new SearchRequest(null));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"link index: built in {first.Elapsed.TotalMilliseconds:0} ms by the first search, {(GC.GetTotalMemory(forceFullCollection: true) - heap) / 1e6:0.0} MB of managed heap"));
        using var bare = BenchQueries.OpenBare(path);
        foreach (var kind in new[] { "selective", "common" })
        {
            var queries = await BenchQueries.PickAsync(factory, kind);
            var ours = new List<double>();
            var floor = new List<double>();
            var rankOnly = new List<double>();
            foreach (var q in queries)
            {
                BenchQueries.Bare(bare, BenchQueries.Match(q)); // warm both paths
                await search.SearchAsync(new SearchRequest(q));
            }

            for (var r = 0; r < rounds; r++)
            {
                foreach (var q in queries)
                {
                    var match = BenchQueries.Match(q);
                    var t = Stopwatch.GetTimestamp();
                    BenchQueries.Bare(bare, match);
                    floor.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    t = Stopwatch.GetTimestamp();
                    BenchQueries.BareRankOnly(bare, match);
                    rankOnly.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    t = Stopwatch.GetTimestamp();
                    await search.SearchAsync(new SearchRequest(q));
                    ours.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-9} e.g. '{queries[0]}': bare p50 {P(floor, 50):0.0} ms p95 {P(floor, 95):0.0} ms | search+snippets+facets p50 {P(ours, 50):0.0} ms p95 {P(ours, 95):0.0} ms | p95 ratio {P(ours, 95) / P(floor, 95):0.00} | bare without snippet() p50 {P(rankOnly, 50):0.0} ms p95 {P(rankOnly, 95):0.0} ms, ratio {P(ours, 95) / P(rankOnly, 95):0.00}"));
        }

        var pairs = await BenchQueries.FilterPairsAsync(factory);
        var filter = new List<double>();
        for (var r = 0; r < rounds + 1; r++)
        {
            foreach (var (company, country) in pairs)
            {
                var t = Stopwatch.GetTimestamp();
                await search.SearchAsync(new SearchRequest(null, Companies: [company], Countries: [country]));
                if (r > 0)
                {
                    filter.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"filter company+country, no text ({pairs.Length} pairs): p50 {P(filter, 50):0.0} ms p95 {P(filter, 95):0.0} ms"));
        return 0;
    }

    internal static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
