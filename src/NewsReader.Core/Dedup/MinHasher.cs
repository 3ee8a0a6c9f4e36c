using System.Buffers;
using System.Runtime.Intrinsics;

namespace NewsReader.Core.Dedup;

/// <summary>
/// Near-duplicate detection: word 3-shingles, a MinHash signature of <see cref="Bands"/> x
/// <see cref="RowsPerBand"/> hashes, and LSH band keys. Two stories whose shingle sets have Jaccard
/// resemblance s share a band key with probability 1 - (1 - s^4)^10: 0.995 at s = 0.8, 0.48 at
/// s = 0.5, 0.001 at s = 0.2. Candidates are then checked exactly against <see cref="Threshold"/>.
/// The hashes are fixed (FNV-1a and SplitMix64, never <see cref="HashCode"/>) because band keys are
/// stored: changing anything here needs a migration that recomputes ArticleBands.
/// </summary>
public static class MinHasher
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 3;

    /// <summary>Number of LSH bands (rows in ArticleBands per story).</summary>
    public const int Bands = 10;

    /// <summary>MinHash values per band.</summary>
    public const int RowsPerBand = 4;

    /// <summary>Exact Jaccard resemblance of shingle sets at or above which two texts are one story.</summary>
    public const double Threshold = 0.8;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The set of shingle hashes of a text (normalised as for fingerprints; only letters and digits count).</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ShinglesOfNormalized(TextFingerprint.Normalize(text));
    }

    /// <summary>The shingles of text already passed through <see cref="TextFingerprint.Normalize"/>.</summary>
    public static HashSet<ulong> ShinglesOfNormalized(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var words = ArrayPool<ulong>.Shared.Rent(MaxWords(normalized));
        try
        {
            var count = ShingleHashes(normalized, words);
            var set = new HashSet<ulong>(count);
            foreach (var shingle in words.AsSpan(0, count))
            {
                set.Add(shingle);
            }

            return set;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(words);
        }
    }

    /// <summary>The band keys of a shingle set, one per band; empty for an empty set.</summary>
    public static long[] BandKeys(IReadOnlySet<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        if (shingles.Count == 0)
        {
            return [];
        }

        var mixed = ArrayPool<ulong>.Shared.Rent(shingles.Count);
        try
        {
            var n = 0;
            foreach (var s in shingles)
            {
                mixed[n++] = Mix(s);
            }

            return KeysOfMixed(mixed.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(mixed);
        }
    }

    /// <summary>
    /// The same keys as <c>BandKeys(ShinglesOfNormalized(normalized))</c> without building the set:
    /// a minimum does not care about repeats, and an import needs the set only for the rare story
    /// with near-duplicate candidates (measured: the set was most of the key cost).
    /// </summary>
    public static long[] BandKeysOfNormalized(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var words = ArrayPool<ulong>.Shared.Rent(MaxWords(normalized));
        try
        {
            var count = ShingleHashes(normalized, words);
            var mixed = words.AsSpan(0, count);
            for (var i = 0; i < mixed.Length; i++)
            {
                mixed[i] = Mix(mixed[i]);
            }

            return count == 0 ? [] : KeysOfMixed(mixed);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(words);
        }
    }

    // Each shingle's well-mixed hash goes through a cheap permutation per signature row: x -> a*x + b
    // (mod 2^64, a odd) is a bijection, and the multiply spreads the mixed bits to the top; a row
    // keeps the smallest value. Rows are walked in the outer loop, four at a time in 256-bit vectors
    // where the CPU has them (every x64 CPU with AVX2), so a row's multiplier, increment and running
    // minimum stay in registers over all shingles. Same values as one shingle at a time over all rows
    // (a test pins the keys of fixed texts). Not Vector512: .NET leaves it unaccelerated on CPUs where
    // 512-bit work slows the clock, this machine's Xeon among them.
    private static long[] KeysOfMixed(ReadOnlySpan<ulong> mixed)
    {
        Span<ulong> signature = stackalloc ulong[Bands * RowsPerBand];
        var row = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; row + Vector256<ulong>.Count <= signature.Length; row += Vector256<ulong>.Count)
            {
                var a = Vector256.Create<ulong>(Multipliers.AsSpan(row));
                var b = Vector256.Create<ulong>(Increments.AsSpan(row));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var x in mixed)
                {
                    min = Vector256.Min(min, (Vector256.Create(x) * a) + b);
                }

                min.CopyTo(signature[row..]);
            }
        }

        for (; row < signature.Length; row++)
        {
            var min = ulong.MaxValue;
            foreach (var x in mixed)
            {
                var h = unchecked((x * Multipliers[row]) + Increments[row]);
                min = h < min ? h : min;
            }

            signature[row] = min;
        }

        return KeysOf(signature);
    }

    private static long[] KeysOf(ReadOnlySpan<ulong> signature)
    {
        var keys = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var h = Mix((ulong)b + 0x5851F42D4C957F2DUL);
            for (var r = 0; r < RowsPerBand; r++)
            {
                h = Mix(h ^ signature[(b * RowsPerBand) + r]);
            }

            keys[b] = unchecked((long)h);
        }

        return keys;
    }

    /// <summary>Exact Jaccard resemblance |A n B| / |A u B| (1 for two empty sets).</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    // A text of n characters has at most (n + 1) / 2 words: each takes a character and a separator.
    private static int MaxWords(string normalized) => (normalized.Length / 2) + 1;

    /// <summary>
    /// Writes the text's shingle hashes (or the one hash of all its words, when it has fewer than
    /// <see cref="ShingleWords"/>) into <paramref name="buffer"/>, which first receives the word
    /// hashes: shingle i needs words i to i + 2 only, so it can overwrite word i. Returns the count.
    /// </summary>
    private static int ShingleHashes(string normalized, ulong[] buffer)
    {
        var words = 0;
        var h = FnvOffset;
        var inWord = false;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                h = (h ^ c) * FnvPrime;
                inWord = true;
            }
            else if (inWord)
            {
                buffer[words++] = h;
                h = FnvOffset;
                inWord = false;
            }
        }

        if (inWord)
        {
            buffer[words++] = h;
        }

        if (words == 0)
        {
            return 0;
        }

        if (words < ShingleWords)
        {
            buffer[0] = Combine(buffer.AsSpan(0, words));
            return 1;
        }

        var shingles = words - ShingleWords + 1;
        for (var i = 0; i < shingles; i++)
        {
            buffer[i] = Combine(buffer.AsSpan(i, ShingleWords));
        }

        return shingles;
    }

    private static ulong Combine(ReadOnlySpan<ulong> words)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var w in words)
        {
            h = Mix(h ^ w);
        }

        return h;
    }

    private static readonly ulong[] Multipliers = Enumerable.Range(0, Bands * RowsPerBand).Select(i => Mix((ulong)(i + 1) * 0xD1B54A32D192ED03UL) | 1).ToArray();
    private static readonly ulong[] Increments = Enumerable.Range(0, Bands * RowsPerBand).Select(i => Mix((ulong)(i + 1) * 0x9E3779B97F4A7C15UL)).ToArray();

    // SplitMix64 finaliser: a fast, well-mixed, fixed 64-bit hash.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
