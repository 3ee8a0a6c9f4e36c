using System.Data.Common;
using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Store;

/// <summary>
/// A search's filters, total, page and facets answered in the database, in one statement, by an engine
/// whose store is too large or too shared to copy into every process (PostgreSQL). An engine without
/// it answers them from the in-memory link index instead (SQLite; ADR 0008 says why).
/// </summary>
public interface IFilterQueries
{
    /// <summary>The live stories the request matches: their number, one page in order, and the facets over all of them.</summary>
    Task<FilteredMatches> SearchAsync(DbTransaction tx, FilterQuery request, CancellationToken ct);
}

/// <summary>
/// What a search asks of <see cref="IFilterQueries"/>: the parsed text, the entity filters (each include
/// set is one filter that any of its entities satisfies; a story must pass every include set and
/// link to no entity of an exclude set), the order and keyset cursor, and how many rows and facets.
/// </summary>
/// <param name="ByRank">Best rank first (the query has text and relevance is asked); else newest first.</param>
/// <param name="RankAfter">Relevance cursor: rows after this (rank, id).</param>
/// <param name="NewestAfter">Newest-first cursor: rows after this (CreatedAt ticks, id).</param>
/// <param name="Take">Rows of the page (one more than shown tells whether there is a next page).</param>
/// <param name="FacetLimit">Entities per kind in the facets; 0 for none.</param>
/// <param name="Hits">
/// How many of the page's first rows to answer as hits too (their fields and snippets, as
/// <see cref="IFullTextQueries.HitsAsync"/> makes them), read in the same statement: a round trip fewer; 0 for none.
/// </param>
public sealed record FilterQuery(
    SearchQuery Query,
    IReadOnlyList<long[]> Includes,
    IReadOnlyList<long[]> Excludes,
    bool ByRank,
    (double Rank, long Id)? RankAfter,
    (long Ticks, long Id)? NewestAfter,
    int Take,
    int FacetLimit,
    int Hits = 0);

/// <summary>The answer to a <see cref="FilterQuery"/>: total matches, the page in order, facets per kind (count descending, then name).</summary>
public sealed record FilteredMatches(int Total, IReadOnlyList<FilteredRow> Page, IReadOnlyList<FacetRow> Facets)
{
    /// <summary>The hits of the page's first <see cref="FilterQuery.Hits"/> rows, in its order; null when none were asked.</summary>
    public IReadOnlyList<SearchHit>? Hits { get; init; }
}

/// <summary>A page row: the story, its rank (lower is better; 0 without text) and its CreatedAt ticks, for the cursor.</summary>
public readonly record struct FilteredRow(long Id, double Rank, long CreatedTicks);

/// <summary>A facet value: an entity and how many matching stories link to it.</summary>
public sealed record FacetRow(EntityKind Kind, string Name, string Slug, int Count);
