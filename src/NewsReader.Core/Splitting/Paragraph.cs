using System.Text;

namespace NewsReader.Core.Splitting;

/// <summary>What role a paragraph plays inside its article.</summary>
public enum ParagraphKind
{
    /// <summary>Ordinary body text.</summary>
    Text,

    /// <summary>A section subheading inside the article (rendered as <c>##</c>).</summary>
    Subheading,

    /// <summary>A photo caption or image credit line.</summary>
    Caption,
}

/// <summary>One paragraph of an article's body.</summary>
public sealed record Paragraph(string Text, ParagraphKind Kind = ParagraphKind.Text)
{
    /// <summary>Renders paragraphs as a Markdown body; subheadings become <c>##</c> headings.</summary>
    public static string ToMarkdown(IEnumerable<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var sb = new StringBuilder();
        foreach (var p in paragraphs)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            if (p.Kind == ParagraphKind.Subheading)
            {
                sb.Append("## ");
            }

            sb.Append(p.Text);
        }

        return sb.ToString();
    }
}
