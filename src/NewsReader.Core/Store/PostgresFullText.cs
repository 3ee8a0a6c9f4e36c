using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;
using Npgsql;
using NpgsqlTypes;

namespace NewsReader.Core.Store;

/// <summary>
/// Search on PostgreSQL: <c>articles.search</c>, a weighted <c>tsvector</c> (title A, body B, entity
/// names C; migration SearchVector) under a GIN index, ranked by <c>ts_rank_cd</c>, snippets by
/// <c>ts_headline</c> for the page's rows only. The query's terms (<see cref="SearchQuery.Groups"/>)
/// become a <c>tsquery</c> built in SQL from parameters: every word goes through
/// <c>phraseto_tsquery</c> or, for a prefix, <c>to_tsquery</c> of letters and digits only, so nothing a
/// reader types is ever tsquery syntax. How the ranking differs from SQLite's: docs/search-query.md.
/// </summary>
internal sealed partial class PostgresFullText : IFullTextQueries
{
    /// <summary>The text search configuration of the migration: English stems, accents ignored.</summary>
    public const string Config = "newsreader";

    // Normalisation 1: the rank divided by 1 + log(length), so a long story does not win by length alone.
    internal const string RankSql = "ts_rank_cd(search, q, 1)";

    // Snippets.Open and Snippets.Close around each match, as SQLite's snippet() marks them.
    internal const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1";

    // An id range ($1, $2): the primary key's range, each row's tsvector checked, nothing ranked.
    private const string InRange = "id BETWEEN $1 AND $2";

    // Parameters of one statement of MatchEachAsync, well under the protocol's 65,535.
    private const int MaxParameters = 30_000;

    public async Task<DbTransaction> BeginReadAsync(NewsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);

