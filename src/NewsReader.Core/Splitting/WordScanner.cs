using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsReader.Core.Splitting;

/// <summary>One word of a paragraph: where it is and whether it opens a sentence.</summary>
internal readonly record struct WordSpan(int Start, int Length, bool SentenceInitial)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Splits text into words without allocating: letters and digits, joined by inner <c>. ' ’ - &amp;</c>
/// ("U.S", "Google.cn", "AT&amp;T", "long-term"). Knows where sentences start, which tells a name
/// ("said Huawei") from a capitalised first word ("Then").
/// </summary>
internal ref struct WordScanner(string text)
{
    private readonly string _text = text;
    private int _pos;
    private bool _sentenceStart = true;

    public WordSpan Current { get; private set; }

    private const byte WordChar = 1;
    private const byte SentenceEnd = 2;
    private const byte Joiner = 4;

    /// <summary>
    /// ASCII letters and digits lower-cased (A-Z to a-z), every other ASCII character 0: the loose
    /// hashes' per-character step without a branch.
    /// </summary>
    public static ReadOnlySpan<byte> AsciiLowerAlnum =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
        0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
        0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    ];

    // What each ASCII character is to the scanner: WordChar (letters, digits), SentenceEnd (. ! ?),
    // Joiner (. ' - & inside a word).
    private static ReadOnlySpan<byte> AsciiClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 2, 0, 0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 4, 6, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 2,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    // The class of every UTF-16 unit (64 KB, built once): one load per character in the scanning
    // loop, with no branch between ASCII and the rest.
    private static readonly byte[] CharClasses = BuildCharClasses();

    public bool MoveNext()
    {
        var start = Walk(_pos, inWord: false);
        if (start >= _text.Length)
        {
            _pos = start;
            return false;
        }

        var end = Walk(start + 1, inWord: true);
        Current = new WordSpan(start, end - start, _sentenceStart);
        _sentenceStart = false;
        _pos = end;
        return true;
    }

    /// <summary>
    /// Walks from <paramref name="i"/> to the end of the current stretch: of the gap before a word
    /// (noting sentence ends), or of a word, whose inner joiners (. ' ’ - &amp;) count when a letter or
    /// digit follows them. One loop for both, inlined with a constant <paramref name="inWord"/> so each
    /// call compiles to its own tight loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Walk(int i, bool inWord)
    {
        var t = _text.AsSpan();

        // The table has an entry for every char value: no bounds check needed.
        ref var classes = ref MemoryMarshal.GetArrayDataReference(CharClasses);
        for (; (uint)i < (uint)t.Length; i++)
        {
            var kind = Unsafe.Add(ref classes, t[i]);
            if ((kind & WordChar) != 0)
            {
                if (!inWord)
                {
                    break;
                }
            }
            else if (!inWord)
            {
                if ((kind & SentenceEnd) != 0)
                {
                    _sentenceStart = true;
                }
            }
            else if ((kind & Joiner) != 0 && i + 1 < t.Length && (Unsafe.Add(ref classes, t[i + 1]) & WordChar) != 0)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // Beyond ASCII, letters and digits are word characters and the typographic apostrophe (’) a joiner.
    private static byte[] BuildCharClasses()
    {
        var classes = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            classes[c] = c < 128 ? AsciiClass[c] : char.IsLetterOrDigit((char)c) ? WordChar : c == '\u2019' ? Joiner : (byte)0;
        }

        return classes;
    }

    /// <summary>True when the word looks like part of a name: capitalised and not merely opening a sentence.</summary>
    public static bool IsNameLike(ReadOnlySpan<char> word, bool sentenceInitial)
    {
        if (word.Length == 0 || !char.IsUpper(word[0]))
        {
            return false;
        }

        if (!sentenceInitial)
        {
            return true;
        }

        // A sentence-initial word still counts when its shape says "name": VSPN, iPhone-like, U.S, 5G.
        for (var k = 1; k < word.Length; k++)
        {
            if (char.IsUpper(word[k]) || char.IsDigit(word[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Letter or digit, with a fast path for ASCII (most news text).</summary>
    public static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>Lower-case of one character, with a fast path for ASCII.</summary>
    public static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    /// <summary>FNV-1a hash of the lower-cased word with a possessive <c>'s</c> removed.</summary>
    public static int TermHash(ReadOnlySpan<char> word)
    {
        word = StripPossessive(word);
        var h = 2166136261u;
        foreach (var c in word)
        {
            h = (h ^ Lower(c)) * 16777619u;
        }

        return (int)h;
    }

    /// <summary>FNV-1a hash of a word that is already lower-case (same value as <see cref="TermHash"/>).</summary>
    public static int TermHashLower(ReadOnlySpan<char> lower)
    {
        var h = 2166136261u;
        foreach (var c in lower)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)h;
    }

    public static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019' ? word[..^2] : word;
}
