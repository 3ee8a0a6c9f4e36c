using System.Globalization;
using NewsReader.Core.Data;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Extraction;

/// <summary>Finds the companies, countries and topics a story is about.</summary>
public sealed class StoryAnalyzer
{
    private static readonly Lazy<StoryAnalyzer> Default = new(() => new StoryAnalyzer(ExtractionKnowledge.Load()));

    // A story's words, in a list reused from story to story on each thread: grown afresh for every
    // story (to tens of kilobytes) it cost more in allocation and clearing than filling it did. A list
    // grown past MaxKeptTokens by an unusually long story is not kept.
    private const int MaxKeptTokens = 16_384;

    /// <summary>
    /// Characters of a story read for entities: the seed's longest story (a feature of 45
    /// paragraphs) has 14,357, so only a story that is not one (a file of short lines split as a
    /// single "story") is cut, and its extraction costs time and memory like any long story's
    /// instead of growing with the whole file.
    /// </summary>
    public const int MaxAnalyzedChars = 200_000;

    [ThreadStatic]
    private static List<TextToken>? t_tokens;

    private readonly ExtractionKnowledge _knowledge;
    private readonly CompanyFinder _companies;
    private readonly CountryFinder _countries;
    private readonly TopicScorer _topics;

    private StoryAnalyzer(ExtractionKnowledge knowledge)
    {
        _knowledge = knowledge;
        _companies = new CompanyFinder(knowledge);
        _countries = new CountryFinder(knowledge);
        _topics = new TopicScorer(knowledge);
    }

    /// <summary>The analyzer over the knowledge files shipped inside the assembly, loaded once.</summary>
    public static StoryAnalyzer LoadDefault() => Default.Value;

    /// <summary>An analyzer whose knowledge files are read from <paramref name="directory"/> where
    /// present there (same file names as shipped), and from the shipped copies otherwise.</summary>
    public static StoryAnalyzer Load(string directory) => new(ExtractionKnowledge.Load(directory));

    /// <summary>The file names an override directory may contain.</summary>
    public static IReadOnlyList<string> KnowledgeFileNames => ExtractionKnowledge.FileNames;

    /// <summary>
    /// The country, company or topic a whole name means in the knowledge files, under its canonical
    /// name (<c>japan</c> → the country Japan, <c>Thomson Reuters</c> → the company Reuters); null
    /// when it names none. A name typed in lower case is also read capitalised, but not an
    /// abbreviation (<c>us</c> is no country) nor a company named by an ordinary word (<c>apple</c>).
    /// </summary>
    public (EntityKind Kind, string Name)? KnownEntity(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var form in new[] { name.Trim(), CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Trim()) }.Distinct())
        {
            var tokens = new List<TextToken>();
            TextTokenizer.Tokenize(form, 0, tokens);
            if (tokens.Count == 0)
            {
                return null;
            }

            if (_knowledge.Countries.TryMatch(tokens, 0, caseSensitive: true, out var country, out var length) && length == tokens.Count)
            {
                return (EntityKind.Country, country);
            }

            // A company whose name is an ordinary word ("apple", "square") only when typed with its capital.
            if (_knowledge.Companies.TryMatch(tokens, 0, caseSensitive: false, out var company, out length) && length == tokens.Count
                && (!company.Common || char.IsUpper(name.Trim()[0])))
            {
                return (EntityKind.Company, company.Name);
            }
        }

        var key = NameKey.Of(name);
        var topic = _knowledge.Topics.Find(t => NameKey.Of(t) == key);
        return topic is null ? null : (EntityKind.Topic, topic);
    }

    /// <summary>
    /// Topics and countries of the knowledge files with a word starting with <paramref name="key"/> (a
    /// <see cref="NameKey"/>): what a person may mean before any story names it.
    /// </summary>
    public IEnumerable<(EntityKind Kind, string Name)> KnownWithPrefix(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            yield break;
        }

        foreach (var (kind, names) in new[] { (EntityKind.Topic, _knowledge.Topics), (EntityKind.Country, _knowledge.CountryNames) })
        {
            foreach (var name in names)
            {
                var nameKey = NameKey.Of(name);
                if (nameKey.StartsWith(key, StringComparison.Ordinal) || nameKey.Contains(" " + key, StringComparison.Ordinal))
                {
                    yield return (kind, name);
                }
            }
        }
    }

    /// <summary>Finds what one story is about; each list is ordered about-first.</summary>
    public ExtractedEntities Analyze(string title, IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var tokens = t_tokens ?? new List<TextToken>(1024);
        t_tokens = null; // taken while in use, so a re-entrant call could not share it
        var story = Read(title ?? string.Empty, paragraphs, tokens);
        var companyTokens = new HashSet<int>();
        var entities = new List<EntityMention>();
        entities.AddRange(_companies.Find(story, companyTokens));
        entities.AddRange(_countries.Find(story, companyTokens));
        entities.AddRange(_topics.Score(story));
        if (tokens.Capacity <= MaxKeptTokens)
        {
            tokens.Clear();
            t_tokens = tokens;
        }

        return new ExtractedEntities(entities);
    }

    private static StoryText Read(string title, IReadOnlyList<Paragraph> paragraphs, List<TextToken> tokens)
    {
        var lead = 0;
        while (lead < paragraphs.Count - 1 && paragraphs[lead].Kind != ParagraphKind.Text)
        {
            lead++;
        }

        // A headline that is only the lead cut short adds nothing; a real one is read as paragraph -1.
        var leadText = paragraphs.Count > 0 ? paragraphs[lead].Text : string.Empty;
        var trimmed = title.Trim().TrimEnd('.', '…');
        if (trimmed.Length > 0 && !leadText.StartsWith(trimmed, StringComparison.Ordinal))
        {
            TextTokenizer.Tokenize(title, -1, tokens);
        }

        var captions = new bool[paragraphs.Count];
        var read = 0;
        for (var p = 0; p < paragraphs.Count && read < MaxAnalyzedChars; p++)
        {
            captions[p] = paragraphs[p].Kind == ParagraphKind.Caption;
            TextTokenizer.Tokenize(paragraphs[p].Text, p, tokens);
            read += paragraphs[p].Text.Length;
        }

        return new StoryText(tokens, captions, lead);
    }
}
