using System.Text.RegularExpressions;

namespace NewsReader.Core.Tests.Architecture;

/// <summary>Rules about the source itself (issue 17): the engine stays in its folder; nothing waits on a task synchronously.</summary>
public sealed partial class SourceRulesTests
{
    /// <summary>Feature folders use the seams; only the engine folder names the SQLite driver or its EF provider.</summary>
    [Fact]
    public void CoreSources_OutsideTheEngineFolder_NeverNameTheSqliteDriver()
    {
        var core = Path.Combine(RepoRoot(), "src", "NewsReader.Core");
        var engineFolder = Path.Combine(core, "Store") + Path.DirectorySeparatorChar;
        var offenders = Sources(core)
            .Where(f => !f.StartsWith(engineFolder, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("Microsoft.Data.Sqlite", StringComparison.Ordinal) || text.Contains("UseSqlite", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(core, f))
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>Async all the way: no .Result, .Wait() or GetAwaiter().GetResult() anywhere in src.</summary>
    [Fact]
    public void Sources_Everywhere_NoSyncOverAsync()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var offenders = Sources(src)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SyncOverAsync().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"GetAwaiter\(\)\.GetResult\(\)|\.Result\b|\.Wait\(\)")]
    private static partial Regex SyncOverAsync();

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NewsReader.sln not found above the test directory");
    }
}
