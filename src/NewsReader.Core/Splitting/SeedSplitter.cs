using NewsReader.Core.Reading;

namespace NewsReader.Core.Splitting;

/// <summary>Finds where each article of a seed file starts and ends.</summary>
public static class SeedSplitter
{
    /// <summary>Splits a file into its header and articles (PLACEHOLDER: one article per file).</summary>
    public static SplitResult Split(SeedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = text.Lines.Where(l => l.Length > 0).Select(l => new Paragraph(l)).ToList();
        return new SplitResult([], [new SplitArticle(null, paragraphs, 1, null, 1.0)]);
    }
}
