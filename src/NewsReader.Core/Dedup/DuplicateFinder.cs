using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Dedup;

/// <summary>
/// Flags articles that repeat an earlier article of the same file, exactly or nearly: resemblance
/// (Jaccard similarity of word 3-shingle sets) of at least <see cref="MinResemblance"/>, or one
/// copy held almost whole in the other (a paragraph or a sentence dropped: containment of at least
/// <see cref="MinContainment"/> with the shorter at least <see cref="MinSizeRatio"/> of the longer). Candidates
/// come from MinHash band lookup, so the cost grows with the file, not with the square of its
/// article count. The splitter only finds where stories start; the parser (<c>SeedParser</c>) asks
/// this for the repeats. See docs/adr/0002-in-file-duplicates.md.
/// </summary>
internal static class DuplicateFinder
{
    /// <summary>Share of distinct 3-word shingles two articles must have in common to be one story.</summary>
    public const double MinResemblance = 0.9;

    /// <summary>Share of the shorter copy's shingles the longer must hold when they are not alike enough as a whole.</summary>
    public const double MinContainment = 0.9;

    /// <summary>A copy this much shorter than the other is a fragment, not a re-published story.</summary>
    public const double MinSizeRatio = 0.5;

    private const int ShingleWords = 3;
    private const int Bins = 24;
    private const int RowsPerBand = 2;
    private const int MaxCandidatesPerBand = 4;

    // The signature only proposes candidates (each is then compared in full), so the opening words
    // of each paragraph are enough to propose a repeat.
    private const int SignatureWordsPerParagraph = 40;

    // A copy with a third of a short story dropped resembles it about 0.6, one with half dropped 0.5: with
    // 24 bins such a pair shows fewer than 30% equal bins with probability under 2%.
    private const double MinEstimate = 0.3;

    /// <summary>
    /// For each story of a file (its body), the index of the earlier story it repeats (the first
    /// copy's index, so every later copy points to the same one), or null.
    /// </summary>
    public static int?[] Find(IReadOnlyList<IReadOnlyList<Paragraph>> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var duplicateOf = new int?[stories.Count];
        // Sized for every story in every band (most bucket keys are distinct): growing by doubling
        // would leave about as much garbage as the table holds.
        var bands = new Dictionary<ulong, Band>(stories.Count * (Bins / RowsPerBand));
        var signatures = new ulong[stories.Count][];
        var checkedAlready = new HashSet<int>();
        for (var i = 0; i < stories.Count; i++)
        {
            var signature = Signature(stories[i]);
            signatures[i] = signature ?? [];
            if (signature is null)
            {
                continue;
            }

            duplicateOf[i] = EarlierCopy(i, signature, stories, signatures, duplicateOf, bands, checkedAlready);
            if (duplicateOf[i] is null)
            {
                AddToBands(i, signature, bands);
            }
        }

        return duplicateOf;
    }

    // The first earlier story that shares a band with story i and is the same story when compared in full.
    private static int? EarlierCopy(
        int i, ulong[] signature, IReadOnlyList<IReadOnlyList<Paragraph>> stories, ulong[][] signatures, int?[] duplicateOf,
        Dictionary<ulong, Band> bands, HashSet<int> checkedAlready)
    {
        checkedAlready.Clear();
        HashSet<ulong>? mine = null;
        for (var b = 0; b < Bins / RowsPerBand; b++)
        {
            if (!bands.TryGetValue(BandKey(signature, b), out var earlier))
            {
                continue;
            }

            for (var e = 0; e < earlier.Count; e++)
            {
                var j = earlier.Articles[e];
                // The signatures estimate the resemblance for free; only likely pairs pay for an exact count.
                if (!checkedAlready.Add(j) || EstimatedResemblance(signature, signatures[j]) < MinEstimate)
                {
                    continue;
                }

                mine ??= Shingles(stories[i]);
                if (SameStory(mine, Shingles(stories[j])))
                {
                    return duplicateOf[j] ?? j;
                }
            }
        }

        return null;
    }

    // Only first copies go into the bands: a later copy is found through the first.
    private static void AddToBands(int i, ulong[] signature, Dictionary<ulong, Band> bands)
    {
        for (var b = 0; b < Bins / RowsPerBand; b++)
        {
            ref var band = ref CollectionsMarshal.GetValueRefOrAddDefault(bands, BandKey(signature, b), out _);
            if (band.Count < MaxCandidatesPerBand)
            {
                band.Articles[band.Count++] = i;
            }
        }
    }

