using System.Text;

namespace NewsReader.Core.Reading;

/// <summary>Line normalisation shared by the reader and anything that compares text.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFC; runs of spaces, tabs and other white space collapsed to one space; control characters
    /// dropped; trimmed. Typographic quotes and dashes are kept as they are.
    /// </summary>
    public static string NormalizeLine(StringBuilder raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var sb = new StringBuilder(raw.Length);
        var space = false;
        var ascii = true;
        foreach (var chunk in raw.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (char.IsControl(c) || c == '\uFEFF')
                {
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                ascii &= c < 0x80;
                sb.Append(c);
            }
        }

        var line = sb.ToString();
        return ascii || line.IsNormalized(NormalizationForm.FormC) ? line : line.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Normalises one line given as a string.</summary>
    public static string NormalizeLine(string raw) => NormalizeLine(new StringBuilder(raw));
}
