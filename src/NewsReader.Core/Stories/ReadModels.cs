using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Stories;

/// <summary>A company, country, topic or tag attached to a story, as a chip links to it.</summary>
/// <param name="About">True when the story is about it; false when it is only mentioned.</param>
public sealed record EntityChip(EntityKind Kind, string Slug, string Name, bool About);

/// <summary>What a story card shows.</summary>
/// <param name="Snippet">The search snippet as the search gave it (matched parts marked), or null outside search.</param>
public sealed record StoryCardModel(
    string Slug,
    string Title,
    string Summary,
    int ReadingMinutes,
    IReadOnlyList<EntityChip> Entities,
    IReadOnlyList<SnippetPart>? Snippet = null);

/// <summary>One value in a facet list: an entity and how many of the current results name it.</summary>
public sealed record FacetItem(string Slug, string Name, int Count, bool Selected);

/// <summary>One facet's values for the current results.</summary>
/// <param name="More">The results name more values than the facet lists (<c>Reader:FacetLimit</c>).</param>
public sealed record FacetGroup(EntityKind Kind, IReadOnlyList<FacetItem> Items, bool More = false);

/// <summary>A filter the reader has applied, shown as a removable chip.</summary>
public sealed record ActiveFilter(EntityKind Kind, string Slug, string Name);

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
public sealed record EntityCount(EntityKind Kind, string Slug, string Name, int Count);

/// <summary>What an entity page shows above its story list.</summary>
public sealed record EntityDetail(
    EntityKind Kind,
    string Slug,
    string Name,
    int StoryCount,
    int AboutCount,
    IReadOnlyList<EntityCount> CompaniesAlongside,
    IReadOnlyList<EntityCount> CountriesAlongside);
