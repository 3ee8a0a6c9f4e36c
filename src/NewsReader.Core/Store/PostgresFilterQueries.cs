using System.Data.Common;
using NewsReader.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace NewsReader.Core.Store;

/// <summary>
/// Filters, total, page and facets on PostgreSQL, in one statement over one set of matches (a
/// materialised CTE): the text through the GIN index (<see cref="PostgresFullText"/>), each entity
/// filter a semi-join on <c>articleentities</c>, whose primary key (ArticleId, EntityId) and index
/// (EntityId, ArticleId) let the planner start from the rarest filter and probe the others; the page
/// by keyset, with its hits' fields, bodies and vectors (a round trip fewer than reading them after);
/// the facets by grouping the matches' live links. Every live story (no text, no filter:
/// the home page) reads the counts the database keeps instead (migration LiveCounts). Every value is a parameter.
/// </summary>
internal sealed class PostgresFilterQueries : IFilterQueries
{
    // The facets' entities: each counted one by its primary key, or all of them hashed. Joined plainly,
    // the planner always hashes all 5,000 (a sequential scan): at ~70 matches and ~160 entities that
    // was half the statement's time, while at tens of thousands of matches counting most entities a
    // probe each costs more than the hash (EXPLAIN ANALYZE in docs/performance.md). OFFSET 0 keeps the
    // subquery from being flattened back into the plain join.
    private const string EntityByKey = "CROSS JOIN LATERAL (SELECT x.id, x.kind, x.name, x.slug FROM entities x WHERE x.id = c.entityid AND NOT x.ishidden OFFSET 0) e";
    private const string EveryEntity = "JOIN entities e ON e.id = c.entityid AND NOT e.ishidden";
    private const int ProbedEntitiesAtMost = 1000;

    // The columns of a hit (PageRow) from HitColumn on, as in a row that is none; then the text query.
    private const int HitColumn = 8;
    private const string NoHit = "NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::timestamptz, NULL::int, NULL::text, NULL::bytea";

    public async Task<FilteredMatches> SearchAsync(DbTransaction tx, FilterQuery request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Statement(request) is not { } statement)
        {
            // Text the engine cannot search (no word in any term) matches nothing, as on SQLite.
            return new FilteredMatches(0, [], []);
        }

        await using var batch = Batch(tx, request, statement.Sql, statement.Values);
        return await ReadAsync(tx, batch, request, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The statement, and for a text without entity filters the settings of a generic plan before it,
    /// in one round trip. Npgsql prepares the statement once it repeats (PostgresProvider.WithDefaults);
    /// PostgreSQL would still plan it anew for every search's words (0.6-0.9 ms of a 3-4 ms statement
    /// at 100,000 stories), as its custom plans for the first words cost less than the generic one.
    /// A generic plan starts from the GIN index whatever the words, as the custom plans do, but guesses
    /// 0.5% of the stories match and at 1,000,000 then scans in parallel, slower for a few hundred
    /// matches: so without parallel workers, in this read transaction only (SET LOCAL). With entity
    /// filters the words' custom plan stays: it starts from the rarest filter.
    /// </summary>
    private static NpgsqlBatch Batch(DbTransaction tx, FilterQuery request, string sql, IReadOnlyList<object?> values)
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)tx.Connection!, (NpgsqlTransaction)tx);
        if (request.Query.FtsMatch is not null && request.Includes.Count == 0 && request.Excludes.Count == 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_generic_plan"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL max_parallel_workers_per_gather = 0"));
        }

