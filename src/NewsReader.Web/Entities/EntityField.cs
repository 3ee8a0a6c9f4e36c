using NewsReader.Core.Search;
using NewsReader.Core.Search.Model;

namespace NewsReader.Web.Entities;

/// <summary>
/// A kind of entity as the web app names it: the URL query key (the same word as the search
/// language's <c>company:</c> filter), the labels, and the path of its pages.
/// </summary>
public sealed record EntityField(string Key, string Singular, string Plural, string PathSegment)
{
    public static EntityField Company { get; } = new(FieldFilter.Company, "Company", "Companies", "companies");

    public static EntityField Country { get; } = new(FieldFilter.Country, "Country", "Countries", "countries");

    public static EntityField Topic { get; } = new(FieldFilter.Topic, "Topic", "Topics", "topics");

    /// <summary>Free tags people typed (issue 6); their facet shows only when the results have some.</summary>
    public static EntityField Tag { get; } = new(FieldFilter.Tag, "Tag", "Tags", "tags");

    /// <summary>The kinds shown as facets, in display order.</summary>
    public static IReadOnlyList<EntityField> All { get; } = [Company, Country, Topic, Tag];

    /// <summary>The kind for a query key (<c>company</c>), or null.</summary>
    public static EntityField? FromKey(string? key) =>
        All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind for a path segment (<c>companies</c>), or null.</summary>
    public static EntityField? FromPathSegment(string? segment) =>
        All.FirstOrDefault(f => string.Equals(f.PathSegment, segment, StringComparison.OrdinalIgnoreCase));

    /// <summary>The URL of one entity's page.</summary>
    public string PageUrl(string slug) => $"/{PathSegment}/{Uri.EscapeDataString(slug)}";

    /// <summary>A count of entities of this kind in words: "1 tag", "84 companies".</summary>
    public string Count(long count) => Core.Wording.Plural.Count(count, Singular.ToLowerInvariant(), Plural.ToLowerInvariant());

    /// <summary>The URL of the directory of this kind.</summary>
    public string DirectoryUrl => $"/{PathSegment}";
}
