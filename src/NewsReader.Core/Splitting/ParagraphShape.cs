namespace NewsReader.Core.Splitting;

/// <summary>
/// Reads the outward shape of one paragraph (length, final punctuation, opening quote, speaker label,
/// caption markers): the cues an editor uses before reading a word of the content.
/// </summary>
internal static class ParagraphShape
{
    /// <summary>Longest line still read as a subheading, byline or caption label.</summary>
    public const int ShortLineChars = 90;

    private const int ShortLineWords = 14;

    /// <summary>Longest paragraph that can be a photo caption (wire captions run to about 300 characters).</summary>
    private const int MaxCaptionChars = 400;

    /// <summary>True for photo captions and credit lines, recognised by their markers.</summary>
    public static bool IsCaption(string text, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var prefix in lexicon.CaptionPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (text.Length > MaxCaptionChars)
        {
            return false; // a long paragraph is body text, whatever it mentions
        }

        foreach (var marker in lexicon.CaptionContains)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A short line that does not end a sentence: a section subheading ("A shifting dynamic") or,
    /// at the top of a file, a byline. A final abbreviation ("in the U.S.") does not count as an ending.
    /// </summary>
    public static bool IsShortUnpunctuated(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > ShortLineChars || !(char.IsUpper(text[0]) || char.IsDigit(text[0])))
        {
            return false;
        }

        var words = 1;
        foreach (var c in text)
        {
            if (c == ' ' && ++words > ShortLineWords)
            {
                return false;
            }
        }

        var last = LastSignificant(text, out var index);
        if (last is '!' or '?' or ':' or ';' or ',' or '…')
        {
            return false;
        }

        if (last == '.')
        {
            // "U.S." ends a subheading without ending a sentence: the last word has an inner dot.
            var wordStart = text.LastIndexOf(' ', index) + 1;
            return text.AsSpan(wordStart, index - wordStart).Contains('.');
        }

        // No sentence-final punctuation inside either: "Dino Ying, VSPN CEO" yes, "It works. Really" no.
        return !text.Contains(". ", StringComparison.Ordinal);
    }

    /// <summary>An interview question: the paragraph ends with a question mark.</summary>
    public static bool IsQuestion(string text) => LastSignificant(text, out _) == '?';

    /// <summary>Opens with a quotation mark: a quote paragraph continues a story, it does not start one.</summary>
    public static bool StartsWithQuote(string text) =>
        text.Length > 0 && text[0] is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB' or '\u201E';

    /// <summary>Interview transcript line: "TechCrunch: ...", "Simon Segars: ...", "Q: ...".</summary>
    public static bool HasSpeakerLabel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 40 || colon + 1 >= text.Length || text[colon + 1] != ' ')
        {
            return false;
        }

        var label = text.AsSpan(0, colon);
        var words = 0;
        foreach (var range in label.Split(' '))
        {
            var w = label[range];
            if (w.Length == 0 || !char.IsUpper(w[0]) || ++words > 4)
            {
                return false;
            }

            foreach (var c in w)
            {
                if (!(char.IsLetterOrDigit(c) || c is '.' or '-' or '\'' or '\u2019' or '&'))
                {
                    return false;
                }
            }
        }

        return words > 0;
    }

    /// <summary>
    /// True when both texts have letters or digits and the same ones, compared lower-cased: the two
    /// differ only in dashes, quotes, spaces or case (a caption printed twice with an en dash once
    /// and a hyphen once). Walks both texts at once and stops at the first difference, with no key
    /// built: it is asked for every paragraph, and most differ in their first letters.
    /// </summary>
    public static bool LooselyEqual(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = 0, j = 0;
        var any = false;
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i]))
            {
                i++;
            }

            while (j < b.Length && !char.IsLetterOrDigit(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return any && i == a.Length && j == b.Length;
            }

            if (a[i] != b[j] && char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
            {
                return false;
            }

            any = true;
            i++;
            j++;
        }
    }

    /// <summary>64-bit hash of the letters and digits, lower-cased: equal for texts that are <see cref="LooselyEqual"/>.</summary>
    public static ulong LooseHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var h = 14695981039346656037ul;
        var ascii = WordScanner.AsciiLowerAlnum;
        foreach (var c in text)
        {
            if (c < 128)
            {
                // Every character is hashed and the result kept only for letters and digits: a
                // conditional move instead of a branch that mispredicts at every space.
                var lower = ascii[c];
                var next = (h ^ lower) * 1099511628211ul;
                h = lower != 0 ? next : h;
            }
            else if (char.IsLetterOrDigit(c))
            {
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211ul;
            }
        }

        return h;
    }

    // The last character that is not a closing quote or bracket: what really ends the line.
    private static char LastSignificant(string text, out int index)
    {
        for (index = text.Length - 1; index >= 0; index--)
        {
            var c = text[index];
            if (c is not ('"' or '\u201D' or '\u2019' or '\'' or ')' or ']' or '\u00BB' or ' '))
            {
                return c;
            }
        }

        return '\0';
    }
}
