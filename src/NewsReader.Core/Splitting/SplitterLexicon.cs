using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;

namespace NewsReader.Core.Splitting;

/// <summary>What a listed word is, as bits of <see cref="SplitterLexicon.WordHashes"/>.</summary>
[Flags]
internal enum WordFlags
{
    None = 0,

    /// <summary>A stopword or dangling opener: names nothing.</summary>
    Function = 1,

    /// <summary>A day or month name: capitalised, yet no story's subject.</summary>
    Calendar = 2,

    /// <summary>A reporting or event verb.</summary>
    NewsVerb = 4,

    /// <summary>A news-cycle time word or two-word phrase.</summary>
    TimeWord = 8,
}

/// <summary>The word lists of <c>SplitterLexicon.txt</c>: how the splitter and headline writer recognise grammar.</summary>
internal sealed class SplitterLexicon
{
    private const string ResourceName = "NewsReader.Core.Splitting.SplitterLexicon.txt";

    private static readonly Lazy<SplitterLexicon> DefaultInstance = new(() => Parse(ReadResource()));

    private SplitterLexicon(Dictionary<string, List<string>> sections, Dictionary<string, List<string>> asWritten)
    {
        DanglingOpeners = Set(sections, "dangling-openers");
        DanglingPhrases = [.. sections.GetValueOrDefault("dangling-phrases", [])];
        DefiniteAnaphors = Set(sections, "definite-anaphors");
        NewsVerbs = Set(sections, "news-verbs");
        TimeWords = Set(sections, "time-words");
        TimeNouns = Set(sections, "time-nouns");
        Stopwords = Set(sections, "stopwords");
        DanglingEnds = Set(sections, "dangling-ends");
        CalendarNames = Set(sections, "calendar-names");
        WordHashes = new HashTable();
        AddHashes(sections, WordFlags.Function, "stopwords", "dangling-openers");
        AddHashes(sections, WordFlags.NewsVerb, "news-verbs");
        AddHashes(sections, WordFlags.TimeWord, "time-words");
        AddHashes(sections, WordFlags.Calendar, "calendar-names");
        PhraseStarts = new WordSet(DanglingPhrases.Select(p => p.Split(' ')[0]));
        FunctionWords = new WordSet(sections.GetValueOrDefault("stopwords", []).Concat(sections.GetValueOrDefault("dangling-openers", [])));
        Abbreviations = Set(sections, "abbreviations");
        HeadlineOpeners = Set(sections, "headline-openers");
        HeadlineClauseWords = Set(sections, "headline-clause-words");
        HeadlineAmountWords = Set(sections, "headline-amount-words");
        HeadlineAsVerbs = Set(sections, "headline-as-verbs");
        HeadlineNameTitles = Set(sections, "headline-name-titles");
        HeadlineCutBefore = Set(sections, "headline-cut-before");
        HeadlineParticles = Set(sections, "headline-particles");
        HeadlineFunctionWords = Set(sections, "headline-function-words");
        HeadlineApproximators = Set(sections, "headline-approximators");
        HeadlineRelativeOpeners = Set(sections, "headline-relative-openers");
        IrregularParticiples = Set(sections, "irregular-participles");
        ParticiplesNotPast = Set(sections, "participles-not-past");
        HeadlinePastForms = Pairs(sections, "headline-past-forms");
        HeadlinePluralSubjects = Set(sections, "headline-plural-subjects");
        HeadlineNotPast = Set(sections, "headline-not-past");
        HeadlineHonorifics = Set(sections, "headline-honorifics");
        CaptionPrefixes = [.. sections.GetValueOrDefault("caption-prefixes", [])];
        CaptionContains = [.. sections.GetValueOrDefault("caption-contains", [])];
        HeadlineTailWords = [.. sections.GetValueOrDefault("headline-tail-after-comma", [])];
        HeadlineTailPhrases = [.. sections.GetValueOrDefault("headline-tail-phrases", [])];
        HeadlineNewsThat = [.. sections.GetValueOrDefault("headline-news-that", [])];
        HeadlineReportingVerbs = [.. sections.GetValueOrDefault("headline-reporting-verbs", [])];
        HeadlineTimePhrases = [.. asWritten.GetValueOrDefault("headline-time-phrases", [])];
        HeadlineAdverbSuffixes = [.. sections.GetValueOrDefault("headline-adverb-suffixes", [])];
        HeadlineAppositiveDeterminers = [.. sections.GetValueOrDefault("headline-appositive-determiners", [])];
        HeadlineAuxiliaries = Set(sections, "headline-auxiliaries");
        HeadlineRelativeWords = [.. sections.GetValueOrDefault("headline-relative-words", [])];
    }

    /// <summary>The lists shipped inside the assembly.</summary>
    public static SplitterLexicon Default => DefaultInstance.Value;

    public WordSet DanglingOpeners { get; }

    // Immutable arrays: a foreach over them allocates no enumerator (IReadOnlyList's did, per paragraph).
    public ImmutableArray<string> DanglingPhrases { get; }

    public WordSet DefiniteAnaphors { get; }

    public WordSet NewsVerbs { get; }

    /// <summary>Single words and two-word phrases ("this week").</summary>
    public WordSet TimeWords { get; }

    public WordSet TimeNouns { get; }

    public WordSet Stopwords { get; }

    public WordSet DanglingEnds { get; }

    public WordSet CalendarNames { get; }

    /// <summary>
    /// For the per-word hot loops: the <see cref="WordFlags"/> of each listed word by its
    /// <see cref="WordScanner.TermHashLower"/> hash (function words, news verbs, time words, calendar
    /// names); a two-word time entry hashes as one string with its space. Read-only once built.
    /// </summary>
    public HashTable WordHashes { get; }

