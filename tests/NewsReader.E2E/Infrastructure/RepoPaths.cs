namespace NewsReader.E2E.Infrastructure;

/// <summary>Folders of the repository, found from the test's output folder.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding NewsReader.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string WebProject => Path.Combine(Root, "src", "NewsReader.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsReader.sln not found above " + AppContext.BaseDirectory);
    }
}
