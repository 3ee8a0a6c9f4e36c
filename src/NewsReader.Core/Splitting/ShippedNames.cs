using NewsReader.Core.Extraction.Knowledge;

namespace NewsReader.Core.Splitting;

/// <summary>
/// The given names, the company names (with their aliases) and the places of the knowledge files
/// shipped inside the assembly, read once: the headline writer tells a person's name ("Arsene
/// Wenger", written "Wenger") from a company's ("John Lewis") with them, and the splitter a
/// dateline ("MUMBAI: ") from a transcript's speaker ("SMITH: "). Extraction reads the same files, with a
/// deployment's overrides; headlines use the shipped ones only.
/// </summary>
internal static class ShippedNames
{
    private static readonly Lazy<IReadOnlySet<string>> LazyGivenNames = new(() =>
        KnowledgeFiles.Rows("first-names.txt", null).Select(r => r.Cols[0]).ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlySet<string>> LazyCompanies = new(() =>
        KnowledgeFiles.Rows("companies.tsv", null)
            .SelectMany(r => KnowledgeFiles.Aliases(r.Cols).Prepend(r.Cols[0]))
            .ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<HashSet<string>> LazyPlaces = new(() =>
        KnowledgeFiles.Rows("cities.tsv", null).Select(r => r.Cols[0])
            .Concat(KnowledgeFiles.Rows("countries.tsv", null).Select(r => r.Cols[0]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Given names ("Arsene" is not one; "Martin" is).</summary>
    public static IReadOnlySet<string> GivenNames => LazyGivenNames.Value;

    /// <summary>Whether a city, state, region or country is named so, in any case ("MUMBAI", "New Delhi").</summary>
    public static bool IsPlace(ReadOnlySpan<char> name) => LazyPlaces.Value.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    /// <summary>Company names and aliases, as written.</summary>
    public static IReadOnlySet<string> Companies => LazyCompanies.Value;
}
