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
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var rows = SearchQueryFuzzTests.Rows;
        await store.Importer().ImportAsync(
            Document("fuzz.txt", rows.Select((r, i) => Story(i, r[0], r[1] + "\n\n" + r[2] + " " + Text("fuzz" + i, 3), Company(r[3]))).ToArray()),
            Source("fuzz.txt"));
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
}
