using NewsReader.Core.Extraction;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Parsing;

/// <summary>Turns a decoded seed file into stories: split, headline, summary, slug and extraction.</summary>
public sealed class SeedParser(ArticleAnalyzer analyzer)
{
    /// <summary>A parser over the knowledge files shipped with the application.</summary>
    public static SeedParser CreateDefault() => new(ArticleAnalyzer.LoadDefault());

    /// <summary>Parses an already read seed file, honouring people's joins and splits when given.</summary>
    public ParsedDocument Parse(SeedText text, SplitOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var split = SeedSplitter.Split(text, overrides);
        var slugs = new SlugSet();
        var articles = new List<ParsedArticle>(split.Articles.Count);
        foreach (var a in split.Articles)
        {
            var (title, summary) = HeadlineWriter.Write(a.Title, a.Paragraphs);
            var entities = analyzer.Analyze(title, a.Paragraphs);
            articles.Add(new ParsedArticle(
                articles.Count, title, summary, slugs.Add(title), a.Paragraphs, a.DuplicateOf, a.StartConfidence, entities));
        }

        return new ParsedDocument(text.FileName, split.Header, articles);
    }
}
