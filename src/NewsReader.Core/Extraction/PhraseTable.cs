using System.Runtime.InteropServices;

namespace NewsReader.Core.Extraction;

/// <summary>Finds the longest known phrase (a sequence of words) starting at a word, in one
/// dictionary look-up on the first word.</summary>
internal sealed class PhraseTable<T>
{
    private readonly WordTable<List<Entry>> _byFirst = new();

    /// <param name="Upper">The words in capitals, for text written in capitals ("TENCENT").</param>
    private sealed record Entry(string[] Words, string[] Lower, string[] Upper, bool[] Possessive, T Value);

    public int Count { get; private set; }

    /// <summary>Adds a phrase; it is split into words the way text is.</summary>
    public void Add(string phrase, T value)
    {
        var tokens = new List<TextToken>();
        TextTokenizer.Tokenize(phrase, 0, tokens);
        if (tokens.Count == 0)
        {
            return;
        }

        var words = tokens.Select(t => t.Text).ToArray();
        var lower = tokens.Select(t => t.Lower).ToArray();
        if (!_byFirst.TryGetValue(lower[0], out var list))
        {
            list = [];
            _byFirst.Set(lower[0], list);
        }

        if (list.Exists(e => e.Words.SequenceEqual(words)))
        {
            return; // the first line that names a phrase wins
        }

        list.Add(new Entry(words, lower, [.. words.Select(w => w.ToUpperInvariant())], tokens.Select(t => t.Is(TokenFlags.Possessive)).ToArray(), value));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        Count++;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/> whose words run on without
    /// punctuation between them.</summary>
    /// <param name="caseSensitive">True: words must be written as in the table (US is not "us").
    /// False: any case, but the text's first word must be capitalised unless the phrase's is not (eBay).</param>
    public bool TryMatch(List<TextToken> tokens, int start, bool caseSensitive, out T value, out int length)
    {
        value = default!;
        length = 0;

        // The tokens as a span, read in place: this runs for most words of every story, and an
        // interface call or a copy of each token per look-up showed in profiles.
        var text = CollectionsMarshal.AsSpan(tokens);
        ref readonly var first = ref text[start];
        if (!_byFirst.TryGetValue(first.Lower, first.Hash, out var list))
        {
            return false;
        }

        for (var n = 0; n < list.Count; n++)
        {
            var e = list[n];
            if (start + e.Words.Length > text.Length)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < e.Words.Length && ok; k++)
            {
                ref readonly var t = ref text[start + k];
                if (k > 0 && (!t.Joins || text[start + k - 1].Is(TokenFlags.Possessive) != e.Possessive[k - 1] || t.Paragraph != first.Paragraph))
                {
                    ok = false;
                }
                else if (caseSensitive)
                {
                    ok = string.Equals(t.Text, e.Words[k], StringComparison.Ordinal)
                        || (t.Is(TokenFlags.AllCaps) && string.Equals(t.Text, e.Upper[k], StringComparison.Ordinal) && e.Words[k].Length > 3);
                }
                else
                {
                    ok = string.Equals(t.Lower, e.Lower[k], StringComparison.Ordinal);
                }
            }

            if (ok && !caseSensitive && !first.IsCapitalised && e.Words[0] != first.Text)
            {
                ok = false;
            }

            if (ok)
            {
                value = e.Value;
                length = e.Words.Length;
                return true;
            }
        }

        return false;
    }
}
