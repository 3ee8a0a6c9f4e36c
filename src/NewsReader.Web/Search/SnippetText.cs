namespace NewsReader.Web.Search;

/// <summary>One run of snippet text, highlighted or not.</summary>
public readonly record struct SnippetPart(string Text, bool Highlighted);

/// <summary>
/// Splits a search snippet on its highlight markers so the page can render the matches as elements
/// around plain text: the snippet is story text, so it is never handed to the browser as HTML.
/// </summary>
public static class SnippetText
{
    /// <summary>Marks the start of a match (a control character that normalised story text never contains).</summary>
    public const char Open = '\u0002';

    /// <summary>Marks the end of a match.</summary>
    public const char Close = '\u0003';

    /// <summary>Splits <paramref name="snippet"/>; unbalanced markers are tolerated and dropped.</summary>
    public static IReadOnlyList<SnippetPart> Split(string? snippet, char open = Open, char close = Close)
    {
        var parts = new List<SnippetPart>();
        if (string.IsNullOrEmpty(snippet))
        {
            return parts;
        }

        var start = 0;
        var highlighted = false;
        for (var i = 0; i <= snippet.Length; i++)
        {
            var end = i == snippet.Length;
            var c = end ? '\0' : snippet[i];
            if (!end && c != open && c != close)
            {
                continue;
            }

            if (i > start)
            {
                parts.Add(new SnippetPart(snippet[start..i], highlighted));
            }

            if (!end)
            {
                highlighted = c == open;
            }

            start = i + 1;
        }

        return parts;
    }
}
