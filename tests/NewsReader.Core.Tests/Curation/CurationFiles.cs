using NewsReader.Core.Importing;
using NewsReader.Core.Tests.Data;

namespace NewsReader.Core.Tests.Curation;

/// <summary>A seed file of three stories (the splitting fixture without its repeat) imported into a store.</summary>
internal static class CurationFiles
{
    public const string Admin = "admin@example.test";

    public static string ThreeStories()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "split-three-stories-and-repeat.txt"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        return text[..text.LastIndexOf("\n\nBrightwave Robotics announced today", StringComparison.Ordinal)] + "\n";
    }

    public static async Task<string> WriteAsync(TestStore store, string name, string text)
    {
        var path = Path.Combine(store.Folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>Parses the file again even though its bytes were imported before (the fast path would skip it).</summary>
    public static ImportOptions Reparse { get; } = new(Reparse: true);
}
