using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Store;

namespace NewsReader.Benchmarks.Store;

/// <summary>Queries for the search benchmarks, picked from the index's own vocabulary, and the bare FTS5 floor.</summary>
public static class BenchQueries
{
    /// <summary>Queries per class.</summary>
    public const int Count = 20;

    /// <summary>
    /// Two-word queries. "common": both words in 10-40% of stories. "selective": a word in 0.1-1% of
    /// stories with a common one (two rare words mostly match nothing, which measures nothing).
    /// </summary>
    public static async Task<string[]> PickAsync(IDbContextFactory<NewsDbContext> factory, string kind)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var c = (SqliteConnection)db.Database.GetDbConnection();
        using (var create = c.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, articles_fts, row)";
            create.ExecuteNonQuery();
        }

        var total = await db.Stories.CountAsync();
        var common = Terms(c, total * 0.10, total * 0.40, Count * 2);
        if (kind == "common")
        {
            return Enumerable.Range(0, Count).Select(i => $"{common[(2 * i) % common.Count]} {common[((2 * i) + 1) % common.Count]}").ToArray();
        }

        var rare = Terms(c, total * 0.001, total * 0.01, Count);
        return Enumerable.Range(0, Count).Select(i => $"{rare[i % rare.Count]} {common[i % common.Count]}").ToArray();
    }

    /// <summary>The floor: FTS5 alone, the same MATCH text, ordered by bm25, 20 rows with snippet().</summary>
    public static int Bare(SqliteConnection connection, string ftsMatch)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, snippet(articles_fts, -1, '[', ']', '…', 24) FROM articles_fts WHERE articles_fts MATCH $q ORDER BY bm25(articles_fts) LIMIT 20";
        command.Parameters.AddWithValue("$q", ftsMatch);
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            n += reader.GetString(1).Length > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// The floor without snippet(): SQLite evaluates the result columns of every match before the
    /// ORDER BY ... LIMIT, so the floor pays snippet() per match; this one shows the cost of
    /// ranking alone.
    /// </summary>
    public static int BareRankOnly(SqliteConnection connection, string ftsMatch)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $q ORDER BY bm25(articles_fts) LIMIT 20";
        command.Parameters.AddWithValue("$q", ftsMatch);
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    /// <summary>The FTS5 expression our search sends for a query, so both sides search the same thing.</summary>
    public static string Match(string query) => SearchQueryParser.Parse(query).FtsMatch ?? throw new InvalidOperationException(query);

    /// <summary>(company, country) pairs that have stories, most frequent companies first.</summary>
    public static async Task<(string Company, string Country)[]> FilterPairsAsync(IDbContextFactory<NewsDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Database.SqlQueryRaw<Pair>(
            "SELECT c.Name AS Company, k.Name AS Country FROM ArticleEntities lc JOIN Entities c ON c.Id = lc.EntityId AND c.Kind = 0 " +
            "JOIN ArticleEntities lk ON lk.ArticleId = lc.ArticleId JOIN Entities k ON k.Id = lk.EntityId AND k.Kind = 1 " +
            "GROUP BY c.Id, k.Id ORDER BY count(*) DESC, c.Name LIMIT 20").ToListAsync())
            .Select(p => (p.Company, p.Country)).ToArray();
    }

    public static SqliteConnection OpenBare(string path)
    {
        var c = new SqliteConnection(NewsDb.ConnectionStringFor(path));
        c.Open();
        return c;
    }

    private static List<string> Terms(SqliteConnection c, double minDocs, double maxDocs, int n)
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT term FROM temp.bench_vocab WHERE doc BETWEEN $lo AND $hi AND length(term) >= 4 " +
            "AND term NOT GLOB '*[^a-z]*' ORDER BY (doc * 7919) % 10007, term LIMIT $n";
        command.Parameters.AddWithValue("$lo", Math.Max(1, (long)minDocs));
        command.Parameters.AddWithValue("$hi", Math.Max(2, (long)maxDocs));
        command.Parameters.AddWithValue("$n", n);
        var terms = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            terms.Add(reader.GetString(0));
        }

        return terms.Count > 0 ? terms : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no terms in {minDocs:0}-{maxDocs:0} stories"));
    }

    private sealed record Pair(string Company, string Country);
}
