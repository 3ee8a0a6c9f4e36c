namespace NewsReader.Core.Splitting;

/// <summary>
/// The vocabulary of one paragraph: its content words (lower-cased, possessive and plural -s removed,
/// function words dropped) as small term numbers, and, separately, the distinct names it mentions.
/// A bag is a reusable buffer: the splitter refills a handful of them as it walks the file, so a
/// 50 MB file costs no per-paragraph arrays.
/// </summary>
internal sealed class TermBag
{
    /// <summary>The bag of a caption or of a paragraph outside the file: no terms.</summary>
    public static readonly TermBag Empty = new();

    private const int MaxWord = 64;

    // The opening of a paragraph carries its topic; reading further costs time and changes little.
    private const int MaxWords = 80;

    private readonly int[] _terms = new int[MaxWords * 2];
    private readonly int[] _names = new int[MaxWords];

    /// <summary>Term numbers (from the <see cref="HashTable"/> given to <see cref="Fill"/>), in text order, repeated as often as they occur; names count twice.</summary>
    public ReadOnlySpan<int> Terms => _terms.AsSpan(0, TermCount);

    public int TermCount { get; private set; }

    /// <summary>Distinct hashes (<see cref="WordScanner.TermHash"/>) of name-like words (capitalised mid-sentence, or shaped like VSPN).</summary>
    public ReadOnlySpan<int> Names => _names.AsSpan(0, NameCount);

    public int NameCount { get; private set; }

    /// <summary>Sum of squared term counts: the squared length of the bag as a vector.</summary>
    public long SquaredNorm { get; private set; }

    /// <summary>A new bag holding the vocabulary of <paramref name="text"/>.</summary>
    public static TermBag Of(string text, SplitterLexicon lexicon, HashTable numbers)
    {
        var bag = new TermBag();
        var counts = new int[numbers.Count + (MaxWords * 2) + 1];
        bag.Fill(text, lexicon, numbers, ref counts);
        return bag;
    }

    /// <summary>
    /// Replaces the bag's contents with the vocabulary of <paramref name="text"/>. Each term's hash is
    /// numbered by <paramref name="numbers"/>; <paramref name="counts"/> is zeroed scratch space indexed
    /// by term number (grown when too small) and is zero again on return.
    /// </summary>
    public void Fill(string text, SplitterLexicon lexicon, HashTable numbers, ref int[] counts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(numbers);
        TermCount = 0;
        NameCount = 0;
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

            var flags = (WordFlags)lexicon.WordHashes.Get((int)h);
            if ((flags & WordFlags.Function) != 0)
            {
                continue;
            }

            var name = (flags & WordFlags.Calendar) == 0 && WordScanner.IsNameLike(w, scanner.Current.SentenceInitial);
            var term = numbers.GetOrNumber(!name && w.Length > 4 && w[^1] == 's' && w[^2] != 's' ? (int)prefix : (int)h);
            _terms[TermCount++] = term;
            if (name)
            {
                _terms[TermCount++] = term; // names weigh double: they carry the topic more than common words
                AddName((int)h);
            }
        }

        if (counts.Length <= numbers.Count)
        {
            counts = new int[Math.Max(numbers.Count + 1, counts.Length * 2)];
        }

        long norm = 0;
        foreach (var t in Terms)
        {
            norm += (2 * counts[t]) + 1; // (c + 1)² - c²
            counts[t]++;
        }

        foreach (var t in Terms)
        {
            counts[t] = 0;
        }

        SquaredNorm = norm;
    }

    /// <summary>Cosine similarity of two bags' term counts; <paramref name="counts"/> is zeroed scratch space as in <see cref="Fill"/>.</summary>
    public static double Cosine(TermBag a, TermBag b, int[] counts)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(counts);
        if (a.TermCount == 0 || b.TermCount == 0)
        {
            return 0;
        }

        a.AddTo(counts, +1);
        var dot = b.DotWith(counts);
        a.AddTo(counts, -1);
        return CosineOf(dot, a.SquaredNorm, b.SquaredNorm);
    }

    /// <summary>Cosine from a dot product and two squared norms (0 when they share nothing).</summary>
    public static double CosineOf(long dot, long normA, long normB) => dot == 0 ? 0 : dot / Math.Sqrt((double)normA * normB);

    /// <summary>Adds (or with -1 removes) this bag's term counts to a count vector.</summary>
    public void AddTo(int[] counts, int sign)
    {
        foreach (var t in Terms)
        {
            counts[t] += sign;
        }
    }

    /// <summary>Dot product of this bag's term counts with a count vector.</summary>
    public long DotWith(int[] counts)
    {
        long dot = 0;
        foreach (var t in Terms)
        {
            dot += counts[t];
        }

        return dot;
    }

    private void AddName(int hash)
    {
        foreach (var n in Names)
        {
            if (n == hash)
            {
                return;
            }
        }

        _names[NameCount++] = hash;
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
