using NewsReader.Core.Stories;
namespace NewsReader.Web.Api;

/// <summary>An entity named by a story: its kind (<c>company</c>, <c>country</c>, <c>topic</c>, <c>tag</c>), slug, name and page.</summary>
/// <param name="About">True when the story is about it, false when it only mentions it.</param>
public sealed record ApiEntityRef(string Kind, string Slug, string Name, bool About, string Url);

/// <summary>A story in a list.</summary>
/// <param name="Snippet">With a text query: the text around the matches, matched words between <c>**</c>; else null.</param>
public sealed record ApiStory(
    string Slug, string Headline, string Summary, string Url, DateTime AddedAt, DateTime UpdatedAt,
    int ReadingMinutes, IReadOnlyList<ApiEntityRef> Entities, string? Snippet);

/// <summary>A page of stories: <see cref="Next"/> is the cursor of the next page (pass it as <c>after</c>), null on the last.</summary>
/// <param name="Total">Stories in the whole result.</param>
public sealed record ApiStoryPage(IReadOnlyList<ApiStory> Items, int Total, string? Next, string? NextUrl);

/// <summary>A link to another story.</summary>
public sealed record ApiStoryLink(string Slug, string Headline, string Url);

/// <summary>One story in full: the body is Markdown, as stored.</summary>
public sealed record ApiStoryDetail(
    string Slug, string Headline, string Summary, string Body, string Url, DateTime AddedAt, DateTime UpdatedAt,
    int ReadingMinutes, IReadOnlyList<ApiEntityRef> Entities, IReadOnlyList<ApiStoryLink> Related,
    ApiStoryLink? Newer, ApiStoryLink? Older);

/// <summary>An entity with how many live stories name it.</summary>
public sealed record ApiEntity(string Kind, string Slug, string Name, int Stories, string Url, string StoriesUrl);

/// <summary>A page of a directory (most named first).</summary>
public sealed record ApiEntityPage(IReadOnlyList<ApiEntity> Items, int Total, int Offset, int Limit);

/// <summary>One entity: counts and the companies and countries most named alongside it.</summary>
public sealed record ApiEntityDetail(
    string Kind, string Slug, string Name, int Stories, int About, string Url, string StoriesUrl,
    IReadOnlyList<ApiEntity> CompaniesAlongside, IReadOnlyList<ApiEntity> CountriesAlongside);

/// <summary>One of the key owner's saved searches.</summary>
/// <param name="View">The list's query string (<c>q=…&amp;company=…</c>), empty for the latest stories.</param>
/// <param name="Url">The list page of the view.</param>
/// <param name="StoriesUrl">The same view through <c>/api/v1/stories</c>.</param>
/// <param name="HasFeed">A private feed is on (its address is shown only once, on the account page).</param>
public sealed record ApiSavedSearch(
    long Id, string Name, string View, string Url, string StoriesUrl, DateTime CreatedAt, DateTime LastOpenedAt, bool HasFeed);