#pragma warning disable CA2100 // Constant SQL with generated parameter numbers; every value is a parameter.
        var command = new NpgsqlBatchCommand(sql);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
        return batch;
    }

    /// <summary>
    /// The request's statement and its values: one row set in three parts, 0 the total, 1 the page
    /// (with its hits' fields), 2 the facets (top N per kind); null when its text can match nothing.
    /// </summary>
    internal static (string Sql, IReadOnlyList<object?> Values)? Statement(FilterQuery request)
    {
        var values = new PostgresParameters();
        if (Matches(request, values) is not { } matches)
        {
            return null;
        }

        var (order, after) = PageOrder(request, values);
        var with = new List<string>();
        string source;
        string total;
        string counts;
        if (matches.WholeStore)
        {
            // Every live story (the home page): the counts the database keeps (migration LiveCounts),
            // less the deleted stories' (few, found by their partial index); the page from the
            // (CreatedAt, Id) index. Grouping every link instead took seconds at 1,000,000 stories.
            const string deleted = "SELECT l.entityid, count(*) AS n FROM articles d JOIN articleentities l ON l.articleid = d.id AND l.removedat IS NULL WHERE d.deletedat IS NOT NULL GROUP BY l.entityid";
            source = $"({matches.Sql}) m";
            total = "COALESCE((SELECT n FROM livecounts WHERE key = 0), 0) - (SELECT count(*) FROM articles WHERE deletedat IS NOT NULL)";
            counts = $"SELECT * FROM (SELECT k.key AS entityid, k.n - COALESCE(d.n, 0) AS n FROM livecounts k LEFT JOIN ({deleted}) d ON d.entityid = k.key WHERE k.key > 0) live WHERE n > 0";
        }
        else
        {
            with.Add($"m AS MATERIALIZED ({matches.Sql})");
            source = "m";
            total = "(SELECT count(*) FROM m)";
            counts = "SELECT l.entityid, count(*) AS n FROM m JOIN articleentities l ON l.articleid = m.id AND l.removedat IS NULL GROUP BY l.entityid";
        }

        // Part 0 also carries the compiled text query (its lexemes place the snippets).
        var sql = $"SELECT 0, NULL::bigint, NULL::float8, NULL::timestamptz, {total}, NULL::int, NULL::text, NULL::text, {NoHit}, {matches.Query ?? "NULL::tsquery"} " +
            PagePart(request, values, $"SELECT id, rank, createdat FROM {source} WHERE {after} ORDER BY {order} LIMIT {values.Add(request.Take)}", order, matches.Query is not null);
        if (request.FacetLimit > 0)
        {
            with.Add($"c AS MATERIALIZED ({counts})");
            var top = values.Add(request.FacetLimit);
            string Facets(string entities, string when) =>
                $" UNION ALL SELECT 2, id, NULL, NULL, n, kind, name, slug, {NoHit}, NULL FROM (" +
                $"SELECT e.id, e.kind, e.name, e.slug, c.n, row_number() OVER (PARTITION BY e.kind ORDER BY c.n DESC, e.name COLLATE \"C\") AS r FROM c {entities}) f " +
                $"WHERE r <= {top}{when}";

            // Both ways are planned; whether c holds more than the limit, known once c is made (and read
            // no further than the limit), runs one of them.
            var many = $"EXISTS (SELECT 1 FROM c OFFSET {ProbedEntitiesAtMost})";
            sql += matches.WholeStore
                ? Facets(EveryEntity, string.Empty)
                : Facets(EntityByKey, $" AND NOT {many}") + Facets(EveryEntity, $" AND {many}");
        }

        sql = (with.Count > 0 ? "WITH " + string.Join(", ", with) + " " : string.Empty) + sql;
        return (sql, values.Values);
    }

    /// <summary>
    /// Part 1 of the statement: the page's rows, and for its first <see cref="FilterQuery.Hits"/> rows
    /// their fields (a hit's), with text their body and vector too (the snippet's window): read here,
    /// they cost no statement of their own.
    /// </summary>
    private static string PagePart(FilterQuery request, PostgresParameters values, string page, string order, bool text)
    {
        if (request.Hits == 0)
        {
            return $"UNION ALL (SELECT 1, id, rank, createdat, NULL, NULL, NULL, NULL, {NoHit}, NULL FROM ({page}) p)";
        }

        // With text the body comes whole and its length is counted from it (PageRow.Read): length()
        // decompresses the body as its output does, which for 20 rows was a third of the statement.
        var hit = $"p.n <= {values.Add(request.Hits)}";
        var (length, body, vector) = text
            ? ("NULL::int", $"CASE WHEN {hit} THEN a.body END", $"CASE WHEN {hit} THEN tsvectorsend(a.search) END")
            : ($"CASE WHEN {hit} THEN length(a.body) END", "NULL::text", "NULL::bytea");
        return "UNION ALL SELECT 1, p.id, p.rank, p.createdat, NULL, NULL, NULL, NULL, " +
            $"CASE WHEN {hit} THEN a.id END, a.slug, a.title, a.summary, a.createdat, {length}, {body}, {vector}, NULL " +
            $"FROM (SELECT *, row_number() OVER (ORDER BY {order}) AS n FROM ({page}) p0) p JOIN articles a ON a.id = p.id";
    }

    /// <summary>
    /// The matches' select (id, createdat, rank: lower is better) and whether it is every live story
    /// (no text, no filter); null when its text can match nothing.
    /// </summary>
    private static (string Sql, bool WholeStore, string? Query)? Matches(FilterQuery request, PostgresParameters values)
    {
        var query = request.Query;
        var from = "articles a";
        var rank = "0::float8";
        var where = new List<string> { "a.deletedat IS NULL" };
        string? text = null;
        if (query.FtsMatch is not null)
        {
            if (PostgresFullText.Compile(query.Groups, query.Excluded, values.Values.Count + 1) is not { } q)
            {
                return null;
            }

            values.Values.AddRange(q.Values);
            text = q.Sql;
            // OFFSET 0: the query is made once. Flattened into the statement, a generic plan (Batch) would
            // compile the words again for every match it ranks (their values are parameters there).
            from += $", (SELECT {q.Sql} AS q OFFSET 0) query";
            where.Add("a.search @@ q");

            // Lower is better, as the seam asks; float4 widened exactly, so a cursor's rank compares equal.
            rank = $"-({PostgresFullText.RankSql})::float8";
        }
        else if (query.Groups.Count == 0 && PostgresFullText.Compile([query.Excluded], [], values.Values.Count + 1) is { } x)
        {
            // Only exclusions (-tesla): every story but those.
            values.Values.AddRange(x.Values);
            where.Add($"(a.search @@ ({x.Sql})) IS NOT TRUE");
        }

        foreach (var set in request.Includes)
        {
            where.Add($"a.id IN (SELECT articleid FROM articleentities WHERE entityid = ANY({values.Add(set)}) AND removedat IS NULL)");
        }

        foreach (var set in request.Excludes)
        {
            where.Add($"NOT EXISTS (SELECT 1 FROM articleentities x WHERE x.articleid = a.id AND x.entityid = ANY({values.Add(set)}) AND x.removedat IS NULL)");
        }

        return ($"SELECT a.id, a.createdat, {rank} AS rank FROM {from} WHERE {string.Join(" AND ", where)}", where.Count == 1, text);
    }

    /// <summary>The page's order and the keyset condition that starts it after the cursor (TRUE on the first page).</summary>
    private static (string Order, string After) PageOrder(FilterQuery request, PostgresParameters values)
    {
        if (request.ByRank)
        {
            return ("rank, id", request.RankAfter is { } r
                ? $"(rank > {values.Add(r.Rank)} OR (rank = {values.Last} AND id > {values.Add(r.Id)}))"
                : "TRUE");
        }

        return ("createdat DESC, id DESC", request.NewestAfter is { } n
            ? $"(createdat < {values.Add(new DateTime(n.Ticks, DateTimeKind.Utc))} OR (createdat = {values.Last} AND id < {values.Add(n.Id)}))"
            : "TRUE");
    }

    /// <summary>
    /// Reads the three parts of the statement's rows, puts the page and the facets in their order, and
    /// makes the hits of the page's first rows (their snippets: one more statement, which reads no table).
    /// </summary>
    private static async Task<FilteredMatches> ReadAsync(DbTransaction tx, NpgsqlBatch batch, FilterQuery request, CancellationToken ct)
    {
        var total = 0;
        var page = new List<FilteredRow>();
        var facets = new List<(int Kind, long Count, string Name, string Slug)>();
        var rows = new Dictionary<long, PageRow>();
        NpgsqlTsQuery? query = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                switch (reader.GetInt32(0))
                {
                    case 0:
                        total = checked((int)reader.GetInt64(4));
                        query = reader.IsDBNull(HitColumn + 8) ? null : reader.GetFieldValue<NpgsqlTsQuery>(HitColumn + 8);
                        break;
                    case 1:
                        page.Add(new FilteredRow(reader.GetInt64(1), reader.GetDouble(2), reader.GetDateTime(3).Ticks));
                        if (!reader.IsDBNull(HitColumn))
                        {
                            rows[reader.GetInt64(1)] = PageRow.Read(reader, HitColumn);
                        }

                        break;
                    default:
                        facets.Add((reader.GetInt32(5), reader.GetInt64(4), reader.GetString(6), reader.GetString(7)));
                        break;
                }
            }
        }

        // The parts of a UNION ALL come in no promised order: the page and the facets are put in theirs here.
        page.Sort(request.ByRank
            ? (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Id.CompareTo(b.Id)
            : (a, b) => a.CreatedTicks != b.CreatedTicks ? b.CreatedTicks.CompareTo(a.CreatedTicks) : b.Id.CompareTo(a.Id));
        var ordered = facets
            .OrderBy(f => f.Kind).ThenByDescending(f => f.Count).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new FacetRow((EntityKind)f.Kind, f.Name, f.Slug, (int)f.Count))
            .ToList();
        var hits = request.Hits > 0
            ? await PostgresFullText.HitsOfAsync(tx, request.Query, query, page.Take(request.Hits).Select(r => (rows[r.Id], r.Rank)).ToList(), ct).ConfigureAwait(false)
            : null;
        return new FilteredMatches(total, page, ordered) { Hits = hits };
    }
}
