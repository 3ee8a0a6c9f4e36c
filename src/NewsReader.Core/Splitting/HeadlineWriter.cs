namespace NewsReader.Core.Splitting;

/// <summary>Gives an article a headline (at most 100 characters) and a summary (at most 320).</summary>
public static class HeadlineWriter
{
    /// <summary>PLACEHOLDER: the given title or the lead cut short.</summary>
    public static (string Title, string Summary) Write(string? givenTitle, IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var lead = paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.Text)?.Text ?? string.Empty;
        var title = givenTitle ?? lead[..Math.Min(100, lead.Length)];
        return (title, lead[..Math.Min(320, lead.Length)]);
    }
}
