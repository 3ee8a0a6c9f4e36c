using System.Reflection;

namespace NewsReader.Core.Splitting;

/// <summary>
/// The given names and the company names (with their aliases) of the knowledge files shipped inside
/// the assembly, read once: the headline writer tells a person's name ("Arsene Wenger", written
/// "Wenger") from a company's ("John Lewis") with them. Extraction reads the same files, with a
/// deployment's overrides; headlines use the shipped ones only.
/// </summary>
internal static class ShippedNames
{
    private static readonly Lazy<IReadOnlySet<string>> LazyGivenNames = new(() =>
        Rows("first-names.txt").Select(cols => cols[0]).ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlySet<string>> LazyCompanies = new(() =>
        Rows("companies.tsv")
            .SelectMany(cols => (cols.Length > 1 ? cols[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []).Prepend(cols[0]))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Given names ("Arsene" is not one; "Martin" is).</summary>
    public static IReadOnlySet<string> GivenNames => LazyGivenNames.Value;

    /// <summary>Company names and aliases, as written.</summary>
    public static IReadOnlySet<string> Companies => LazyCompanies.Value;

    // The tab-separated columns of each line that is not blank or a # comment.
    private static List<string[]> Rows(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Knowledge/" + fileName)
            ?? throw new InvalidOperationException($"knowledge file {fileName} is not embedded");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line) && line[0] != '#')
            {
                rows.Add([.. line.Split('\t').Select(c => c.Trim())]);
            }
        }

        return rows;
    }
}
