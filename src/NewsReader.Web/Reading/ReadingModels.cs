using NewsReader.Core.Data;
using NewsReader.Web.Entities;
using NewsReader.Web.Search;
using NewsReader.Web.Stories;

namespace NewsReader.Web.Reading;

/// <summary>One facet's values for the current results.</summary>
/// <param name="More">The results name more values than the facet lists (<c>Reader:FacetLimit</c>).</param>
public sealed record FacetGroup(EntityKind Field, IReadOnlyList<FacetItem> Items, bool More = false);

/// <summary>A page of a story list, with the facets and filters of the whole result.</summary>
/// <param name="Total">Stories in the whole result, not just this page.</param>
/// <param name="NextAfter">The cursor of the next page, or null on the last page.</param>
public sealed record StoryListResult(
    IReadOnlyList<StoryCardModel> Stories,
    int Total,
    string? NextAfter,
    IReadOnlyList<FacetGroup> Facets,
    IReadOnlyList<ActiveFilter> Filters);

/// <summary>A link to a neighbouring or related story.</summary>
public sealed record StoryLink(string Slug, string Title);

/// <summary>Everything a story page shows.</summary>
public sealed record StoryDetail(
    long Id,
    string Slug,
    string Title,
    string Summary,
    string Body,
    int ReadingMinutes,
    string SourceFile,
    DateTime AddedAt,
    IReadOnlyList<EntityChip> Entities,
    IReadOnlyList<StoryCardModel> Related,
    StoryLink? Previous,
    StoryLink? Next);

/// <summary>An entity with how many stories name it.</summary>
public sealed record EntityCount(EntityKind Field, string Slug, string Name, int Count);

/// <summary>What an entity page shows above its story list.</summary>
public sealed record EntityDetail(
    EntityKind Field,
    string Slug,
    string Name,
    int StoryCount,
    int AboutCount,
    IReadOnlyList<EntityCount> CompaniesAlongside,
    IReadOnlyList<EntityCount> CountriesAlongside);
