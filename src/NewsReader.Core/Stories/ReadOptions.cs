namespace NewsReader.Core.Stories;

/// <summary>
/// How much the read side returns and keeps (the web app binds section <c>Reader</c> of
/// appsettings.json; documented in README).
/// </summary>
public sealed class ReadOptions
{
    /// <summary>Stories per list page.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>At most this many values per facet are computed and sent to the page.</summary>
    public int FacetLimit { get; set; } = 50;

    /// <summary>Related stories shown on a story page.</summary>
    public int RelatedCount { get; set; } = 5;

    /// <summary>
    /// Page results (lists, stories, entity headers) kept in memory for the store's current version
    /// (see <see cref="ReadCache"/>); 0 turns the cache off.
    /// </summary>
    public int ReadCacheEntries { get; set; } = 2000;
}
