using NewsReader.Core.Search;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Search;

/// <summary>The PostgreSQL engine compiles whatever the parser makes into a tsquery the server accepts: no reader text is ever tsquery syntax.</summary>
public sealed class PostgresQueryFuzzTests
{
    private const int Queries = 2_000;

    [Fact]
    public async Task Search_TwoThousandRandomQueries_ServerAcceptsEveryOneAndSomeMatch()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var rows = SearchQueryFuzzTests.Rows;
        await store.Importer().ImportAsync(
            Document("fuzz.txt", rows.Select((r, i) => Article(i, r[0], r[1] + "\n\n" + r[2] + " " + Text("fuzz" + i, 3), Company(r[3]))).ToArray()),
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
                await foreach (var m in engine.FullText.MatchesAsync(tx, query, CancellationToken.None))
                {
                    matches.Add(m);
                }

                await engine.FullText.ExcludedAsync(tx, query, CancellationToken.None);
                var hits = await engine.FullText.HitsAsync(tx, query, matches, CancellationToken.None);
                Assert.Equal(matches.Count, hits.Count);
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
}
