using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Parsing;

/// <summary>A seed file turned into stories: what the importer stores and <c>parse --json</c> prints.</summary>
public sealed record ParsedDocument(
    string FileName,
    IReadOnlyList<string> Header,
    IReadOnlyList<ParsedStory> Articles);

/// <summary>One story of a seed file, with its generated headline, summary and what it is about.</summary>
/// <param name="Index">0-based position of the article in its file.</param>
/// <param name="DuplicateOf">Index of the earlier article in the same file that this one repeats, if any.</param>
/// <param name="StartConfidence">How sure the splitter is that a new story starts here (0 to 1).</param>
public sealed record ParsedStory(
    int Index,
    string Title,
    string Summary,
    string Slug,
    IReadOnlyList<Paragraph> Paragraphs,
    int? DuplicateOf,
    double StartConfidence,
    ExtractedEntities Entities)
{
    /// <summary>The body as Markdown: subheadings as <c>##</c> lines, paragraphs separated by blank lines.</summary>
    public string BodyMarkdown => Paragraph.ToMarkdown(Paragraphs);
}
