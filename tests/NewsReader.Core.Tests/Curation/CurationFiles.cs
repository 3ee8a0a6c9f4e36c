using NewsReader.Core.Importing;
using NewsReader.Core.Tests.Data;

namespace NewsReader.Core.Tests.Curation;

/// <summary>A seed file of three stories (the splitting fixture without its repeat) imported into a store.</summary>
internal static class CurationFiles
{
    public const string Admin = "admin@example.test";

    /// <summary>
    /// Three short hand-made stories (a doubled caption, a subheading) that the boundary model splits
    /// where a reader would: these tests are about curation, not the splitter. (The splitter's own
    /// tests keep a harder hand-made file it still misses, split-three-stories-and-repeat.txt.)
    /// </summary>
    public static string ThreeStories() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "curation-three-stories.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static async Task<string> WriteAsync(TestStore store, string name, string text)
    {
        var path = Path.Combine(store.Folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>Parses the file again even though its bytes were imported before (the fast path would skip it).</summary>
    public static ImportOptions Reparse { get; } = new(Reparse: true);
}
