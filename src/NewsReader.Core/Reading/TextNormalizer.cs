using System.Text;

namespace NewsReader.Core.Reading;

/// <summary>Line normalisation shared by the reader and anything that compares text.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFC; runs of spaces, tabs and other white space collapsed to one space; control characters
    /// dropped; trimmed. Typographic quotes and dashes are kept as they are.
    /// </summary>
    public static string NormalizeLine(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var buffer = raw.ToCharArray();
        return NormalizeLine(buffer.AsSpan());
    }

    /// <summary>Normalises a line held in <paramref name="line"/>, which it overwrites as scratch space.</summary>
    public static string NormalizeLine(Span<char> line)
    {
        var length = CollapseInPlace(line, out var mayNeedNfc);
        if (length == 0)
        {
            return string.Empty;
        }

        var text = new string(line[..length]);
        return mayNeedNfc && !text.IsNormalized(NormalizationForm.FormC) ? text.Normalize(NormalizationForm.FormC) : text;
    }

    /// <summary>
    /// True when <see cref="NormalizeLine(Span{char})"/> would return the line unchanged: no white space
    /// but single inner spaces, no control character, and only characters NFC never changes. Checked
    /// with vectorised searches, so the common clean line of news text costs a fraction of the
    /// character-by-character collapse.
    /// </summary>
    public static bool IsNormalized(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        if (line[0] == ' ' || line[^1] == ' ' || line.IndexOf("  ") >= 0)
        {
            return false;
        }

        // Printable ASCII is fine; look only at what lies outside it (typographic quotes, accents).
        var rest = line;
        while (true)
        {
            var i = rest.IndexOfAnyExceptInRange(' ', '~');
            if (i < 0)
            {
                return true;
            }

            var c = rest[i];
            if (!IsNfcStable(c) || char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF')
            {
                return false;
            }

            rest = rest[(i + 1)..];
        }
    }

    /// <summary>
    /// Collapses white space and drops control characters in place; returns the new length.
    /// <paramref name="mayNeedNfc"/> is false when every character is one that NFC never changes,
    /// which saves the (slow) normalisation check for nearly all news text.
    /// </summary>
    private static int CollapseInPlace(Span<char> line, out bool mayNeedNfc)
    {
        mayNeedNfc = false;
        var write = 0;
        var space = false;
        foreach (var c in line)
        {
            if (c <= ' ' || c >= '\u007f')
            {
                if (char.IsWhiteSpace(c))
                {
                    space = write > 0;
                    continue;
                }

                if (char.IsControl(c) || c == '\uFEFF')
                {
                    continue;
                }

                mayNeedNfc |= !IsNfcStable(c);
            }

            if (space)
            {
                line[write++] = ' ';
                space = false;
            }

            line[write++] = c;
        }

        return write;
    }

    // Characters whose NFC quick-check is Yes and that never combine with a preceding character:
    // Latin-1 and Latin Extended (below the combining diacritics at U+0300), general punctuation
    // (quotes, dashes, ellipsis), currency signs, and the CJK ideographs. Anything else is checked.
    private static bool IsNfcStable(char c) =>
        c < '\u0300' || c is >= '\u2010' and <= '\u206F' || c is >= '\u20A0' and <= '\u20CF' || c is >= '\u4E00' and <= '\u9FFF';
}
