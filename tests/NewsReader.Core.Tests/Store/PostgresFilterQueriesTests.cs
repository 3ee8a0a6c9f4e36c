using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Search.Model;
using NewsReader.Core.Store;
using NewsReader.Core.Tagging;
using NewsReader.Core.Tests.Data;
using Npgsql;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Store;

/// <summary>
/// What only PostgreSQL's filter statement relies on: the index of live links the facets probe, the
/// entities read by key, and the counts the database keeps for the home page.
/// </summary>
public sealed class PostgresFilterQueriesTests
{
    [Fact]
    public async Task FacetsProbe_AStorysLiveLinks_AnIndexOnlyScanOfTheLiveLinkIndex()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await store.Importer().ImportAsync(Document("a.txt",
            Story(0, "Solar panels", Text("solar"), Company("Sunny Corp"), Country("Spain")),
            Story(1, "Wind farms", Text("wind"), Company("Breeze Ltd"), Country("Spain"))), Source("a.txt"));
        await using var connection = (NpgsqlConnection)store.Connection();
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE articleentities", connection))
        {
            // What autovacuum does after a load: the visibility map that lets a scan skip the rows.
            await vacuum.ExecuteNonQueryAsync();
        }

        await using var tx = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", connection, tx))
        {
            // Two stories: the planner would scan them; forbid that to see what the index can answer.
            await off.ExecuteNonQueryAsync();
        }

        // The facets' probe of PostgresFilterQueries, once per match: that story's live links.
        await using var explain = new NpgsqlCommand("EXPLAIN SELECT entityid FROM articleentities WHERE articleid = $1 AND removedat IS NULL", connection, tx);
        explain.Parameters.Add(new NpgsqlParameter { Value = 1L });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("Index Only Scan using ix_articleentities_live", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomePage_AfterImportsTagsDeletesAndAMerge_KeptCountsGiveTheTotalAndFacetsOfTheRows()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await store.Importer().ImportAsync(Document("a.txt",
            Story(0, "Solar panels", Text("solar"), Company("Sunny Corp"), Country("Spain")),
            Story(1, "Wind farms", Text("wind"), Company("Breeze Ltd"), Country("Spain")),
            Story(2, "Tidal power", Text("tidal"), Company("Sunny Corporation"), Country("Portugal"))), Source("a.txt"));
        await store.Importer().ImportAsync(Document("b.txt",
            Story(0, "Hydro dams", Text("hydro"), Company("Breeze Ltd"), Country("Norway"))), Source("b.txt"));
        long Id(string name)
        {
            using var db = store.Factory.CreateDbContext();
            return db.Entities.Single(e => e.Name == name).Id;
        }

        // A tag taken off, a story deleted (its links stay live), two companies merged.
        await new StoryTagger(store.Factory).RemoveAsync("wind-farms", Id("Spain"), "bob");
        await using (var db = await store.ContextAsync())
        {
            await new StoryCurator(store.Factory).DeleteAsync((await db.Stories.SingleAsync(a => a.Title == "Hydro dams")).Id, "bob");
        }

        await new EntityCurator(store.Factory).MergeAsync(Id("Sunny Corporation"), Id("Sunny Corp"), "bob");

        store.AssertIntegrity();
        var home = await new StorySearch(store.Factory).SearchAsync(new SearchRequest(null, FacetLimit: 50));
        Assert.Equal(3, home.Total);
        Assert.Equal(["Solar panels", "Tidal power", "Wind farms"], home.Hits.Select(h => h.Title).Order());
        Assert.Equal([("Sunny Corp", 2), ("Breeze Ltd", 1)], home.Companies.Select(f => (f.Name, f.Count)));
        Assert.Equal([("Portugal", 1), ("Spain", 1)], home.Countries.Select(f => (f.Name, f.Count)));
    }

    [Fact]
    public async Task Facets_FortyMatchesAmongThousandsOfEntities_EachCountedEntityReadByItsKey()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await store.Importer().ImportAsync(Document("a.txt", Enumerable.Range(0, 40)
            .Select(i => Story(i, $"Solar plant {i}", "Solar power.\n\n" + Text($"plant{i}"), Company($"Sunny {i} Corp"), Country("Spain"))).ToArray()), Source("a.txt"));
        await using var connection = (NpgsqlConnection)store.Connection();
        await using (var more = new NpgsqlCommand(
            "INSERT INTO entities (kind, name, slug, ishidden, createdat) SELECT 0, 'Other ' || i, 'other-' || i, false, now() FROM generate_series(1, 5000) i; ANALYZE",
            connection))
        {
            // A store's entities, most of them unrelated to the matches (5,000 at 100,000 stories).
            await more.ExecuteNonQueryAsync();
        }

        var statement = PostgresFilterQueries.Statement(new FilterQuery(SearchQueryParser.Parse("solar"), [], [], true, null, null, 21, 11))!.Value;
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + statement.Sql, connection);
        foreach (var value in statement.Values)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        // Joined plainly, the planner reads all 5,040 entities and hashes them for the ~40 counted; the
        // hash stays planned, for a count of thousands, but does not run.
        var probe = plan.FindIndex(line => line.Contains("Index Scan using \"PK_entities\" on entities", StringComparison.Ordinal));
        Assert.True(probe >= 0 && !plan[probe].Contains("never executed", StringComparison.Ordinal) && plan[probe + 1].Contains("Index Cond: (id = ", StringComparison.Ordinal),
            string.Join("\n", plan));
        Assert.All(plan.Where(line => line.Contains("Seq Scan on entities", StringComparison.Ordinal)), line => Assert.Contains("never executed", line, StringComparison.Ordinal));
    }
}
