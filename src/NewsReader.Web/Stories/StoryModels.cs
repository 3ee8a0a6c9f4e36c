using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;
using NewsReader.Web.Entities;

namespace NewsReader.Web.Stories;

/// <summary>A company, country or topic attached to a story, as a chip links to it.</summary>
/// <param name="About">True when the story is about it; false when it is only mentioned.</param>
public sealed record EntityChip(EntityKind Field, string Slug, string Name, bool About);

/// <summary>What a story card shows.</summary>
/// <param name="Snippet">The search snippet as the search gave it (matched parts marked), or null outside search.</param>
public sealed record StoryCardModel(
    string Slug,
    string Title,
    string Summary,
    int ReadingMinutes,
    IReadOnlyList<EntityChip> Entities,
    IReadOnlyList<SnippetPart>? Snippet = null);
