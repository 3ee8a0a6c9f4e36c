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

    /// <summary>The entities of a kind with a name (any alias, case and accents ignored) or a slug, by id.</summary>
    Task<List<(long Id, string Name, string Slug)>> ResolveEntityAsync(DbTransaction tx, EntityKind kind, string value, CancellationToken ct);

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
