using System.Text;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Store;

/// <summary>
/// Snippet markers every engine puts around a match: control characters no stored text contains (the
/// reader drops them), so the parts can be split apart safely and rendered as text.
/// </summary>
internal static class Snippets
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    /// <summary>A marked snippet as parts; marked parts are the matches.</summary>
    public static List<SnippetPart> Split(string snippet)
    {
        var parts = new List<SnippetPart>();
        var sb = new StringBuilder();
        var marked = false;
        foreach (var c in snippet)
        {
            if (c is Open or Close)
            {
                if (sb.Length > 0)
                {
                    parts.Add(new SnippetPart(sb.ToString(), marked));
                    sb.Clear();
                }

                marked = c == Open;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (sb.Length > 0)
        {
            parts.Add(new SnippetPart(sb.ToString(), marked));
        }

        return parts;
    }
}
