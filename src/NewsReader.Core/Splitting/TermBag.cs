namespace NewsReader.Core.Splitting;

/// <summary>
/// The vocabulary of one paragraph as hashed terms: content words (lower-cased, possessive and
/// plural -s removed, function words dropped) and, separately, the distinct names it mentions.
/// </summary>
internal sealed class TermBag
{
    public static readonly TermBag Empty = new([], []);

    private TermBag(int[] content, int[] names)
    {
        Content = content;
        Names = names;
    }

    /// <summary>Content-word hashes, repeated as often as they occur; names are included here too.</summary>
    public int[] Content { get; }

    /// <summary>Distinct hashes of name-like words (capitalised mid-sentence, or shaped like VSPN).</summary>
    public int[] Names { get; }

    public static TermBag Of(string text, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        var content = new List<int>(64);
        var names = new HashSet<int>();
        var scanner = new WordScanner(text);
        while (scanner.MoveNext())
        {
            var w = WordScanner.StripPossessive(scanner.Current.In(text));
            if (w.Length < 3 || lexicon.Stopwords.Contains(w) || lexicon.DanglingOpeners.Contains(w) || IsNumber(w))
            {
                continue;
            }

            var name = LeadSignals.IsName(w, scanner.Current.SentenceInitial, lexicon);
            if (!name && w.Length > 4 && w[^1] == 's' && w[^2] != 's')
            {
                w = w[..^1];
            }

            var h = WordScanner.TermHash(w);
            content.Add(h);
            if (name)
            {
                content.Add(h); // names weigh double: they carry the topic more than common words
                names.Add(h);
            }
        }

        return new TermBag([.. content], [.. names]);
    }

    private static bool IsNumber(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