    /// <summary>Whether two articles' shingle sets are one story: alike as a whole, or one held almost whole in the other.</summary>
    public static bool SameStory(HashSet<ulong> a, HashSet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var common = Common(a, b);
        var smaller = Math.Min(a.Count, b.Count);
        var larger = Math.Max(a.Count, b.Count);
        return smaller > 0
            && ((double)common / (a.Count + b.Count - common) >= MinResemblance
                || ((double)common / smaller >= MinContainment && (double)smaller / larger >= MinSizeRatio));
    }

    /// <summary>Jaccard similarity of two shingle sets.</summary>
    public static double Resemblance(HashSet<ulong> a, HashSet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var common = Common(a, b);
        return (double)common / (a.Count + b.Count - common);
    }

    private static int Common(HashSet<ulong> a, HashSet<ulong> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = 0;
        foreach (var s in small)
        {
            if (large.Contains(s))
            {
                common++;
            }
        }

        return common;
    }

    /// <summary>Hashes of every run of three consecutive words (lower-cased, letters and digits only) in the body text.</summary>
    public static HashSet<ulong> Shingles(IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var set = new HashSet<ulong>();
        ForEachShingle(paragraphs, set.Add);
        return set;
    }

    private static double EstimatedResemblance(ulong[] a, ulong[] b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var k = 0; k < a.Length; k++)
        {
            equal += a[k] == b[k] ? 1 : 0;
        }

        return (double)equal / a.Length;
    }

    private static ulong[]? Signature(IReadOnlyList<Paragraph> paragraphs)
    {
        // One-permutation MinHash: each shingle lands in one bin; a bin keeps its smallest hash.
        var signature = new ulong[Bins];
        Array.Fill(signature, ulong.MaxValue);
        var any = false;
        ForEachShingle(paragraphs, h =>
        {
            var mixed = Mix(h);
            var bin = (int)(mixed % Bins);
            if (mixed < signature[bin])
            {
                signature[bin] = mixed;
            }

            any = true;
            return true;
        }, SignatureWordsPerParagraph);
        return any ? signature : null;
    }

    private static void ForEachShingle(IReadOnlyList<Paragraph> paragraphs, Func<ulong, bool> visit, int maxWordsPerParagraph = int.MaxValue)
    {
        Span<ulong> last = stackalloc ulong[ShingleWords];
        var seen = 0;
        foreach (var p in paragraphs)
        {
            if (p.Kind == ParagraphKind.Caption)
            {
                continue; // captions are often shared boilerplate ("Image Credits: Getty Images")
            }

            var scanner = new WordScanner(p.Text);
            var words = 0;
            while (scanner.MoveNext() && ++words <= maxWordsPerParagraph)
            {
                last[seen % ShingleWords] = WordHash(scanner.Current.In(p.Text));
                seen++;
                if (seen >= ShingleWords)
                {
                    var h = 14695981039346656037ul;
                    for (var k = seen - ShingleWords; k < seen; k++)
                    {
                        h = (h ^ last[k % ShingleWords]) * 1099511628211ul;
                    }

                    visit(h);
                }
            }
        }
    }

    private static ulong WordHash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037ul;
        foreach (var c in word)
        {
            if (WordScanner.IsWordChar(c))
            {
                h = (h ^ WordScanner.Lower(c)) * 1099511628211ul;
            }
        }

        return h;
    }

    private static ulong BandKey(ulong[] signature, int band)
    {
        var h = (ulong)band * 0x9E3779B97F4A7C15ul;
        for (var r = 0; r < RowsPerBand; r++)
        {
            h = Mix(h ^ signature[(band * RowsPerBand) + r]);
        }

        return h;
    }

    // SplitMix64 finaliser: spreads FNV hashes evenly over the bins.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }

    /// <summary>The first few articles that fell into one band bucket (a struct: no list per bucket).</summary>
    private struct Band
    {
        public FirstArticles Articles;
        public int Count;
    }

    [InlineArray(MaxCandidatesPerBand)]
    private struct FirstArticles
    {
        private int _first;
    }
}
