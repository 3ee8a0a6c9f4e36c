using NewsReader.Core.Data;

namespace NewsReader.Web.Entities;

/// <summary>
/// How the web app names a kind of entity: its labels and the path of its pages. The URL query key
/// is Core's <c>Key</c>, the same word as the search language's <c>company:</c> filter.
/// </summary>
public static class EntityKindLabels
{
    extension(EntityKind kind)
    {
        /// <summary>"Company", "Country", "Topic", "Tag".</summary>
        public string Singular => kind switch
        {
            EntityKind.Company => "Company",
            EntityKind.Country => "Country",
            EntityKind.Topic => "Topic",
            _ => "Tag",
        };

        /// <summary>"Companies", "Countries", "Topics", "Tags".</summary>
        public string Plural => kind switch
        {
            EntityKind.Company => "Companies",
            EntityKind.Country => "Countries",
            EntityKind.Topic => "Topics",
            _ => "Tags",
        };

        /// <summary>The first segment of the kind's pages: <c>companies</c>.</summary>
        public string PathSegment => kind.Plural.ToLowerInvariant();

        /// <summary>The URL of the directory of this kind.</summary>
        public string DirectoryUrl => $"/{kind.PathSegment}";

        /// <summary>The URL of one entity's page.</summary>
        public string PageUrl(string slug) => $"/{kind.PathSegment}/{Uri.EscapeDataString(slug)}";

        /// <summary>A count of entities of this kind in words: "1 tag", "84 companies".</summary>
        public string Count(long count) => Core.Wording.Plural.Count(count, kind.Singular.ToLowerInvariant(), kind.Plural.ToLowerInvariant());

        /// <summary>The kind for a path segment (<c>companies</c>), or null.</summary>
        public static EntityKind? FromPathSegment(string? segment) =>
            EntityKind.All.Where(k => string.Equals(k.PathSegment, segment, StringComparison.OrdinalIgnoreCase)).Select(k => (EntityKind?)k).FirstOrDefault();
    }
}
