namespace NewsReader.Core.Splitting;

/// <summary>An article as the splitter found it, before headlines and extraction.</summary>
/// <param name="Title">The title given by the file (Markdown headings), or null in the seed format.</param>
/// <param name="FirstLine">1-based line number in the decoded text where the article starts.</param>
/// <param name="StartConfidence">How sure the splitter is that a new story starts here (0 to 1).</param>
public sealed record SplitArticle(
    string? Title,
    IReadOnlyList<Paragraph> Paragraphs,
    int FirstLine,
    double StartConfidence);

/// <summary>The splitter's output: the file's header (byline/source lines) and its articles in file order.</summary>
public sealed record SplitResult(IReadOnlyList<string> Header, IReadOnlyList<SplitArticle> Articles);
