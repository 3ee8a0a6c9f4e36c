using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>bm25, headline weighted highest; without text, the same as <see cref="Newest"/>.</summary>
    Relevance,

    /// <summary>Most recently stored first.</summary>
    Newest,
}

/// <summary>A search: what a reader typed plus the filters picked in the UI (all combined with AND).</summary>
/// <param name="Text">The reader's query (words, phrases, -exclusions, OR, prefix*, field:value filters).</param>
/// <param name="Companies">Companies the stories must all name (a name, any alias, or a slug each); likewise countries, topics and tags.</param>
/// <param name="After">The cursor of the previous page (<see cref="SearchResult.NextCursor"/>), or null for the first.</param>
/// <param name="FacetLimit">How many entities per kind in the facets; 0 computes no facets.</param>
public sealed record SearchRequest(
    string? Text,
    IReadOnlyList<string>? Companies = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Tags = null,
    SearchSort Sort = SearchSort.Relevance,
    int Limit = 20,
    string? After = null,
    int FacetLimit = 10);

/// <summary>Every story a search matches, newest first, and what its filter values named.</summary>
public sealed record SearchMatches(IReadOnlyList<long> Ids, IReadOnlyList<ResolvedFilter> Filters);

/// <summary>How many stories of the current result set link to an entity.</summary>
public sealed record FacetCount(string Name, string Slug, int Count);

/// <summary>A page of results, the total, facet counts for the whole result set, and the next page's cursor.</summary>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits,
    int Total,
    IReadOnlyList<FacetCount> Companies,
    IReadOnlyList<FacetCount> Countries,
    IReadOnlyList<FacetCount> Topics,
    IReadOnlyList<FacetCount> Tags,
    string? NextCursor)
{
    /// <summary>No results.</summary>
    public static SearchResult Empty { get; } = new([], 0, [], [], [], [], null);

    /// <summary>
    /// The values of the request's lists (<see cref="SearchRequest.Companies"/> ... <see cref="SearchRequest.Tags"/>)
    /// as this search resolved them, in request order, so a caller never looks them up again.
    /// </summary>
    public IReadOnlyList<ResolvedFilter> Filters { get; init; } = [];
}

/// <summary>One value of a request's filter lists and the entities it named (none: nothing can match).</summary>
public sealed record ResolvedFilter(EntityKind Kind, string Value, IReadOnlyList<EntityRef> Entities);

/// <summary>An entity as a filter chip names it.</summary>
public sealed record EntityRef(long Id, string Name, string Slug);

/// <summary>An entity a story links to, as its chip shows it.</summary>
/// <param name="About">True when the story is about it; false when it is only mentioned.</param>
public sealed record StoryEntity(EntityKind Kind, string Name, string Slug, bool About);

/// <summary>An entity's live story count, how many of them are about it, and the entities most often named alongside.</summary>
public sealed record EntityStats(int Stories, int About, IReadOnlyList<FacetCount> Companies, IReadOnlyList<FacetCount> Countries);
