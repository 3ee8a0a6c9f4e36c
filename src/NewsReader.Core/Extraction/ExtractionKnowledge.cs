using System.Globalization;
using NewsReader.Core.Extraction.Knowledge;

namespace NewsReader.Core.Extraction;

/// <summary>A company in the gazetteer.</summary>
/// <param name="Common">Also an ordinary English word, so sentence-initial uses are not trusted alone.</param>
/// <param name="Outlet">A news outlet, wire service or picture agency: named mostly as the source of a
/// report or a photo, which does not make a story about it.</param>
internal sealed record KnownCompany(string Name, bool Common, bool Outlet = false);

/// <summary>A word or phrase of the topic vocabulary.</summary>
internal sealed record TopicTerm(string Topic, string Term, double Weight, bool Prefix)
{
    /// <summary>The topic column of a phrase that is evidence of no topic ("raised concerns" is not funding).</summary>
    public const string NotATopic = "-";

    /// <summary>Whether the term counts for its topic; a not-a-topic phrase only keeps its words from counting on their own.</summary>
    public bool Counts => Topic != NotATopic;
}

/// <summary>Word classes used by company discovery (see <c>company-cues.tsv</c>).</summary>
[Flags]
internal enum Cue
{
    None = 0,
    Legal = 1,
    Suffix = 2,
    Descriptor = 4,
    Appositive = 8,
    Title = 16,
    Honorific = 32,
    Government = 64,
    Other = 128,
    Never = 256,
    Which = 512,
    Possession = 1024,
    Weak = 2048,
}

/// <summary>Everything extraction knows: gazetteers and lexicons, loaded once from the data files.</summary>
internal sealed class ExtractionKnowledge
{
    /// <summary>Names of the data files, shipped inside the assembly and overridable from a folder.</summary>
    public static readonly string[] FileNames =
        ["companies.tsv", "countries.tsv", "demonyms.tsv", "cities.tsv", "topics.tsv", "company-cues.tsv", "first-names.txt"];

    public PhraseTable<KnownCompany> Companies { get; } = new();

    /// <summary>Country names and abbreviations, matched case-sensitively.</summary>
    public PhraseTable<string> Countries { get; } = new();

    /// <summary>The canonical country names, in file order.</summary>
    public List<string> CountryNames { get; } = [];

    /// <summary>Demonyms and adjectives, matched case-sensitively.</summary>
    public PhraseTable<string> Demonyms { get; } = new();

    /// <summary>Cities, states and regions; the value is a country or empty for a place that is none.</summary>
    public PhraseTable<string> Places { get; } = new();

    public WordTable<Cue> Cues { get; } = new();

    /// <summary>Deal and funding phrases that come right before a company ("stake in").</summary>
    public PhraseTable<bool> BeforePhrases { get; } = new();

    /// <summary>Public institutions whose names look like companies' (World Bank).</summary>
    public PhraseTable<bool> Institutions { get; } = new();

    /// <summary>Verbs that come right after a company acting as one ("raised").</summary>
    public PhraseTable<bool> AfterPhrases { get; } = new();

    /// <summary>Phrases right before a name that make it the source of what is said ("according to", "told").</summary>
    public PhraseTable<bool> SourceBeforePhrases { get; } = new();

    /// <summary>Words right after a news outlet's name that make it the source ("reported", "report").</summary>
    public PhraseTable<bool> SourceAfterPhrases { get; } = new();

    public HashSet<string> FirstNames { get; } = new(StringComparer.Ordinal);

    public List<string> Topics { get; } = [];

    public List<TopicTerm> TopicTerms { get; } = [];

    public Cue CueOf(string lower) => Cues.GetValueOrDefault(lower);

    /// <summary>The cues of a word of the text, without hashing it again.</summary>
    public Cue CueOf(in TextToken token) => Cues.TryGetValue(token.Lower, token.Hash, out var cue) ? cue : Cue.None;

    /// <summary>Loads the files embedded in the assembly; a file of the same name in
    /// <paramref name="overrideDirectory"/> replaces the embedded one.</summary>
    public static ExtractionKnowledge Load(string? overrideDirectory = null)
    {
        var k = new ExtractionKnowledge();
        k.LoadCompanies(overrideDirectory);
        k.LoadPlaces(overrideDirectory);
        k.LoadCues(overrideDirectory);
        foreach (var (cols, _) in KnowledgeFiles.Rows("first-names.txt", overrideDirectory))
        {
            k.FirstNames.Add(cols[0]);
        }

        k.LoadTopics(overrideDirectory);
        return k;
    }

