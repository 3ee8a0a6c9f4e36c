using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Search;
using NewsReader.Core.Search.Model;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Search;

/// <summary>
/// What only the PostgreSQL engine has: the compiled tsquery (whatever the parser makes, the server
/// accepts: no reader text is ever tsquery syntax) and the GIN index behind it.
/// </summary>
public sealed class PostgresFullTextTests
{
    private const int Queries = 2_000;

    [Fact]
    public async Task Search_TwoThousandRandomQueries_ServerAcceptsEveryOneAndSomeMatch()
    {
        await using var store = await FuzzStoreAsync();
        var random = new Random(20261207);
        var matched = 0;
        await using var db = await store.ContextAsync();
        var engine = StoreEngine.Of(db);

        for (var n = 0; n < Queries; n++)
        {
            var text = SearchQueryFuzzTests.RandomQuery(random);
            try
            {
                var query = SearchQueryParser.Parse(text);
                await using var tx = await engine.FullText.BeginReadAsync(db, CancellationToken.None);
                var matches = new List<(long Id, double Rank)>();
                await foreach (var m in engine.FullText.MatchesAsync(tx, query, null, CancellationToken.None))
                {
                    matches.Add(m);
                }

                await engine.FullText.ExcludedAsync(tx, query, null, CancellationToken.None);
                var hits = await engine.FullText.HitsAsync(tx, query, matches, CancellationToken.None);
                Assert.Equal(matches.Count, hits.Count);

                // The search's own statement (filters, total, page, facets) takes the same text.
                var filtered = await engine.Filters!.SearchAsync(tx, new FilterQuery(query, [], [], true, null, null, 21, 11), CancellationToken.None);
                if (query.FtsMatch is not null)
                {
                    Assert.Equal(matches.Count, filtered.Total);
                }

                matched += matches.Count > 0 ? 1 : 0;
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"Query #{n} {SearchQueryFuzzTests.Escape(text)} failed: {ex.Message}");
            }
        }

