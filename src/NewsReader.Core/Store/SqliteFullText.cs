using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Store;

/// <summary>
/// Search on SQLite's FTS5 (<c>articles_fts</c>): all the app's FTS5 query SQL, every value in a
/// parameter. <see cref="SearchQuery.FtsMatch"/> is already an FTS5 expression. Design in
/// docs/adr/0005-search-design.md.
/// </summary>
internal sealed class SqliteFullText : IFullTextQueries
{
    // bm25 weights for title, summary, body, entities: a match in the headline counts most.
    private const string Rank = "bm25(articles_fts, 10.0, 4.0, 1.0, 2.0)";

    // From the body (column 2) always: left to choose (-1), FTS5 picks the headline or the list of
    // entity names whenever they hold the term, and a card would repeat its own headline or show a
    // row of names. The summary is the body's lead, so a match there shows in the body too.
    private const string SnippetSql =
        "SELECT rowid, snippet(articles_fts, 2, char(2), char(3), '…', 24) FROM articles_fts WHERE articles_fts MATCH $q";

    private const string HitsSql = "SELECT rowid, " + Rank + " FROM articles_fts WHERE articles_fts MATCH $q";
    private const string ExcludedSql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $x";

    // FTS5 takes the rowid bounds into its plan: it reads only that range of each term's doclist.
    private const string InRange = " AND rowid BETWEEN $first AND $last";
    private const string UnrankedSql = "SELECT rowid, 0.0 FROM articles_fts WHERE articles_fts MATCH $q" + InRange;

    public async Task<DbTransaction> BeginReadAsync(NewsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);