    private void LoadCompanies(string? overrideDirectory)
    {
        foreach (var (cols, _) in KnowledgeFiles.Rows("companies.tsv", overrideDirectory))
        {
            var flags = cols.Length > 2 ? cols[2].Split(' ', ',', '|') : [];
            var company = new KnownCompany(
                cols[0],
                flags.Contains("common", StringComparer.OrdinalIgnoreCase),
                flags.Contains("outlet", StringComparer.OrdinalIgnoreCase));
            Companies.Add(cols[0], company);
            foreach (var alias in KnowledgeFiles.Aliases(cols))
            {
                Companies.Add(alias, company);
            }
        }
    }

    /// <summary>Countries, demonyms and cities.</summary>
    private void LoadPlaces(string? overrideDirectory)
    {
        foreach (var (cols, _) in KnowledgeFiles.Rows("countries.tsv", overrideDirectory))
        {
            Countries.Add(cols[0], cols[0]);
            CountryNames.Add(cols[0]);
            foreach (var alias in KnowledgeFiles.Aliases(cols))
            {
                Countries.Add(alias, cols[0]);
            }
        }

        foreach (var (cols, line) in KnowledgeFiles.Rows("demonyms.tsv", overrideDirectory))
        {
            Demonyms.Add(cols[0], Required(cols, 1, line));
        }

        foreach (var (cols, line) in KnowledgeFiles.Rows("cities.tsv", overrideDirectory))
        {
            var country = Required(cols, 1, line);
            Places.Add(cols[0], country == "-" ? string.Empty : country);
        }
    }

    private void LoadCues(string? overrideDirectory)
    {
        foreach (var (cols, line) in KnowledgeFiles.Rows("company-cues.tsv", overrideDirectory))
        {
            var word = Required(cols, 1, line).ToLowerInvariant();
            switch (cols[0])
            {
                case "before":
                    BeforePhrases.Add(word, true);
                    break;
                case "after":
                    AfterPhrases.Add(word, true);
                    break;
                case "source":
                    SourceBeforePhrases.Add(word, true);
                    break;
                case "source-after":
                    SourceAfterPhrases.Add(word, true);
                    break;
                case "institution":
                    Institutions.Add(word, true);
                    break;
                default:
                    var cue = ParseCue(cols[0], line);
                    Cues.Set(word, Cues.GetValueOrDefault(word) | cue);
                    break;
            }
        }
    }

    private void LoadTopics(string? overrideDirectory)
    {
        foreach (var (cols, line) in KnowledgeFiles.Rows("topics.tsv", overrideDirectory))
        {
            var topic = cols[0];
            if (topic != TopicTerm.NotATopic && !Topics.Contains(topic))
            {
                Topics.Add(topic);
            }

            var term = Required(cols, 1, line);
            if (term == "-")
            {
                continue;
            }

            var weight = double.Parse(Required(cols, 2, line), CultureInfo.InvariantCulture);
            var prefix = term.EndsWith('*');
            TopicTerms.Add(new TopicTerm(topic, prefix ? term[..^1] : term, weight, prefix));
        }
    }

    private static Cue ParseCue(string name, string line) => name switch
    {
        "legal" => Cue.Legal,
        "suffix" => Cue.Suffix,
        "descriptor" => Cue.Descriptor,
        "appositive" => Cue.Appositive,
        "title" => Cue.Title,
        "honorific" => Cue.Honorific,
        "government" => Cue.Government,
        "other" => Cue.Other,
        "never" => Cue.Never,
        "which" => Cue.Which,
        "possession" => Cue.Possession,
        "weak" => Cue.Weak,
        _ => throw new InvalidDataException($"company-cues.tsv: unknown category in '{line}'"),
    };

    private static string Required(string[] cols, int index, string line) =>
        cols.Length > index && cols[index].Length > 0
            ? cols[index]
            : throw new InvalidDataException($"knowledge file line has too few columns: '{line}'");
}
