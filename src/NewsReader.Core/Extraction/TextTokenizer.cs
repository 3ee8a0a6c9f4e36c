namespace NewsReader.Core.Extraction;

/// <summary>Splits text into words in one pass, keeping what names depend on: capitals, possessives,
/// dotted abbreviations (U.S.), and which words start a sentence.</summary>
internal static class TextTokenizer
{
    // Words that end with a full stop without ending the sentence ("Inc. said", "Mr. Ross").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "co", "corp", "ltd", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "gov", "sen", "rep",
        "prof", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mt", "ave", "gen", "lt", "col", "capt", "approx", "est", "dept", "fig", "e.g", "i.e", "etc",
    };

    private static readonly System.Buffers.SearchValues<char> Typographic =
        System.Buffers.SearchValues.Create("\u2018\u2019\u201a\u201b\u02bc\u201c\u201d\u201e\u2013\u2014\u00a0");

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?:");

    // Most words of a file are words seen before: reusing their strings (and their lower-case form,
    // its hash and the shape, which depend on the word alone) saves two allocations per word. The
    // cache is direct-mapped (a word's hash fixes its slot; a new word takes the slot over), so a
    // look-up reads one slot of a table small enough to stay in the processor's cache, and a
    // long-lived thread keeps 32 KB. 1,024 slots hit about 60 % of the words of the seed and of a
    // generated 10 MB file; 4,096 hit more but measured no faster. The dictionary of the first
    // 50,000 words seen that this replaced was slower than no pool at all on the generated file:
    // most of its look-ups missed the processor's cache.
    private const int CacheBits = 10;

    [ThreadStatic]
    private static PooledWord[]? t_words;

    private readonly record struct PooledWord(string Word, int Hash, string Lower, int LowerHash, TokenFlags Shape);

    // One-character gaps ("," "." "-") are most gaps: one shared string each.
    private static readonly string[] AsciiGaps = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>Appends the words of <paramref name="raw"/> to <paramref name="into"/>.</summary>
    public static void Tokenize(string raw, int paragraph, List<TextToken> into)
    {
        var normalised = Normalise(raw, out var rented);
        try
        {
            Tokenize(normalised, paragraph, into);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Long because: one pass over the characters, the extractor's hottest loop; the word's end, its
    // flags and the sentence state are decided together, and split up they would travel through ref
    // parameters on every word.
    private static void Tokenize(ReadOnlySpan<char> text, int paragraph, List<TextToken> into)
    {
        var i = 0;
        var n = text.Length;
        var sentenceStart = true;
        var gapStart = 0;
        while (i < n)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            var possessive = false;
            i++;
            while (i < n)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    i++;
                    continue;
                }

                var next = i + 1 < n ? text[i + 1] : '\0';
                if (c == '\'' )
                {
                    if ((next == 's' || next == 'S') && (i + 2 >= n || !char.IsLetterOrDigit(text[i + 2])))
                    {
                        possessive = true;
                        break;
                    }

                    if (char.IsLetter(next))
                    {
                        i++;
                        continue;
                    }

                    if (text[i - 1] is 's' or 'S')
                    {
                        possessive = true; // Canalys' charts
                    }

                    break;
                }

                if (c == '.' && char.IsLetter(next))
                {
                    // "U.S.will": a dotted abbreviation glued to the next word by a missing space.
                    if (IsDottedInitials(text, start, i) && char.IsLower(next))
                    {
                        break;
                    }

                    i++;
                    continue;
                }

                if (c == '&' && char.IsLetterOrDigit(next) && char.IsUpper(text[start]))
                {
                    i++;
                    continue;
                }

                if (c == '-' && char.IsLetterOrDigit(next))
                {
                    // Keep "e-commerce" and "Coca-Cola" whole, split "France-based" so the name stands alone.
                    if (char.IsUpper(next) || char.IsDigit(next) || !char.IsUpper(text[start]))
                    {
                        i++;
                        continue;
                    }
                }

                break;
            }

            var end = i;
            if (i < n && text[i] == '.' && IsDottedInitials(text, start, i))
            {
                end = ++i; // U.S. keeps its final dot
            }

            var (word, _, lower, hash, flags) = Word(text[start..end]);
            var gap = GapText(text, gapStart, start);
            if (sentenceStart || StartsSentence(gap))
            {
                flags |= TokenFlags.SentenceStart;
            }

            if ((gap.Length == 0 || gap == "&") && into.Count > 0 && into[^1].Paragraph == paragraph)
            {
                flags |= TokenFlags.TightBefore;
            }
            else if (gap == "-")
            {
                flags |= TokenFlags.HyphenBefore;
            }

            if (possessive)
            {
                flags |= TokenFlags.Possessive;
                i += text[i + 1] is 's' or 'S' ? 2 : 1;
            }

            into.Add(new TextToken(word, lower, hash, flags, gap, paragraph));
            gapStart = i;
            sentenceStart = false;

            // A full stop after a known abbreviation or an initial does not end the sentence;
            // after "U.S." it may, so the next capitalised word counts as a possible sentence start.
            if (i < n && text[i] == '.' && (Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]))))
            {
                i++;
                gapStart = i;
            }
            else if (word.EndsWith('.'))
            {
                sentenceStart = true;
            }
        }
    }

    /// <summary>The word's pooled string, its lower-case form and that form's hash, and its shape flags.</summary>
    private static PooledWord Word(ReadOnlySpan<char> span)
    {
        var cache = t_words ??= new PooledWord[1 << CacheBits];
        var hash = WordHash.Of(span);
        ref var slot = ref cache[WordHash.Slot(hash, CacheBits)];
        if (slot.Hash == hash && slot.Word is not null && span.SequenceEqual(slot.Word))
        {
            return slot;
        }

        var word = span.ToString();
        var flags = Shape(word, out var hasUpper);
        var lower = (flags & (TokenFlags.Capitalised | TokenFlags.AllCaps)) == 0 && !hasUpper ? word : word.ToLowerInvariant();
        slot = new PooledWord(word, hash, lower, ReferenceEquals(lower, word) ? hash : WordHash.Of(lower), flags);
        return slot;
    }

    /// <summary>The text with typographic quotes, dashes and no-break spaces made plain, in a rented buffer when any changed.</summary>
    private static ReadOnlySpan<char> Normalise(string s, out char[]? rented)
    {
        rented = null;

        // All the typographic characters are above U+009F: most paragraphs of plain text are
        // cleared by one vectorised scan, before the slower search for the characters themselves.
        var firstHigh = s.AsSpan().IndexOfAnyExceptInRange('\0', '\u009f');
        if (firstHigh < 0 || s.AsSpan(firstHigh).IndexOfAny(Typographic) < 0)
        {
            return s;
        }

        rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length);
        var span = rented.AsSpan(0, s.Length);
        s.AsSpan().CopyTo(span);

        // Only characters above U+009F can change; jump from one to the next.
        for (var k = firstHigh; k >= 0;)
        {
            span[k] = Plain(span[k]);
            var next = span[(k + 1)..].IndexOfAnyExceptInRange('\0', '\u009f');
            k = next < 0 ? -1 : k + 1 + next;
        }

        return span;
    }

    private static char Plain(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201a' or '\u201b' or '\u02bc' => '\'',
        '\u201c' or '\u201d' or '\u201e' => '"',
        '\u2013' or '\u2014' => '-',
        '\u00a0' => ' ',
        _ => c,
    };

    private static string GapText(ReadOnlySpan<char> text, int from, int to)
    {
        // Most gaps are one space, or nothing at all (the first word of a paragraph).
        if (to - from <= 1 && (to == from || text[from] == ' '))
        {
            return string.Empty;
        }

        var span = text.Slice(from, to - from).Trim();
        return span.Length switch
        {
            0 => string.Empty,
            1 when span[0] < AsciiGaps.Length => AsciiGaps[span[0]],
            _ => RemoveSpaces(span),
        };
    }

    private static string RemoveSpaces(ReadOnlySpan<char> span)
    {
        Span<char> buffer = stackalloc char[Math.Min(span.Length, 64)];
        var k = 0;
        foreach (var ch in span)
        {
            if (!char.IsWhiteSpace(ch) && k < buffer.Length)
            {
                buffer[k++] = ch;
            }
        }

        return new string(buffer[..k]);
    }

    private static bool StartsSentence(string gap)
    {
        if (gap.Length == 0)
        {
            return false;
        }

        // Sentence ends, a colon before speech ("Segars: I think"), or an opening double quote.
        return gap.AsSpan().IndexOfAny(SentenceEnds) >= 0 || gap[^1] == '"' || gap[^1] == '\u2022';
    }

    private static bool IsDottedInitials(ReadOnlySpan<char> text, int start, int dot)
    {
        // Single letters separated by dots, e.g. "U.S" or "U.K" or "U.S.A".
        var len = dot - start;
        if (len < 3 || len % 2 == 0)
        {
            return false;
        }

        for (var k = start; k < dot; k++)
        {
            var isLetterSlot = (k - start) % 2 == 0;
            if (isLetterSlot ? !char.IsUpper(text[k]) : text[k] != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <param name="hasUpper">Whether any letter is upper-case (char.IsUpper holds only for letters).</param>
    private static TokenFlags Shape(string word, out bool hasUpper)
    {
        var flags = TokenFlags.None;
        var first = word[0];
        var letters = 0;
        var uppers = 0;
        foreach (var ch in word)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                if (char.IsUpper(ch))
                {
                    uppers++;
                }
            }
        }

        if (char.IsUpper(first) || (char.IsDigit(first) && letters > 0 && uppers > 0) || (char.IsLower(first) && uppers > 0 && word.Length > 2 && char.IsUpper(word[1])))
        {
            flags |= TokenFlags.Capitalised;
        }

        if (letters >= 2 && uppers == letters)
        {
            flags |= TokenFlags.AllCaps;
        }

        hasUpper = uppers > 0;
        return flags;
    }
}
