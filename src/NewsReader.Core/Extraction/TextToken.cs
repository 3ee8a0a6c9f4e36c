namespace NewsReader.Core.Extraction;

/// <summary>Facts about a word that the extractors ask about again and again.</summary>
[Flags]
internal enum TokenFlags
{
    None = 0,

    /// <summary>Starts with an upper-case letter, or a digit followed by letters (36Kr), or has an inner capital (eBay).</summary>
    Capitalised = 1,

    /// <summary>Two or more letters, all upper-case (VSPN, US).</summary>
    AllCaps = 2,

    /// <summary>Starts a sentence (or a quotation, or follows an abbreviation that may end one).</summary>
    SentenceStart = 4,

    /// <summary>Was followed by <c>'s</c> or a bare <c>'</c>, which is not part of the text.</summary>
    Possessive = 8,

    /// <summary>Between the previous word and this one there is only white space.</summary>
    TightBefore = 16,

    /// <summary>Between the previous word and this one there is a hyphen only (France-based).</summary>
    HyphenBefore = 32,
}

/// <summary>One word of a paragraph: where it is and what it looks like.</summary>
/// <param name="Text">The word without a possessive ending.</param>
/// <param name="Lower">The word in lower case, for dictionary look-ups.</param>
/// <param name="Hash">The <see cref="WordHash"/> of <paramref name="Lower"/>, computed once for all the tables it is looked up in.</param>
/// <param name="Gap">The punctuation between the previous word and this one (white space removed); empty if none.</param>
internal readonly record struct TextToken(string Text, string Lower, int Hash, TokenFlags Flags, string Gap, int Paragraph)
{
    public bool Is(TokenFlags flag) => (Flags & flag) != 0;

    public bool IsCapitalised => (Flags & TokenFlags.Capitalised) != 0;

    /// <summary>True when a name can run on from the previous word into this one.</summary>
    public bool Joins => (Flags & TokenFlags.TightBefore) != 0;
}

/// <summary>Helpers over a story's list of words.</summary>
internal static class TextTokens
{
    /// <summary>The words from <paramref name="start"/> up to <paramref name="end"/> joined by single
    /// spaces, as written or in lower case: the same string as <c>string.Join(' ', …)</c> over them,
    /// built without an enumerator per call (names are keyed this way for every run of capitals).</summary>
    public static string Join(List<TextToken> tokens, int start, int end, bool lower)
    {
        end = Math.Min(end, tokens.Count);
        if (end - start <= 1)
        {
            return end - start == 1 ? (lower ? tokens[start].Lower : tokens[start].Text) : string.Empty;
        }

        var length = end - start - 1;
        for (var k = start; k < end; k++)
        {
            length += (lower ? tokens[k].Lower : tokens[k].Text).Length;
        }

        return string.Create(length, (tokens, start, end, lower), static (chars, state) =>
        {
            var (list, from, to, low) = state;
            var at = 0;
            for (var k = from; k < to; k++)
            {
                if (k > from)
                {
                    chars[at++] = ' ';
                }

                var word = low ? list[k].Lower : list[k].Text;
                word.CopyTo(chars[at..]);
                at += word.Length;
            }
        });
    }
}