    /// <summary>First words of the dangling phrases, to skip the phrase list for most paragraphs.</summary>
    public WordSet PhraseStarts { get; }

    /// <summary>Stopwords and dangling openers together: words that name nothing.</summary>
    public WordSet FunctionWords { get; }

    public WordSet Abbreviations { get; }

    public WordSet HeadlineOpeners { get; }

    /// <summary>Words a headline ends before once it has said enough (subordinate and relative clauses).</summary>
    public WordSet HeadlineClauseWords { get; }

    /// <summary>Words that make "than" after them an amount ("more than 1.2 million"), not a clause to end a headline before.</summary>
    public WordSet HeadlineAmountWords { get; }

    /// <summary>Verbs whose "as" opens their complement ("describes as", "known as"), not a clause to end a headline before.</summary>
    public WordSet HeadlineAsVerbs { get; }

    /// <summary>Titles a person keeps their whole name after in a headline ("Sir Alex Ferguson").</summary>
    public WordSet HeadlineNameTitles { get; }

    /// <summary>Prepositions a headline may be cut before (<see cref="HeadlineCut"/>).</summary>
    public WordSet HeadlineCutBefore { get; }

    /// <summary>Words a headline's length does not count (<see cref="HeadlineCut"/>): the rest are its content words.</summary>
    public WordSet HeadlineFunctionWords { get; }

    /// <summary>Verb particles a headline is not cut after ("write off up | to").</summary>
    public WordSet HeadlineParticles { get; }

    /// <summary>Words that make an amount before a number ("about 5,000"), not a phrase to cut off.</summary>
    public WordSet HeadlineApproximators { get; }

    /// <summary>Words that open a relative clause after a comma (", who ..."), inside which a headline is not cut.</summary>
    public WordSet HeadlineRelativeOpeners { get; }

    /// <summary>Past participles not ending in -ed or -en ("won", "sold").</summary>
    public WordSet IrregularParticiples { get; }

    /// <summary>Past participles that are not also the simple past ("become", "shown").</summary>
    public WordSet ParticiplesNotPast { get; }

    /// <summary>The base of a past form the spelling rules get wrong or cannot know ("fell" -> "fall"), by the past form.</summary>
    public FrozenDictionary<string, string> HeadlinePastForms { get; }

    /// <summary>Titles before a surname ("Mr", "Dr").</summary>
    public WordSet HeadlineHonorifics { get; }

    /// <summary>Words in -ed that are no past form ("hundred").</summary>
    public WordSet HeadlineNotPast { get; }

    /// <summary>Subjects that take the plural verb ("they", "two").</summary>
    public WordSet HeadlinePluralSubjects { get; }

    public ImmutableArray<string> CaptionPrefixes { get; }

    public ImmutableArray<string> CaptionContains { get; }

    /// <summary>Words that, after a comma, open a clause a headline drops (", which", ", according to").</summary>
    public ImmutableArray<string> HeadlineTailWords { get; }

    /// <summary>Phrases that open a droppable clause wherever they stand (" as part of ").</summary>
    public ImmutableArray<string> HeadlineTailPhrases { get; }

    /// <summary>"the news that", after which a throat-clearing opener's story starts.</summary>
    public ImmutableArray<string> HeadlineNewsThat { get; }

    /// <summary>Reporting verbs a headline drops with the pronoun after them ("said it will").</summary>
    public ImmutableArray<string> HeadlineReportingVerbs { get; }

    /// <summary>Time phrases a headline drops ("on Monday"), as written: they are matched case for case.</summary>
    public ImmutableArray<string> HeadlineTimePhrases { get; }

    /// <summary>Endings of manner adverbs a headline drops ("-edly").</summary>
    public ImmutableArray<string> HeadlineAdverbSuffixes { get; }

    /// <summary>Words that open an apposition after a comma (", the"), in the order they are tried.</summary>
    public ImmutableArray<string> HeadlineAppositiveDeterminers { get; }

    /// <summary>Auxiliary and intention verbs that show a clause's verb follows ("has", "plans").</summary>
    public WordSet HeadlineAuxiliaries { get; }

    /// <summary>Words that open a relative clause ("that", "which", "who").</summary>
    public ImmutableArray<string> HeadlineRelativeWords { get; }

    /// <summary>Parses the <c>[section]</c> / one-entry-a-line format.</summary>
    public static SplitterLexicon Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var asWritten = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        List<string>? currentAsWritten = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                current = [];
                currentAsWritten = [];
                sections[line[1..^1]] = current;
                asWritten[line[1..^1]] = currentAsWritten;
                continue;
            }

            current?.Add(line.ToLowerInvariant());
            currentAsWritten?.Add(line);
        }

        return new SplitterLexicon(sections, asWritten);
    }

    private void AddHashes(Dictionary<string, List<string>> sections, WordFlags flag, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var w in sections.GetValueOrDefault(name, []))
            {
                WordHashes.Or(WordScanner.TermHashLower(w), (int)flag);
            }
        }
    }

    // "past base" lines as a map from the first word to the second.
    private static FrozenDictionary<string, string> Pairs(Dictionary<string, List<string>> sections, string name) =>
        sections.GetValueOrDefault(name, [])
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _] pair
                ? pair
                : throw new InvalidDataException($"[{name}] wants two words a line, not '{line}'."))
            .ToFrozenDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static WordSet Set(Dictionary<string, List<string>> sections, string name) =>
        new(sections.GetValueOrDefault(name, []));

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
