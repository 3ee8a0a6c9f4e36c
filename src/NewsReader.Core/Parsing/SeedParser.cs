using NewsReader.Core.Dedup;
using NewsReader.Core.Extraction;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Parsing;

/// <summary>Turns a decoded seed file into stories: split, repeats flagged, headline, summary, slug and extraction.</summary>
public sealed class SeedParser(StoryAnalyzer analyzer)
{
    private static readonly ExtractedEntities NoEntities = new([]);

    /// <summary>A parser over the knowledge files shipped with the application.</summary>
    public static SeedParser CreateDefault() => new(StoryAnalyzer.LoadDefault());

    /// <summary>Parses an already read seed file, honouring people's joins and splits when given.</summary>
    public ParsedDocument Parse(SeedText text, SplitOverrides? overrides = null) => ParseCore(text, overrides, extract: true);

    /// <summary>
    /// Splits, writes headlines and slugs, but leaves every article's entities empty: for callers that
    /// need them only for some articles (the importer, for texts not stored yet) and call <see cref="Extract"/>.
    /// </summary>
    public ParsedDocument ParseWithoutEntities(SeedText text, SplitOverrides? overrides = null) => ParseCore(text, overrides, extract: false);

    /// <summary>Companies, countries and topics of one parsed article (what <see cref="Parse"/> puts in it).</summary>
    public ExtractedEntities Extract(ParsedStory article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return analyzer.Analyze(article.Title, article.Paragraphs);
    }

    /// <summary>
    /// Splits a file into stories (<see cref="SeedSplitter"/>) and, for each, the earlier story of the
    /// file it repeats (<see cref="DuplicateFinder"/>): the two are composed here so that neither
    /// folder depends on the other.
    /// </summary>
    internal static (SplitResult Split, int?[] DuplicateOf) Split(SeedText text, SplitOverrides? overrides = null)
    {
        var split = SeedSplitter.Split(text, overrides);
        return (split, DuplicateFinder.Find([.. split.Articles.Select(a => a.Paragraphs)]));
    }

    private ParsedDocument ParseCore(SeedText text, SplitOverrides? overrides, bool extract)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (split, duplicateOf) = Split(text, overrides);
        var slugs = new SlugSet();
        var articles = new List<ParsedStory>(split.Articles.Count);
        foreach (var a in split.Articles)
        {
            var (title, summary) = HeadlineWriter.Write(a.Title, a.Paragraphs);
            var entities = extract ? analyzer.Analyze(title, a.Paragraphs) : NoEntities;
            articles.Add(new ParsedStory(
                articles.Count, title, summary, slugs.Add(title), a.Paragraphs, duplicateOf[articles.Count], a.StartConfidence, entities));
        }

        return new ParsedDocument(text.FileName, split.Header, articles);
    }
}