        // Guards against a generator or compiler that only ever produces queries matching nothing.
        Assert.True(matched > 20, $"only {matched} queries matched any row");
    }

    [Theory]
    [InlineData(30_000)] // as the app asks: one statement
    [InlineData(40)] // a statement per dozen queries or so
    public async Task MatchEachAsync_TwoThousandRandomQueriesAtOnce_SameStoriesAsAskedOneByOne(int maxParameters)
    {
        // Alert matching asks every query in one statement; each must get what it gets alone, range bounds included.
        await using var store = await FuzzStoreAsync();
        var random = new Random(20261208);
        var queries = Enumerable.Range(0, Queries).Select(_ => SearchQueryParser.Parse(SearchQueryFuzzTests.RandomQuery(random))).ToList();
        await using var db = await store.ContextAsync();
        var ids = await db.Stories.Select(s => s.Id).Order().ToListAsync();
        var engine = StoreEngine.Of(db);
        await using var tx = await engine.FullText.BeginReadAsync(db, CancellationToken.None);
        var within = new IdRange(ids[1], ids[^2]); // the first and the last story outside

        var together = await PostgresFullText.MatchEachAsync(tx, queries, within, maxParameters, CancellationToken.None);

        var texts = 0;
        var exclusions = 0;
        for (var n = 0; n < queries.Count; n++)
        {
            var query = queries[n];
            HashSet<long>? alone;
            if (query.FtsMatch is null)
            {
                alone = await engine.FullText.ExcludedAsync(tx, query, within, CancellationToken.None);
                exclusions += alone is { Count: > 0 } ? 1 : 0;
            }
            else
            {
                alone = [];
                await foreach (var (id, _) in engine.FullText.MatchesAsync(tx, query, within, CancellationToken.None))
                {
                    alone.Add(id);
                }

                texts += alone.Count > 0 ? 1 : 0;
            }

            Assert.True(alone is null ? together[n] is null : together[n] is { } t && t.SetEquals(alone), $"query #{n}: {query.FtsMatch ?? query.ExcludeOnlyMatch}");
        }

        // Guards against a generator that makes only queries matching nothing.
        Assert.True(texts > 20 && exclusions > 0, $"{texts} text queries and {exclusions} exclusions matched something");
    }

    /// <summary>A store of the fuzz tests' rows, a story each.</summary>
    private static async Task<TestStore> FuzzStoreAsync()
    {
        var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var rows = SearchQueryFuzzTests.Rows;
        await store.Importer().ImportAsync(
            Document("fuzz.txt", rows.Select((r, i) => Story(i, r[0], r[1] + "\n\n" + r[2] + " " + Text("fuzz" + i, 3), Company(r[3]))).ToArray()),
            Source("fuzz.txt"));
        return store;
    }

    [Fact]
    public async Task ExplainAsync_IndexAvailable_TheGinIndexAnswersTheText()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Solar panels", Text("solar")), Story(1, "Wind farms", Text("wind"))), Source("a.txt"));
        await using var db = await store.ContextAsync();
        var engine = StoreEngine.Of(db);
        await using var tx = await engine.FullText.BeginReadAsync(db, CancellationToken.None);
        await using (var off = tx.Connection!.CreateCommand())
        {
            // Two rows: the planner would scan them; forbid the scan to see that the index can answer.
            off.Transaction = tx;
            off.CommandText = "SET LOCAL enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        var plan = await engine.FullText.ExplainAsync(tx, SearchQueryParser.Parse("solar -wind micro*"), CancellationToken.None);

        Assert.Contains(plan, line => line.Contains("ix_articles_search", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("panels", new[] { "Solar panels" })]
    [InlineData("panel*", new[] { "Solar panels" })]
    [InlineData("\"wind farms\"", new[] { "Wind farms" })]
    [InlineData("\"farms busy\"", new string[0])]
    [InlineData("solar OR wind", new[] { "Solar panels", "Wind farms" })]
    [InlineData("solar -panels", new string[0])]
    [InlineData("cafe", new[] { "Café culture" })]
    public async Task SearchAsync_QueryLanguage_SameMeaningAsOnSqlite(string text, string[] titles)
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await store.Importer().ImportAsync(Document("a.txt",
            Story(0, "Solar panels", "Solar power. " + Text("solar", 3)),
            Story(1, "Wind farms", "Wind farms grew. " + Text("wind", 3)),
            Story(2, "Café culture", "Cafés are busy. " + Text("cafe", 3))), Source("a.txt"));

        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest(text));

        Assert.Equal(titles.Order(), result.Hits.Select(h => h.Title).Order());
    }

    [Theory]
    [InlineData("solar", SearchSort.Relevance, null)]
    [InlineData("solar wind", SearchSort.Relevance, null)]
    [InlineData("\"solar power\"", SearchSort.Relevance, null)]
    [InlineData("sol*", SearchSort.Relevance, null)]
    [InlineData("solar OR wind", SearchSort.Newest, null)]
    [InlineData("wind -panels", SearchSort.Relevance, null)]
    [InlineData("solar", SearchSort.Relevance, "Sun Co")]
    [InlineData(null, SearchSort.Relevance, "Sun Co")]
    [InlineData("-wind", SearchSort.Relevance, null)]
    public async Task SearchAsync_HitsReadInTheFilterStatement_SameAsReadAfterIt(string? text, SearchSort sort, string? company)
    {
        // The page's hits (fields, ranks, snippets) come back with the search's own statement: the same,
        // page by page, as the hits read afterwards for the page's ids in a statement of their own.
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        string[] middles = [" Solar power grew there. ", " Wind turbines turned. ", " Panels and wind farms. ", " Nothing about it. "];
        var stories = Enumerable.Range(0, 24).Select(i => Story(i, $"Report {i} on {(i % 3 == 0 ? "solar power" : "the weather")}",
            Text("filler" + i, 8) + middles[i % 4] + Text("more" + i, 12) + (i % 5 == 0 ? " The solar wind blew." : string.Empty),
            Company(i % 2 == 0 ? "Sun Co" : "Gale Co"))).ToArray();
        await store.Importer().ImportAsync(Document("a.txt", stories), Source("a.txt"));
        var search = new StorySearch(store.Factory);
        await using var db = await store.ContextAsync();
        var engine = StoreEngine.Of(db);
        string? after = null;
        var pages = 0;
        var seen = 0;
        var marked = false;
        do
        {
            var result = await search.SearchAsync(new SearchRequest(text, Companies: company is null ? null : [company], Sort: sort, Limit: 3, After: after));
            await using var tx = await engine.FullText.BeginReadAsync(db, CancellationToken.None);
            var again = await engine.FullText.HitsAsync(tx, SearchQueryParser.Parse(text), result.Hits.Select(h => (h.Id, h.Rank ?? 0)).ToList(), CancellationToken.None);

            Assert.Equal(again.Select(Shown), result.Hits.Select(Shown));
            marked |= result.Hits.Any(h => h.Snippet.Any(p => p.Marked));
            seen += result.Hits.Count;
            after = result.NextCursor;
            pages++;
        }
        while (after is not null);

        Assert.True(pages > 1 && seen > 3, $"{pages} pages, {seen} hits: the test needs more than one page");
        Assert.Equal(text is not null && !text.StartsWith('-'), marked);
    }

    [Theory]
    [InlineData("solar")]
    [InlineData(null)]
    public async Task SearchAsync_BodyLength_CharactersAsTheServerCountsThem(string? text)
    {
        // With text the hits' body lengths are counted from the bodies they carry, not by the server:
        // a character outside the BMP (two UTF-16 units) and an accented one count once each, as length() counts them.
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await store.Importer().ImportAsync(Document("a.txt",
            Story(0, "Solar panels", "Solar power 🌞 at the café, 😀 twice. " + Text("solar", 6)),
            Story(1, "Solar farms", "Solar farms grew. " + Text("farm", 5))), Source("a.txt"));

        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest(text));

        await using var db = await store.ContextAsync();
        var lengths = await db.Database.SqlQueryRaw<int>("SELECT length(body) AS \"Value\" FROM articles ORDER BY id").ToListAsync();
        Assert.Equal(2, result.Hits.Count);
        Assert.Equal(lengths.Order(), result.Hits.Select(h => h.BodyLength).Order());
    }

    private static string Shown(SearchHit h) =>
        $"{h.Id} {h.Slug} {h.Title} {h.Summary} {h.CreatedAt:O} {h.CreatedAt.Kind} {h.Rank} {h.BodyLength} {h.SnippetText("[", "]")}";
}