        // Deferred: a read snapshot that takes no lock until it reads, and never blocks imports.
        return ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
    }

    /// <summary>
    /// The FTS5 matches, alone in their statement: the index is the only way in, and the rest (live
    /// stories, filters) is checked by the caller against the link index per row, not joined in SQL.
    /// </summary>
    public async IAsyncEnumerable<(long Id, double Rank)> MatchesAsync(DbTransaction tx, SearchQuery query, IdRange? within, [EnumeratorCancellation] CancellationToken ct)
    {
        using var rented = Rent(tx, within is null ? HitsSql : UnrankedSql);
        var command = rented.Command;
        command.Parameters.AddWithValue("$q", query.FtsMatch);
        AddRange(command, within);
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return (reader.GetInt64(0), reader.GetDouble(1));
        }
    }

    public async Task<HashSet<long>?> ExcludedAsync(DbTransaction tx, SearchQuery query, IdRange? within, CancellationToken ct)
    {
        if (query.ExcludeOnlyMatch is not { } x)
        {
            return null;
        }

        var excluded = new HashSet<long>();
        using var rented = Rent(tx, within is null ? ExcludedSql : ExcludedSql + InRange);
        var command = rented.Command;
        command.Parameters.AddWithValue("$x", x);
        AddRange(command, within);
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            excluded.Add(reader.GetInt64(0));
        }

        return excluded;
    }

    public async Task<List<(long Id, string Name, string Slug)>> ResolveEntityAsync(DbTransaction tx, EntityKind kind, string value, CancellationToken ct)
    {
        using var rented = Rent(tx,
            "SELECT Id, Name, Slug FROM Entities WHERE Id IN (SELECT EntityId FROM EntityAliases WHERE Kind = $k AND Key = $key UNION SELECT Id FROM Entities WHERE Kind = $k AND Slug = $slug) ORDER BY Id");
        var command = rented.Command;
        command.Parameters.AddWithValue("$k", (int)kind);
        command.Parameters.AddWithValue("$key", NameKey.Of(value));
        command.Parameters.AddWithValue("$slug", value.Trim().ToLowerInvariant());
        var found = new List<(long, string, string)>();
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
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

        // One statement per kind of detail for the whole page; ids go in as parameters $i0, $i1...
        var match = query.FtsMatch;
        var names = string.Join(", ", page.Select((_, i) => "$i" + i.ToString(CultureInfo.InvariantCulture)));
        var rows = new Dictionary<long, (string Slug, string Title, string Summary, DateTime Created, int BodyLength)>();
        using (var details = Command(tx, $"SELECT Id, Slug, Title, Summary, CreatedAt, length(Body) FROM Articles WHERE Id IN ({names})", page))
        using (var reader = await details.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc), reader.GetInt32(5));
            }
        }

        // snippet() runs only for the rows the statement returns: the page, not every match. The
        // unary + keeps the id list out of FTS5's plan: handed to FTS5, each id becomes its own
        // MATCH query (plan "0:=M"), measured 4x slower than one pass over the matches.
        var snippets = new Dictionary<long, string>();
        if (match is not null)
        {
            using var snippet = Command(tx, $"{SnippetSql} AND +rowid IN ({names})", page);
            snippet.Parameters.AddWithValue("$q", match);
            using var reader = await snippet.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                snippets[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var hits = new List<SearchHit>(page.Count);
        foreach (var (id, rank) in page)
        {
            if (rows.TryGetValue(id, out var r))
            {
                hits.Add(new SearchHit(id, r.Slug, r.Title, r.Summary, r.Created,
                    Snippets.Split(snippets.GetValueOrDefault(id, string.Empty)), match is not null ? rank : null, r.BodyLength));
            }
        }

        return hits;
    }

    public async Task<IReadOnlyList<string>> ExplainAsync(DbTransaction tx, SearchQuery query, CancellationToken ct)
    {
        using var command = Command(tx, "EXPLAIN QUERY PLAN " + HitsSql);
        command.Parameters.AddWithValue("$q", query.FtsMatch);
        var lines = new List<string>();
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    public IDisposable ReuseStatements(DbTransaction tx)
    {
        var reused = new ReusedStatements(tx);
        Reused.AddOrUpdate(tx, reused);
        return reused;
    }

    /// <summary>The SQL's command on the transaction: its reused one while <see cref="ReuseStatements"/> holds, else a new one.</summary>
    private static RentedCommand Rent(DbTransaction tx, string sql)
    {
        if (!Reused.TryGetValue(tx, out var reused) || reused.IsDisposed)
        {
            return new RentedCommand(Command(tx, sql), Owned: true);
        }

        if (!reused.Commands.TryGetValue(sql, out var command))
        {
            reused.Commands[sql] = command = Command(tx, sql);
        }

        // Prepared on its first run and kept while the text stays the same; only the values are new.
        command.Parameters.Clear();
        return new RentedCommand(command, Owned: false);
    }

    private static void AddRange(SqliteCommand command, IdRange? within)
    {
        if (within is { } r)
        {
            command.Parameters.AddWithValue("$first", r.First);
            command.Parameters.AddWithValue("$last", r.Last);
        }
    }

    // Commands kept per read transaction while ReuseStatements holds (weakly: a transaction never disposed takes its entry with it).
    private static readonly ConditionalWeakTable<DbTransaction, ReusedStatements> Reused = [];

    private sealed class ReusedStatements(DbTransaction tx) : IDisposable
    {
        public Dictionary<string, SqliteCommand> Commands { get; } = new(StringComparer.Ordinal);

        public bool IsDisposed { get; private set; }

        public void Dispose()
        {
            IsDisposed = true;
            Reused.Remove(tx);
            foreach (var command in Commands.Values)
            {
                command.Dispose();
            }

            Commands.Clear();
        }
    }

    /// <summary>A command to run once; disposed after unless it is a reused one.</summary>
    private readonly record struct RentedCommand(SqliteCommand Command, bool Owned) : IDisposable
    {
        public void Dispose()
        {
            if (Owned)
            {
                Command.Dispose();
            }
        }
    }

    private static SqliteCommand Command(DbTransaction tx, string sql, IReadOnlyList<(long Id, double Rank)>? ids = null)
    {
        var command = ((SqliteConnection)tx.Connection!).CreateCommand();
        command.Transaction = (SqliteTransaction)tx;
#pragma warning disable CA2100 // Constant SQL and generated parameter names; the ids are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            command.Parameters.AddWithValue("$i" + i.ToString(CultureInfo.InvariantCulture), ids![i].Id);
        }

        return command;
    }
}
