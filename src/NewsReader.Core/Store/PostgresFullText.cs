using System.Data;
using System.Data.Common;
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

    public async Task<List<SearchHit>> HitsAsync(DbTransaction tx, SearchQuery query, IReadOnlyList<(long Id, double Rank)> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(p => p.Id).ToArray();
        var q = Compile(query.Groups, query.Excluded, firstParameter: 2);
        var rows = new Dictionary<long, (string Slug, string Title, string Summary, DateTime Created, int BodyLength, string Snippet)>();
        if (q is null)
        {
            await using var command = Command(tx, "SELECT id, slug, title, summary, createdat, length(body) FROM articles WHERE id = ANY($1)", [ids]);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc), reader.GetInt32(5), string.Empty);
            }
        }
        else
        {
            // The headlines' statement has two parameters of its own before the query's.
            await SnippetRowsAsync(tx, q, Compile(query.Groups, query.Excluded, firstParameter: 3)!, ids, rows, ct).ConfigureAwait(false);
        }

        var hits = new List<SearchHit>(page.Count);
        foreach (var (id, rank) in page)
        {
            if (rows.TryGetValue(id, out var r))
            {
                hits.Add(new SearchHit(id, r.Slug, r.Title, r.Summary, r.Created, Snippets.Split(r.Snippet), q is not null ? rank : null, r.BodyLength));
            }
        }

        return hits;
    }

    /// <summary>
    /// The page's rows with their snippets: <c>ts_headline</c> reads every word it is given, so it gets a
    /// window of each body around the best match (<see cref="PostgresSnippetWindow"/>), found from the
    /// stored vector's positions; a row whose window shows no match, though its body has one (the word
    /// count drifted), gets its whole body in a second statement.
    /// </summary>
    private static async Task SnippetRowsAsync(DbTransaction tx, CompiledQuery q, CompiledQuery headlineQuery, long[] ids,
        Dictionary<long, (string Slug, string Title, string Summary, DateTime Created, int BodyLength, string Snippet)> rows, CancellationToken ct)
    {
        var found = new List<(long Id, string Slug, string Title, string Summary, DateTime Created, string Body, int Length, string Window, bool BodyMatches)>();
        await using (var command = Command(tx, $"SELECT a.id, a.slug, a.title, a.summary, a.createdat, a.body, a.search, query.q, length(a.body) FROM articles a, (SELECT {q.Sql} AS q) query WHERE a.id = ANY($1)", [ids, .. q.Values]))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            List<(string Text, bool Prefix)>? lexemes = null;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                lexemes ??= PostgresSnippetWindow.Lexemes(reader.GetFieldValue<NpgsqlTsQuery>(7));
                var body = reader.GetString(5);
                var (window, matches) = PostgresSnippetWindow.Of(body, reader.GetFieldValue<NpgsqlTsVector>(6), lexemes);
                found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc), body, reader.GetInt32(8), window, matches));
            }
        }

        var headlines = await HeadlinesAsync(tx, headlineQuery, found.ConvertAll(f => f.Window), ct).ConfigureAwait(false);
        var missed = Enumerable.Range(0, found.Count).Where(i => found[i].BodyMatches && !headlines[i].Contains(Snippets.Open, StringComparison.Ordinal)).ToList();
        if (missed.Count > 0)
        {
            var whole = await HeadlinesAsync(tx, headlineQuery, missed.ConvertAll(i => found[i].Body), ct).ConfigureAwait(false);
            for (var k = 0; k < missed.Count; k++)
            {
                headlines[missed[k]] = whole[k];
            }
        }

        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            rows[f.Id] = (f.Slug, f.Title, f.Summary, f.Created, f.Length, Ellipsis(f.Body, headlines[i]));
        }
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
