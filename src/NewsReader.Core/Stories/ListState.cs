using NewsReader.Core.Data;

namespace NewsReader.Core.Stories;

/// <summary>
/// The state of a story list: text query, entity filters (combined with AND) and the keyset cursor.
/// The web app keeps it in the URL (the keys below), an API in its query string alike. <c>/?q=chip+export&amp;company=nvidia&amp;country=china&amp;after=…</c>.
/// </summary>
public sealed record ListState(
    string? Query,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Topics,
    string? After = null)
{
    public const string QueryKey = "q";
    public const string AfterKey = "after";

    /// <summary>Selected free tags (<c>tag=</c>); a property rather than a position so existing callers stay as they are.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The unfiltered first page.</summary>
    public static ListState Empty { get; } = new(null, [], [], []);

    /// <summary>The state of a request's query parameters (null arrays mean none).</summary>
    public static ListState From(string? q, string[]? companies, string[]? countries, string[]? topics, string? after, string[]? tags = null) =>
        new(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Clean(companies),
            Clean(countries),
            Clean(topics),
            string.IsNullOrWhiteSpace(after) ? null : after)
        {
            Tags = Clean(tags),
        };

    /// <summary>True when there is a text query or any filter.</summary>
    public bool IsFiltered => Query is not null || HasFilters;

    /// <summary>True when any entity filter is in force.</summary>
    public bool HasFilters => Companies.Count > 0 || Countries.Count > 0 || Topics.Count > 0 || Tags.Count > 0;

    /// <summary>The selected slugs of one kind.</summary>
    public IReadOnlyList<string> SlugsOf(EntityKind kind) =>
        kind == EntityKind.Company ? Companies : kind == EntityKind.Country ? Countries : kind == EntityKind.Tag ? Tags : Topics;

    /// <summary>The state with a value added, or removed when already selected; back to the first page.</summary>
    public ListState Toggle(EntityKind kind, string slug)
    {
        var current = SlugsOf(kind);
        var next = current.Contains(slug, StringComparer.OrdinalIgnoreCase)
            ? current.Where(s => !string.Equals(s, slug, StringComparison.OrdinalIgnoreCase)).ToArray()
            : [.. current, slug];
        return WithSlugs(kind, next) with { After = null };
    }

    /// <summary>The state without any entity filter (the text query stays); first page.</summary>
    public ListState WithoutFilters() => this with { Companies = [], Countries = [], Topics = [], Tags = [], After = null };

    /// <summary>The query parameters for <c>NavigationManager.GetUriWithQueryParameters</c>; null removes a key.</summary>
    public IReadOnlyDictionary<string, object?> ToParameters() => new Dictionary<string, object?>
    {
        [QueryKey] = Query,
        [EntityKind.Company.Key] = Companies.Count == 0 ? null : Companies.ToArray(),
        [EntityKind.Country.Key] = Countries.Count == 0 ? null : Countries.ToArray(),
        [EntityKind.Topic.Key] = Topics.Count == 0 ? null : Topics.ToArray(),
        [EntityKind.Tag.Key] = Tags.Count == 0 ? null : Tags.ToArray(),
        [AfterKey] = After,
    };

    private ListState WithSlugs(EntityKind kind, IReadOnlyList<string> slugs) =>
        kind == EntityKind.Company ? this with { Companies = slugs }
        : kind == EntityKind.Country ? this with { Countries = slugs }
        : kind == EntityKind.Tag ? this with { Tags = slugs }
        : this with { Topics = slugs };

    private static string[] Clean(string[]? values) =>
        values is null
            ? []
            : values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(16).ToArray();
}
