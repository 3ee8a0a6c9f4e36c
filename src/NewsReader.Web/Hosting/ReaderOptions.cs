using NewsReader.Core.Store;

namespace NewsReader.Web.Hosting;

/// <summary>The web app's settings (section <c>Reader</c> of appsettings.json); documented in README.</summary>
public sealed class ReaderOptions
{
    public const string SectionName = "Reader";

    /// <summary>Folder of the SQLite store (<c>news.db</c>), relative to the content root unless absolute.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// Full path of the database file; when empty, <c>news.db</c> inside <see cref="DataFolder"/>.
    /// A <c>ConnectionStrings:News</c> entry, when present, wins over both.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>Folder whose files are imported when the store is empty, relative to the content root unless absolute.</summary>
    public string SeedsFolder { get; set; } = "../../seeds";

    /// <summary>Import <see cref="SeedsFolder"/> at start-up when the store has no stories.</summary>
    public bool ImportSeedsWhenEmpty { get; set; } = true;

    /// <summary>Values per facet listed before "more" (all values up to <c>FacetLimit</c> are sent).</summary>
    /// <remarks>
    /// <c>PageSize</c>, <c>FacetLimit</c>, <c>RelatedCount</c> and <c>ReadCacheEntries</c> of this
    /// section are the read side's (<see cref="Core.Stories.ReadOptions"/>, bound to the same section).
    /// </remarks>
    public int FacetTop { get; set; } = 10;

    /// <summary>Longest search text accepted from the search box.</summary>
    public int MaxQueryLength { get; set; } = 200;

    /// <summary>The configured data folder (section <c>Reader</c>), as a full path.</summary>
    public static string DataFolderPath(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(SectionName).Get<ReaderOptions>() ?? new ReaderOptions();
        return Resolve(environment.ContentRootPath, options.DataFolder);
    }

    /// <summary>Resolves a configured folder against the content root.</summary>
    public static string Resolve(string contentRoot, string folder) => StoreLocation.Resolve(contentRoot, folder);
}
