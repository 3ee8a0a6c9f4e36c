namespace NewsReader.Core.Splitting;

/// <summary>
/// The vocabulary of one paragraph as hashed terms: content words (lower-cased, possessive and
/// plural -s removed, function words dropped) and, separately, the distinct names it mentions.
/// </summary>
internal sealed class TermBag
{
    public static readonly TermBag Empty = new([], []);

    private const int MaxWord = 64;

    // The opening of a paragraph carries its topic; reading further costs time and changes little.
    private const int MaxWords = 80;

    // Scratch buffers reused across paragraphs: one bag per paragraph would otherwise allocate twice.
    [ThreadStatic]
    private static List<int>? t_content;

    [ThreadStatic]
    private static HashSet<int>? t_names;

    private TermBag(int[] content, int[] names)
    {
        Content = content;
        Names = names;
        SquaredNorm = BoundaryScorer.SquaredNorm(content);
    }

    /// <summary>Sum of squared term counts: the squared length of the bag as a vector.</summary>
    public long SquaredNorm { get; }

    /// <summary>Content-word hashes in ascending order, repeated as often as they occur; names count twice.</summary>
    public int[] Content { get; }

    /// <summary>Distinct hashes of name-like words (capitalised mid-sentence, or shaped like VSPN).</summary>
    public int[] Names { get; }

    public static TermBag Of(string text, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        var content = t_content ??= new List<int>(128);
        var names = t_names ??= new HashSet<int>();
        content.Clear();
        names.Clear();
        var scanner = new WordScanner(text);
        var words = 0;
        while (scanner.MoveNext() && ++words <= MaxWords)
        {
            var w = WordScanner.StripPossessive(scanner.Current.In(text));
            if (w.Length < 3 || w.Length > MaxWord || IsNumber(w))
            {
                continue;
            }

            // One pass gives the hash of the word and of the word without its last letter (plural -s).
            uint h = 2166136261u, prefix = h;
            foreach (var c in w)
            {
                prefix = h;
                h = (h ^ WordScanner.Lower(c)) * 16777619u;
            }

            if (lexicon.FunctionHashes.Contains((int)h))
            {
                continue;
            }

            var name = WordScanner.IsNameLike(w, scanner.Current.SentenceInitial) && !lexicon.CalendarHashes.Contains((int)h);
            var term = !name && w.Length > 4 && w[^1] == 's' && w[^2] != 's' ? (int)prefix : (int)h;
            content.Add(term);
            if (name)
            {
                content.Add(term); // names weigh double: they carry the topic more than common words
                names.Add(term);
            }
        }

        int[] sorted = [.. content];
        Array.Sort(sorted); // sorted, so two bags compare by a merge without allocating
        return new TermBag(sorted, [.. names]);
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
