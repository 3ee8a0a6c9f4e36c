using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Search;

/// <summary>
/// Full-text search over stored stories with filters, facets and keyset pages. Holds all the FTS5
/// query SQL of the app; every value goes in a parameter. Design in docs/adr/0005-search-design.md.
/// </summary>
public sealed class ArticleSearch(IDbContextFactory<NewsDbContext> factory)
{
    /// <summary>
    /// Rewrites a story's <c>Entities</c> column (what <c>articles_fts</c> indexes as <c>entities</c>)
    /// from its live links; run after any change to its links. Parameter <c>$p0</c>: the story id.
    /// </summary>
    /// <summary>
    /// Indexes the stories an import run created, once, just before it commits: the FTS triggers skip
    /// the stories of a run still <c>Running</c> (migration DeferImportSearchIndex), so the index is
    /// complete at commit and a killed import leaves neither the rows nor their index entries.
    /// $p1 is the largest article id before the run: new rows get larger ids, so the rowid range
    /// keeps this from scanning the whole table (CreatedByRunId has no index).
    /// </summary>
    public const string IndexImportRunSql =
        "INSERT INTO articles_fts(rowid, title, summary, body, entities) SELECT Id, Title, Summary, Body, Entities FROM Articles WHERE Id > $p1 AND CreatedByRunId = $p0";

    public const string RefreshEntityTextSql =
        "UPDATE Articles SET Entities = COALESCE((SELECT group_concat(Name, char(10)) FROM (" +
        "SELECT e.Name FROM ArticleEntities ae JOIN Entities e ON e.Id = ae.EntityId " +
        "WHERE ae.ArticleId = $p0 AND ae.RemovedAt IS NULL ORDER BY ae.About DESC, ae.Score DESC)), '') WHERE Id = $p0";

    /// <summary>Largest page.</summary>
    public const int MaxLimit = 100;

    // bm25 weights for title, summary, body, entities: a match in the headline counts most.
    private const string Rank = "bm25(articles_fts, 10.0, 4.0, 1.0, 2.0)";

    // Snippet markers: control characters no stored text contains (the reader drops them), so the
    // parts can be split apart safely and rendered as text.
    private const char Open = '\u0002';
    private const char Close = '\u0003';
    private const string SnippetSql =
        "SELECT rowid, snippet(articles_fts, -1, char(2), char(3), '…', 24) FROM articles_fts WHERE articles_fts MATCH $q";

