namespace NewsReader.Core.Store;

/// <summary>
/// Where the store's database file is, found the one way the web app and the command line share:
/// <c>Reader:DatabasePath</c> when set, else <c>news.db</c> in <c>Reader:DataFolder</c> (default
/// <c>data</c>), relative paths taken against the web app's content root. (A <c>ConnectionStrings:News</c>
/// entry, when present, wins over both; callers check it first.)
/// </summary>
public static class StoreLocation
{
    /// <summary>The data folder when none is configured.</summary>
    public const string DefaultDataFolder = "data";

    /// <summary>The full path of the database file.</summary>
    /// <param name="databasePath">A configured database path, or null/empty.</param>
    /// <param name="dataFolder">A configured data folder, or null/empty for <see cref="DefaultDataFolder"/>.</param>
    /// <param name="contentRoot">The folder relative paths are taken against.</param>
    public static string DatabaseFile(string? databasePath, string? dataFolder, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        return string.IsNullOrWhiteSpace(databasePath)
            ? Path.Combine(Resolve(contentRoot, string.IsNullOrWhiteSpace(dataFolder) ? DefaultDataFolder : dataFolder), NewsDb.DefaultFileName)
            : Resolve(contentRoot, databasePath);
    }

    /// <summary>A configured folder or file as a full path, relative ones against <paramref name="contentRoot"/>.</summary>
    public static string Resolve(string contentRoot, string path)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
    }
}
