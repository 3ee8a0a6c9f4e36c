using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using Npgsql;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Store;

/// <summary>What only PostgreSQL's filter statement relies on: the index of live links the facets probe.</summary>
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
}