        // One snapshot for every statement of the search; readers never wait for a writer.
        return await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<(long Id, double Rank)> MatchesAsync(DbTransaction tx, SearchQuery query, IdRange? within, [EnumeratorCancellation] CancellationToken ct)
    {
        // A range's bounds are $1 and $2, the query's own parameters follow.
        if (Compile(query.Groups, query.Excluded, firstParameter: within is null ? 1 : 3) is not { } q)
        {
            yield break;
        }

        await using var command = within is { } r
            ? Command(tx, $"SELECT id, 0::float4 FROM articles, (SELECT {q.Sql} AS q) query WHERE {InRange} AND search @@ q", [r.First, r.Last, .. q.Values])
            : Command(tx, $"SELECT id, {RankSql} FROM articles, (SELECT {q.Sql} AS q) query WHERE search @@ q", q.Values);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            // Lower is better, as the seam asks (SQLite's bm25 is negative).
            yield return (reader.GetInt64(0), -reader.GetFloat(1));
        }
    }

    public async Task<HashSet<long>?> ExcludedAsync(DbTransaction tx, SearchQuery query, IdRange? within, CancellationToken ct)
    {
        if (query.Groups.Count > 0 || query.Excluded.Count == 0 || Compile([query.Excluded], [], firstParameter: within is null ? 1 : 3) is not { } x)
        {
            return null;
        }

        var excluded = new HashSet<long>();
        await using var command = within is { } r
            ? Command(tx, $"SELECT id FROM articles WHERE {InRange} AND search @@ ({x.Sql})", [r.First, r.Last, .. x.Values])
            : Command(tx, $"SELECT id FROM articles WHERE search @@ ({x.Sql})", x.Values);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            excluded.Add(reader.GetInt64(0));
        }

        return excluded;
    }

    /// <summary>
    /// Every query over the range in one statement (a statement per <see cref="MaxParameters"/>): the
    /// range's vectors read once, each copied out of its compressed, out-of-line storage once
    /// (<c>search || ''</c>: the stored vector unchanged, in memory), and every query's own
    /// <c>@@</c> on each copy. Asked query by query, the planner may check each query against the
    /// stored range, and PostgreSQL then unpacks every vector again for each of them (about 10 ms a
    /// query for 1,000 stories), or go through the GIN index, reading the whole store's matches; which
    /// one hangs on the statistics (docs/performance.md "Alerts"). Here the cost is the range's size
    /// times the number of queries, whatever the size of the store or its statistics.
    /// </summary>
    public Task<IReadOnlyList<HashSet<long>?>> MatchEachAsync(DbTransaction tx, IReadOnlyList<SearchQuery> queries, IdRange within, CancellationToken ct) =>
        MatchEachAsync(tx, queries, within, MaxParameters, ct);

    /// <summary><see cref="MatchEachAsync(DbTransaction, IReadOnlyList{SearchQuery}, IdRange, CancellationToken)"/>, a statement per <paramref name="maxParameters"/> parameters or so (tests ask for several).</summary>
    internal static async Task<IReadOnlyList<HashSet<long>?>> MatchEachAsync(DbTransaction tx, IReadOnlyList<SearchQuery> queries, IdRange within, int maxParameters, CancellationToken ct)
    {
        var found = new HashSet<long>?[queries.Count];
        var rows = new List<string>();
        List<object?> values = [within.First, within.Last];
        for (var i = 0; i < queries.Count; i++)
        {
            // As MatchesAsync (the text, less what it excludes) or, without text, ExcludedAsync.
            var query = queries[i];
            var q = query.FtsMatch is not null ? Compile(query.Groups, query.Excluded, values.Count + 1)
                : query.Groups.Count == 0 && query.Excluded.Count > 0 ? Compile([query.Excluded], [], values.Count + 1)
                : null;
            if (query.FtsMatch is not null || q is not null)
            {
                found[i] = [];
            }

            if (q is null)
            {
                continue;
            }

            rows.Add(string.Create(CultureInfo.InvariantCulture, $"({i}, {q.Sql})"));
            values.AddRange(q.Values);
            if (values.Count >= maxParameters)
            {
                await MatchRangeAsync(tx, rows, values, found, ct).ConfigureAwait(false);
                rows.Clear();
                values = [within.First, within.Last];
            }
        }

        if (rows.Count > 0)
        {
            await MatchRangeAsync(tx, rows, values, found, ct).ConfigureAwait(false);
        }

        return found;
    }

    /// <summary>
    /// One statement of <see cref="MatchEachAsync"/>: the queries as (number, tsquery) rows, the range
    /// ($1, $2) as detoasted vectors, each vector checked against every query (LATERAL with OFFSET 0, so
    /// the range stays the outer side and each vector is read once).
    /// </summary>
    private static async Task MatchRangeAsync(DbTransaction tx, List<string> rows, List<object?> values, HashSet<long>?[] found, CancellationToken ct)
    {
        await using var command = Command(tx,
            "WITH queries (i, q) AS MATERIALIZED (VALUES " + string.Join(", ", rows) + "), " +
            $"range AS MATERIALIZED (SELECT id, search || ''::tsvector AS search FROM articles WHERE {InRange}) " +
            "SELECT m.i, range.id FROM range, LATERAL (SELECT queries.i FROM queries WHERE range.search @@ queries.q OFFSET 0) m",
            values);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found[reader.GetInt32(0)]!.Add(reader.GetInt64(1));
        }
    }

    public async Task<List<(long Id, string Name, string Slug)>> ResolveEntityAsync(DbTransaction tx, EntityKind kind, string value, CancellationToken ct)
    {
        await using var command = Command(tx,
            "SELECT Id, Name, Slug FROM Entities WHERE Id IN (SELECT EntityId FROM EntityAliases WHERE Kind = $1 AND Key = $2 UNION SELECT Id FROM Entities WHERE Kind = $1 AND Slug = $3) ORDER BY Id",
            [(int)kind, NameKey.Of(value), value.Trim().ToLowerInvariant()]);
        var found = new List<(long, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return found;
    }

    /// <summary>Every value in one statement: the same lookup as <see cref="ResolveEntityAsync"/>, per row of the values' arrays.</summary>
    public async Task<IReadOnlyList<List<(long Id, string Name, string Slug)>>> ResolveEntitiesAsync(DbTransaction tx, IReadOnlyList<(EntityKind Kind, string Value)> values, CancellationToken ct)
    {
        var found = values.Select(_ => new List<(long, string, string)>()).ToList();
        if (values.Count == 0)
        {
            return found;
        }

        await using var command = Command(tx,
            "SELECT v.i, e.Id, e.Name, e.Slug FROM unnest($1::int[], $2::text[], $3::text[]) WITH ORDINALITY v(kind, key, slug, i), " +
            "LATERAL (SELECT EntityId AS Id FROM EntityAliases WHERE Kind = v.kind AND Key = v.key UNION SELECT Id FROM Entities WHERE Kind = v.kind AND Slug = v.slug) named " +
            "JOIN Entities e ON e.Id = named.Id ORDER BY v.i, e.Id",
            [values.Select(v => (int)v.Kind).ToArray(), values.Select(v => NameKey.Of(v.Value)).ToArray(), values.Select(v => v.Value.Trim().ToLowerInvariant()).ToArray()]);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found[(int)reader.GetInt64(0) - 1].Add((reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }

        return found;
    }

    public async Task<List<SearchHit>> HitsAsync(DbTransaction tx, SearchQuery query, IReadOnlyList<(long Id, double Rank)> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(p => p.Id).ToArray();
        var q = Compile(query.Groups, query.Excluded, firstParameter: 2);
        var rows = new Dictionary<long, PageRow>();
        NpgsqlTsQuery? tsQuery = null;
        await using (var command = q is null
            ? Command(tx, "SELECT id, slug, title, summary, createdat, length(body), NULL::text, NULL::bytea, NULL::tsquery FROM articles WHERE id = ANY($1)", [ids])
            : Command(tx, $"SELECT a.id, a.slug, a.title, a.summary, a.createdat, NULL::int, a.body, tsvectorsend(a.search), query.q FROM articles a, (SELECT {q.Sql} AS q) query WHERE a.id = ANY($1)", [ids, .. q.Values]))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows[reader.GetInt64(0)] = PageRow.Read(reader, 0);
                tsQuery ??= reader.IsDBNull(8) ? null : reader.GetFieldValue<NpgsqlTsQuery>(8);
            }
        }

        var found = page.Where(p => rows.ContainsKey(p.Id)).Select(p => (rows[p.Id], p.Rank)).ToList();
        return await HitsOfAsync(tx, query, tsQuery, found, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The page's hits, in the order of <paramref name="rows"/>, with their snippets when the query has
    /// text (<paramref name="tsQuery"/>, the server's compiled query, gives its lexemes): <c>ts_headline</c>
    /// reads every word it is given, so it gets a window of each body around the best match
    /// (<see cref="PostgresSnippetWindow"/>), found from the stored vector's positions; a row whose
    /// window shows no match, though its body has one (the word count drifted), gets its whole body in
    /// a second statement. Neither statement reads a table: the rows hold what they need.
    /// </summary>
    internal static async Task<List<SearchHit>> HitsOfAsync(DbTransaction tx, SearchQuery query, NpgsqlTsQuery? tsQuery, IReadOnlyList<(PageRow Row, double Rank)> rows, CancellationToken ct)
    {
        var snippets = new string[rows.Count];
        var headlineQuery = tsQuery is null ? null : Compile(query.Groups, query.Excluded, firstParameter: 3);
        if (headlineQuery is not null && rows.Count > 0)
        {
            var lexemes = PostgresSnippetWindow.Lexemes(tsQuery!);
            var windows = rows.Select(r => PostgresSnippetWindow.Of(r.Row.Body!, r.Row.Vector!, lexemes)).ToList();

            // The headlines' statement has two parameters of its own before the query's.
            var headlines = await HeadlinesAsync(tx, headlineQuery, windows.ConvertAll(w => w.Window), ct).ConfigureAwait(false);
            var missed = Enumerable.Range(0, rows.Count).Where(i => windows[i].BodyMatches && !headlines[i].Contains(Snippets.Open, StringComparison.Ordinal)).ToList();
            if (missed.Count > 0)
            {
                var whole = await HeadlinesAsync(tx, headlineQuery, missed.ConvertAll(i => rows[i].Row.Body!), ct).ConfigureAwait(false);
                for (var k = 0; k < missed.Count; k++)
                {
                    headlines[missed[k]] = whole[k];
                }
            }

            for (var i = 0; i < rows.Count; i++)
            {
                snippets[i] = Ellipsis(rows[i].Row.Body!, headlines[i]);
            }
        }

        return rows.Select((r, i) => new SearchHit(r.Row.Id, r.Row.Slug, r.Row.Title, r.Row.Summary, r.Row.Created,
            Snippets.Split(snippets[i] ?? string.Empty), headlineQuery is not null ? r.Rank : null, r.Row.BodyLength)).ToList();
    }

    /// <summary>
    /// ts_headline of each text, in order, with the snippet markers (<see cref="HeadlineOptions"/>);
    /// <paramref name="q"/> compiled from parameter 3 on (the texts and the options are $1 and $2).
    /// </summary>
    internal static async Task<List<string>> HeadlinesAsync(DbTransaction tx, CompiledQuery q, List<string> texts, CancellationToken ct)
    {
        var headlines = new List<string>(texts.Count);
        if (texts.Count == 0)
        {
            return headlines;
        }

        await using var command = Command(tx,
            $"SELECT ts_headline('{Config}', u.t, query.q, $2) FROM unnest($1::text[]) WITH ORDINALITY u(t, i), (SELECT {q.Sql} AS q) query ORDER BY u.i",
            [texts.ToArray(), HeadlineOptions, .. q.Values]);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            headlines.Add(reader.GetString(0));
        }

        return headlines;
    }

    /// <summary>A headline with '…' on each side where it does not reach the body's start or end.</summary>
    internal static string Ellipsis(string body, string headline)
    {
        var plain = headline.Replace(Snippets.Open.ToString(), string.Empty, StringComparison.Ordinal).Replace(Snippets.Close.ToString(), string.Empty, StringComparison.Ordinal);
        return (body.StartsWith(plain, StringComparison.Ordinal) ? string.Empty : "…") + headline + (body.EndsWith(plain, StringComparison.Ordinal) ? string.Empty : "…");
    }

    public async Task<IReadOnlyList<string>> ExplainAsync(DbTransaction tx, SearchQuery query, CancellationToken ct)
    {
        if (Compile(query.Groups, query.Excluded) is not { } q)
        {
            return [];
        }

        await using var command = Command(tx, $"EXPLAIN SELECT id, {RankSql} FROM articles, (SELECT {q.Sql} AS q) query WHERE search @@ q", q.Values);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>A tsquery expression over positional parameters from <paramref name="firstParameter"/> on, and their values; null when no term has a word.</summary>
    internal static CompiledQuery? Compile(IReadOnlyList<IReadOnlyList<SearchTerm>> groups, IReadOnlyList<SearchTerm> excluded, int firstParameter = 1)
    {
        var parameters = new PostgresParameters(firstParameter);
        string? Term(SearchTerm term)
        {
            if (!term.Prefix)
            {
                return $"phraseto_tsquery('{Config}', {parameters.Add(term.Text)})";
            }

            // A prefix: its words in order, the last one a prefix ('new york*' is new <-> york:*).
            var words = Word().Matches(term.Text).Select(m => m.Value).ToList();
            if (words.Count == 0)
            {
                return null;
            }

            return $"to_tsquery('{Config}', {parameters.Add(string.Join(" <-> ", words.Select((w, i) => i == words.Count - 1 ? w + ":*" : w)))})";
        }

        string? AnyOf(IReadOnlyList<SearchTerm> terms)
        {
            var parts = terms.Select(Term).OfType<string>().ToList();
            return parts.Count switch
            {
                0 => null,
                1 => parts[0],
                _ => "(" + string.Join(" || ", parts) + ")",
            };
        }

        var include = groups.Select(AnyOf).OfType<string>().ToList();
        if (include.Count == 0)
        {
            return null;
        }

        var sql = string.Join(" && ", include);
        if (AnyOf(excluded) is { } not)
        {
            sql = "(" + sql + ") && !!" + not;
        }

        return new CompiledQuery(sql, parameters.Values);
    }

    internal static NpgsqlCommand Command(DbTransaction tx, string sql, IReadOnlyList<object?> values)
    {
#pragma warning disable CA2100 // Constant SQL with generated parameter numbers; every value is a parameter.
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)tx.Connection!, (NpgsqlTransaction)tx);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

/// <summary>A tsquery SQL expression and its parameter values, in order.</summary>
internal sealed record CompiledQuery(string Sql, IReadOnlyList<object?> Values);

/// <summary>
/// A page row as a hit needs it: the story's fields, and for a query with text its body and stored
/// vector in binary form (<c>tsvectorsend</c>, for the snippet's window); read from eight columns in this order from <c>first</c> on.
/// The body's length is read, or with the body (a NULL length) counted from it.
/// </summary>
internal sealed record PageRow(long Id, string Slug, string Title, string Summary, DateTime Created, int BodyLength, string? Body, byte[]? Vector)
{
    public static PageRow Read(DbDataReader reader, int first)
    {
        var body = reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6);
        var length = reader.IsDBNull(first + 5)
            ? Characters(body ?? throw new InvalidOperationException("a page row without its body's length or its body"))
            : reader.GetInt32(first + 5);
        return new(
            reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3),
            DateTime.SpecifyKind(reader.GetDateTime(first + 4), DateTimeKind.Utc), length, body,
            reader.IsDBNull(first + 7) ? null : reader.GetFieldValue<byte[]>(first + 7));
    }

    /// <summary>Characters as PostgreSQL's <c>length()</c> counts them in UTF-8: code points, so a character outside the BMP (two UTF-16 units) counts once.</summary>
    internal static int Characters(string text)
    {
        var n = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }

        return n;
    }
}
