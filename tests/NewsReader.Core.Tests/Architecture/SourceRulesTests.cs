using System.Text.RegularExpressions;

namespace NewsReader.Core.Tests.Architecture;

/// <summary>
/// Rules about the source itself (issue 17): the engine stays in its folder; nothing waits on a task
/// synchronously; no namespace cycle; files a person can hold in their head.
/// </summary>
public sealed partial class SourceRulesTests
{
    /// <summary>Feature folders use the seams; only the engine folder names the SQLite driver or its EF provider.</summary>
    [Fact]
    public void CoreSources_OutsideTheEngineFolder_NeverNameTheSqliteDriver()
    {
        var core = Path.Combine(RepoPaths.Root, "src", "NewsReader.Core");
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
        var src = Path.Combine(RepoPaths.Root, "src");
        var offenders = Sources(src)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SyncOverAsync().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>
    /// No two namespaces depend on each other, directly or around a loop (Importing -> Curation ->
    /// Importing was one): read from each .cs file's namespace and its <c>using NewsReader...</c> directives.
    /// </summary>
    [Fact]
    public void Sources_NamespacesByUsings_NoCycle()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Sources(src).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (NamespaceDeclaration().Match(text) is not { Success: true } ns)
            {
                continue;
            }

            var from = ns.Groups[1].Value;
            foreach (Match use in ProjectUsing().Matches(text))
            {
                if (use.Groups[1].Value != from)
                {
                    (graph.TryGetValue(from, out var to) ? to : graph[from] = []).Add(use.Groups[1].Value);
                }
            }
        }

        Assert.True(graph.Count > 20, "the scan found the namespaces");
        Assert.Null(Cycle(graph));
    }

    [Fact]
    public void Cycle_LoopOfThree_NamesIt()
    {
        var graph = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A", "D"], ["D"] = [] };

        Assert.Equal("A -> B -> C -> A", Cycle(graph));
        Assert.Null(Cycle(new Dictionary<string, HashSet<string>> { ["A"] = ["B", "C"], ["B"] = ["C"], ["C"] = [] }));
    }

    /// <summary>No source file over 600 lines but the generated migrations.</summary>
    [Fact]
    public void Sources_Everywhere_At600LinesOrFewer()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var offenders = Sources(src)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(src, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 600)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>A loop in the graph as "A -> B -> A", or null when there is none (depth-first, white/grey/black).</summary>
    private static string? Cycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, bool>(); // false: on the current path; true: done
        var path = new List<string>();
        string? Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
            {
                return done ? null : string.Join(" -> ", path[path.IndexOf(node)..].Append(node));
            }

            state[node] = false;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } loop)
                {
                    return loop;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^namespace (NewsReader(?:\.\w+)+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^using (NewsReader(?:\.\w+)+);", RegexOptions.Multiline)]
    private static partial Regex ProjectUsing();

    [GeneratedRegex(@"GetAwaiter\(\)\.GetResult\(\)|\.Result\b|\.Wait\(\)")]
    private static partial Regex SyncOverAsync();

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
