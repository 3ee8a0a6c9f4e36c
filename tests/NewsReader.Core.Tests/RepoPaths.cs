namespace NewsReader.Core.Tests;

/// <summary>Files of the repository the tests read (seeds, docs, sources), found from the test binaries upwards.</summary>
internal static class RepoPaths
{
    /// <summary>The folder that holds NewsReader.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository: <c>RepoPaths.File("docs", "seed-format.md")</c>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NewsReader.sln not found above the test directory");
    }
}
