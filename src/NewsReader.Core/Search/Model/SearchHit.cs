namespace NewsReader.Core.Search.Model;

/// <summary>A piece of a snippet; <see cref="Marked"/> pieces are the matched terms.</summary>
public sealed record SnippetPart(string Text, bool Marked);

/// <summary>One found story.</summary>
/// <param name="Snippet">A short extract around the matches (empty without text); render the parts as text.</param>
/// <param name="Rank">bm25 score (lower is better), or null without text.</param>
/// <param name="BodyLength">Characters of the story's text, for a card's reading time.</param>
public sealed record SearchHit(long Id, string Slug, string Title, string Summary, DateTime CreatedAt, IReadOnlyList<SnippetPart> Snippet, double? Rank, int BodyLength)
{
    /// <summary>The snippet as one string with the matched terms between <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string SnippetText(string open = "**", string close = "**") =>
        string.Concat(Snippet.Select(p => p.Marked ? open + p.Text + close : p.Text));
}
