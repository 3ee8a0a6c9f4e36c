using System.Reflection;

namespace NewsReader.Core.Extraction.Knowledge;

/// <summary>
/// Reads the knowledge files beside this one (shipped inside the assembly as <c>Knowledge/NAME</c>):
/// extraction with a deployment's overrides (<see cref="ExtractionKnowledge"/>), the headline writer
/// the shipped copies only (<c>ShippedNames</c>).
/// </summary>
internal static class KnowledgeFiles
{
    /// <summary>The tab-separated columns (trimmed) and the text of each line that is not blank or a <c>#</c> comment.</summary>
    public static IEnumerable<(string[] Cols, string Line)> Rows(string fileName, string? overrideDirectory)
    {
        foreach (var raw in ReadLines(fileName, overrideDirectory))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return (line.Split('\t').Select(c => c.Trim()).ToArray(), line);
        }
    }

    /// <summary>The aliases in a row's second column, split on <c>|</c>.</summary>
    public static string[] Aliases(string[] cols) =>
        cols.Length > 1 ? cols[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    // The file of that name in the override folder when it has one, else the shipped copy.
    private static IEnumerable<string> ReadLines(string fileName, string? overrideDirectory)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, fileName);
            if (File.Exists(path))
            {
                return File.ReadLines(path);
            }
        }

        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream("Knowledge/" + fileName)
            ?? throw new InvalidOperationException($"knowledge file {fileName} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } l)
        {
            lines.Add(l);
        }

        return lines;
    }
}
