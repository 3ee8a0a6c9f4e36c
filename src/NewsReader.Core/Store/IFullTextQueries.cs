using System.Data.Common;
using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Store;

/// <summary>
/// The engine's full-text queries. The query language is parsed once (<see cref="SearchQuery"/>);
/// the engine compiles it to its own match syntax, ranks (lower is better), and makes snippets only
/// for the page shown. Filters, facets and pages are answered by the engine's <see cref="IFilterQueries"/>,
/// or by the in-memory link index when it has none.
/// </summary>
public interface IFullTextQueries
{
    /// <summary>A read transaction on the context's connection: one snapshot for a search that never blocks writers.</summary>
    Task<DbTransaction> BeginReadAsync(NewsDbContext db, CancellationToken ct);

    /// <summary>
    /// Every story the query's text matches, with its rank, in no particular order. With
    /// <paramref name="within"/>, only the stories of that id range, and unranked (rank 0): alert
    /// matching asks about an import's new stories and needs no order, so the engine reads that
    /// range of its index and ranks nothing.
    /// </summary>
    IAsyncEnumerable<(long Id, double Rank)> MatchesAsync(DbTransaction tx, SearchQuery query, IdRange? within, CancellationToken ct);

    /// <summary>The stories a text-less query's exclusions (<c>-tesla</c>) match (only those of <paramref name="within"/> when given); null when it has none.</summary>
    Task<HashSet<long>?> ExcludedAsync(DbTransaction tx, SearchQuery query, IdRange? within, CancellationToken ct);

    /// <summary>
    /// Many queries over one id range (alert matching: every saved search over an import's new
    /// stories), in the order given: for a query with text (<see cref="SearchQuery.FtsMatch"/>), the
    /// stories of the range it matches, as <see cref="MatchesAsync"/>; for one without, the stories its
    /// exclusions match, as <see cref="ExcludedAsync"/> (null when it has none). This default asks them
    /// one by one; an engine may answer them all in one statement.
    /// </summary>
    async Task<IReadOnlyList<HashSet<long>?>> MatchEachAsync(DbTransaction tx, IReadOnlyList<SearchQuery> queries, IdRange within, CancellationToken ct)
    {
        var found = new List<HashSet<long>?>(queries.Count);
        foreach (var query in queries)
        {
            if (query.FtsMatch is null)
            {
                found.Add(await ExcludedAsync(tx, query, within, ct).ConfigureAwait(false));
                continue;
            }

            var ids = new HashSet<long>();
            await foreach (var (id, _) in MatchesAsync(tx, query, within, ct).ConfigureAwait(false))
            {
                ids.Add(id);
            }

            found.Add(ids);
        }

        return found;
    }

    /// <summary>The entities of a kind with a name (any alias, case and accents ignored) or a slug, by id.</summary>
    Task<List<(long Id, string Name, string Slug)>> ResolveEntityAsync(DbTransaction tx, EntityKind kind, string value, CancellationToken ct);

    /// <summary>
    /// <see cref="ResolveEntityAsync"/> of many values, in the order given (alert matching: every saved
    /// search's filter values). This default asks them one by one; an engine may ask once.
    /// </summary>
    async Task<IReadOnlyList<List<(long Id, string Name, string Slug)>>> ResolveEntitiesAsync(DbTransaction tx, IReadOnlyList<(EntityKind Kind, string Value)> values, CancellationToken ct)
    {
        var found = new List<List<(long Id, string Name, string Slug)>>(values.Count);
        foreach (var (kind, value) in values)
        {
            found.Add(await ResolveEntityAsync(tx, kind, value, ct).ConfigureAwait(false));
        }

        return found;
    }

    /// <summary>The page's rows with snippets (when the query has text), in the order of <paramref name="page"/>.</summary>
    Task<List<SearchHit>> HitsAsync(DbTransaction tx, SearchQuery query, IReadOnlyList<(long Id, double Rank)> page, CancellationToken ct);

    /// <summary>The engine's plan of the text query, one line per step (tests check it uses the index).</summary>
    Task<IReadOnlyList<string>> ExplainAsync(DbTransaction tx, SearchQuery query, CancellationToken ct);

    /// <summary>
    /// Until the result is disposed, <see cref="MatchesAsync"/>, <see cref="ExcludedAsync"/> and
    /// <see cref="ResolveEntityAsync"/> on <paramref name="tx"/> may reuse their prepared statements:
    /// alert matching asks hundreds of queries in one read. An engine that prepares nothing ignores it.
    /// </summary>
    IDisposable ReuseStatements(DbTransaction tx) => NoReuse.Instance;

    private sealed class NoReuse : IDisposable
    {
        public static readonly NoReuse Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>Story ids from <see cref="First"/> to <see cref="Last"/>, both included (an import's new stories are one such range).</summary>
public readonly record struct IdRange(long First, long Last);