    private static readonly Dictionary<string, NewsEntityKind> FieldKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [FieldFilter.Company] = NewsEntityKind.Company,
        [FieldFilter.Country] = NewsEntityKind.Country,
        [FieldFilter.Topic] = NewsEntityKind.Topic,
        [FieldFilter.Tag] = NewsEntityKind.Tag,
    };

    /// <summary>Runs a search: one page, the total, and facets over the whole result set.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            // A deferred read transaction: one snapshot for page, total and facets; never blocks imports.
            using var tx = connection.BeginTransaction(deferred: true);
            var plan = await PlanAsync(connection, tx, request, ct).ConfigureAwait(false);
            if (plan is null)
            {
                return SearchResult.Empty;
            }

            var (ids, total, next) = await PageAsync(connection, tx, plan, ct).ConfigureAwait(false);
            var hits = await HitsAsync(connection, tx, plan, ids, ct).ConfigureAwait(false);
            var facets = request.FacetLimit > 0 && total > 0
                ? await FacetsAsync(connection, tx, plan, request.FacetLimit, ct).ConfigureAwait(false)
                : [];
            return new SearchResult(hits, total,
                facets.Where(f => f.Kind == NewsEntityKind.Company).Select(f => f.Facet).ToList(),
                facets.Where(f => f.Kind == NewsEntityKind.Country).Select(f => f.Facet).ToList(),
                facets.Where(f => f.Kind == NewsEntityKind.Topic).Select(f => f.Facet).ToList(),
                facets.Where(f => f.Kind == NewsEntityKind.Tag).Select(f => f.Facet).ToList(),
                next);
        }
    }

    /// <summary>EXPLAIN QUERY PLAN of the page query, one line per plan step (tests check the FTS scan comes first).</summary>
    internal async Task<IReadOnlyList<string>> ExplainAsync(SearchRequest request, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var tx = connection.BeginTransaction(deferred: true);
            var plan = await PlanAsync(connection, tx, request, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("nothing to search");
            using var command = plan.Command(connection, tx, "EXPLAIN QUERY PLAN " + plan.PageSql);
            var lines = new List<string>();
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        }
    }

    /// <summary>Builds the SQL for a request; null when it cannot match anything (an unknown entity in an include filter).</summary>
    private static async Task<QueryPlan?> PlanAsync(SqliteConnection connection, SqliteTransaction tx, SearchRequest request, CancellationToken ct)
    {
        var query = SearchQueryParser.Parse(request.Text);
        var filters = query.Filters.ToList();
        AddOption(filters, FieldFilter.Company, request.Company);
        AddOption(filters, FieldFilter.Country, request.Country);
        AddOption(filters, FieldFilter.Topic, request.Topic);
        AddOption(filters, FieldFilter.Tag, request.Tag);

        var p = new Dictionary<string, object>(StringComparer.Ordinal);
        var includes = new List<string>();
        var excludes = new List<string>();
        foreach (var filter in filters)
        {
            if (!FieldKinds.TryGetValue(filter.Field, out var kind))
            {
                continue;
            }

            var ids = await ResolveAsync(connection, tx, kind, filter.Value, ct).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                if (filter.Exclude)
                {
                    continue;
                }

                return null;
            }

            var names = new List<string>();
            foreach (var id in ids)
            {
                var name = "$e" + p.Count.ToString(CultureInfo.InvariantCulture);
                p[name] = id;
                names.Add(name);
            }

            (filter.Exclude ? excludes : includes).Add(string.Join(", ", names));
        }

        var hasText = query.FtsMatch is not null;
        var source = new StringBuilder();
        var where = new StringBuilder("a.DeletedAt IS NULL");
        if (hasText)
        {
            p["$q"] = query.FtsMatch!;
            source.Append(CultureInfo.InvariantCulture, $"SELECT rowid AS id, {Rank} AS rank FROM articles_fts WHERE articles_fts MATCH $q");
            foreach (var set in includes)
            {
                where.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM ArticleEntities l WHERE l.ArticleId = h.id AND l.EntityId IN ({set}) AND l.RemovedAt IS NULL)");
            }
        }
        else if (includes.Count > 0)
        {
            // No text: the rarest way in is the links of the filtered entities, intersected.
            source.AppendJoin(" INTERSECT ", includes.Select(set =>
                $"SELECT ArticleId AS id, 0.0 AS rank FROM ArticleEntities WHERE EntityId IN ({set}) AND RemovedAt IS NULL"));
        }
        else
        {
            source.Append("SELECT Id AS id, 0.0 AS rank FROM Articles");
        }

        foreach (var set in excludes)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND NOT EXISTS (SELECT 1 FROM ArticleEntities l WHERE l.ArticleId = h.id AND l.EntityId IN ({set}) AND l.RemovedAt IS NULL)");
        }

        if (query.ExcludeOnlyMatch is { } excluded)
        {
            p["$x"] = excluded;
            where.Append(" AND h.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $x)");
        }

        // MATERIALIZED keeps the FTS5 MATCH first: the planner may not start from the filters instead.
        var matched = $"WITH hits AS MATERIALIZED ({source}), " +
            $"matched AS (SELECT h.id, h.rank, a.CreatedAt FROM hits h JOIN Articles a ON a.Id = h.id WHERE {where})";

        var byRank = hasText && request.Sort == SearchSort.Relevance;
        var order = byRank ? "rank, id" : "CreatedAt DESC, id DESC";
        var cursor = string.Empty;
        if (Cursor.TryDecode(request.After, byRank) is { } after)
        {
            p["$ck"] = after.Key;
            p["$cid"] = after.Id;
            cursor = byRank
                ? "WHERE rank > $ck OR (rank = $ck AND id > $cid)"
                : "WHERE CreatedAt < $ck OR (CreatedAt = $ck AND id < $cid)";
        }

        p["$limit"] = Math.Clamp(request.Limit, 1, MaxLimit) + 1;
        var page = $"{matched} SELECT id, rank, CreatedAt, total FROM (SELECT id, rank, CreatedAt, count(*) OVER () AS total FROM matched) " +
            $"{cursor} ORDER BY {order} LIMIT $limit";
        return new QueryPlan(matched, page, p, hasText, byRank, Math.Clamp(request.Limit, 1, MaxLimit));
    }

    private static void AddOption(List<FieldFilter> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filters.Add(new FieldFilter(field, value.Trim(), false));
        }
    }

    /// <summary>An entity by any of its names (aliases, case and accents ignored) or by its slug.</summary>
    private static async Task<List<long>> ResolveAsync(SqliteConnection connection, SqliteTransaction tx, NewsEntityKind kind, string value, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT EntityId FROM EntityAliases WHERE Kind = $k AND Key = $key UNION SELECT Id FROM Entities WHERE Kind = $k AND Slug = $slug";
        command.Parameters.AddWithValue("$k", (int)kind);
        command.Parameters.AddWithValue("$key", NameKey.Of(value));
        command.Parameters.AddWithValue("$slug", value.Trim().ToLowerInvariant());
        var ids = new List<long>();
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task<(List<(long Id, double Rank)> Ids, int Total, string? Next)> PageAsync(
        SqliteConnection connection, SqliteTransaction tx, QueryPlan plan, CancellationToken ct)
    {
        using var command = plan.Command(connection, tx, plan.PageSql);
        var rows = new List<(long Id, double Rank, DateTime CreatedAt)>();
        var total = 0;
        using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDateTime(2)));
                total = reader.GetInt32(3);
            }
        }

        string? next = null;
        if (rows.Count > plan.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = plan.ByRank ? Cursor.Encode(last.Rank, last.Id) : Cursor.Encode(last.CreatedAt, last.Id);
        }

        // The window counts the whole result set before the cursor applies: every page reports the same total.
        return (rows.Select(r => (r.Id, r.Rank)).ToList(), total, next);
    }

    private static async Task<List<SearchHit>> HitsAsync(SqliteConnection connection, SqliteTransaction tx, QueryPlan plan, List<(long Id, double Rank)> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // One statement per kind of detail for the whole page; ids go in as parameters $i0, $i1...
        var names = string.Join(", ", ids.Select((_, i) => "$i" + i.ToString(CultureInfo.InvariantCulture)));
        var rows = new Dictionary<long, (string Slug, string Title, string Summary, DateTime Created)>();
        using (var details = Command(connection, tx, $"SELECT Id, Slug, Title, Summary, CreatedAt FROM Articles WHERE Id IN ({names})", ids))
        using (var reader = await details.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc));
            }
        }

        // snippet() runs only for the rows the statement returns: the page, not every match. The
        // unary + keeps the id list out of FTS5's plan: handed to FTS5, each id becomes its own
        // MATCH query (plan "0:=M"), measured 4x slower than one pass over the matches.
        var snippets = new Dictionary<long, string>();
        if (plan.HasText)
        {
            using var snippet = Command(connection, tx, $"{SnippetSql} AND +rowid IN ({names})", ids);
            snippet.Parameters.AddWithValue("$q", plan.Parameters["$q"]);
            using var reader = await snippet.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                snippets[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var hits = new List<SearchHit>(ids.Count);
        foreach (var (id, rank) in ids)
        {
            if (rows.TryGetValue(id, out var r))
            {
                hits.Add(new SearchHit(id, r.Slug, r.Title, r.Summary, r.Created,
                    SplitSnippet(snippets.GetValueOrDefault(id, string.Empty)), plan.HasText ? rank : null));
            }
        }

        return hits;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, List<(long Id, double Rank)> ids)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
#pragma warning disable CA2100 // Constant SQL and generated parameter names; the ids are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.AddWithValue("$i" + i.ToString(CultureInfo.InvariantCulture), ids[i].Id);
        }

        return command;
    }

    private static async Task<List<(NewsEntityKind Kind, FacetCount Facet)>> FacetsAsync(
        SqliteConnection connection, SqliteTransaction tx, QueryPlan plan, int perKind, CancellationToken ct)
    {
        var sql = $"{plan.MatchedSql} SELECT Kind, Name, Slug, c FROM (" +
            "SELECT e.Kind, e.Name, e.Slug, count(*) AS c, row_number() OVER (PARTITION BY e.Kind ORDER BY count(*) DESC, e.Name) AS rn " +
            "FROM matched m JOIN ArticleEntities l ON l.ArticleId = m.id JOIN Entities e ON e.Id = l.EntityId " +
            "WHERE l.RemovedAt IS NULL AND e.IsHidden = 0 GROUP BY e.Id) WHERE rn <= $facets ORDER BY Kind, c DESC, Name";
        using var command = plan.Command(connection, tx, sql);
        command.Parameters.AddWithValue("$facets", perKind);
        var facets = new List<(NewsEntityKind, FacetCount)>();
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            facets.Add(((NewsEntityKind)reader.GetInt32(0), new FacetCount(reader.GetString(1), reader.GetString(2), reader.GetInt32(3))));
        }

        return facets;
    }

    private static List<SnippetPart> SplitSnippet(string snippet)
    {
        var parts = new List<SnippetPart>();
        var sb = new StringBuilder();
        var marked = false;
        foreach (var c in snippet)
        {
            if (c is Open or Close)
            {
                if (sb.Length > 0)
                {
                    parts.Add(new SnippetPart(sb.ToString(), marked));
                    sb.Clear();
                }

                marked = c == Open;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (sb.Length > 0)
        {
            parts.Add(new SnippetPart(sb.ToString(), marked));
        }

        return parts;
    }

    /// <summary>The SQL and parameters of one request.</summary>
    private sealed record QueryPlan(string MatchedSql, string PageSql, Dictionary<string, object> Parameters, bool HasText, bool ByRank, int Limit)
    {
        public SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = tx;
#pragma warning disable CA2100 // Built from constant fragments and parameter names only; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            foreach (var (name, value) in Parameters)
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    command.Parameters.AddWithValue(name, value);
                }
            }

            return command;
        }
    }

    /// <summary>Keyset cursors: the sort key and id of the last row of a page, opaque to callers.</summary>
    private static class Cursor
    {
        public static string Encode(double rank, long id) => Pack('r', BitConverter.DoubleToInt64Bits(rank), id);

        public static string Encode(DateTime createdAt, long id) => Pack('n', createdAt.Ticks, id);

        /// <summary>The key as the SQL compares it (a double, or the stored date text), or null for a missing or foreign cursor.</summary>
        public static (object Key, long Id)? TryDecode(string? cursor, bool byRank)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            Span<byte> bytes = stackalloc byte[17];
            var base64 = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (cursor.Length % 4)) % 4);
            if (!Convert.TryFromBase64String(base64, bytes, out var n) || n != 17 || bytes[0] != (byRank ? 'r' : 'n'))
            {
                return null;
            }

            var key = BinaryPrimitives.ReadInt64LittleEndian(bytes[1..]);
            var id = BinaryPrimitives.ReadInt64LittleEndian(bytes[9..]);
            if (byRank)
            {
                return (BitConverter.Int64BitsToDouble(key), id);
            }

            return key is < 0 || key > DateTime.MaxValue.Ticks
                ? null
                : (new DateTime(key, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), id);
        }

        private static string Pack(char kind, long key, long id)
        {
            Span<byte> bytes = stackalloc byte[17];
            bytes[0] = (byte)kind;
            BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], key);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], id);
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }
}
