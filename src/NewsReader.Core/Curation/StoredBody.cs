using NewsReader.Core.Splitting;

namespace NewsReader.Core.Curation;

/// <summary>
/// A stored story's Markdown body read back into the splitter's paragraphs, texts exactly as the
/// splitter had them, so boundary keys and fingerprints computed from them match a fresh parse.
/// </summary>
public static class StoredBody
{
    private const string SubheadingMark = "## ";

    /// <summary>The paragraphs of a body written by <see cref="Paragraph.ToMarkdown"/>.</summary>
    public static IReadOnlyList<Paragraph> Paragraphs(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lexicon = SplitterLexicon.Default;
        var paragraphs = new List<Paragraph>();
        foreach (var part in body.Split("\n\n"))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (part.StartsWith(SubheadingMark, StringComparison.Ordinal))
            {
                paragraphs.Add(new Paragraph(part[SubheadingMark.Length..], ParagraphKind.Subheading));
            }
            else
            {
                // The body does not mark captions; the same test as the splitter's gets most of them back,
                // which matters only for the headline (a caption never leads).
                paragraphs.Add(new Paragraph(part, ParagraphShape.IsCaption(part, lexicon) ? ParagraphKind.Caption : ParagraphKind.Text));
            }
        }

        return paragraphs;
    }

    /// <summary>The first words of a paragraph, for previews.</summary>
    public static string Preview(string text, int max = 160)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max - 1), "…");
    }
}
