namespace NewsReader.Core.Splitting;

/// <summary>A set of lower-case words that can be asked about any span of text, in any case, without allocating.</summary>
internal sealed class WordSet
{
    private const int MaxWord = 64;
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = new HashSet<string>(words, StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Count;

    /// <summary>True if the word, lower-cased, is in the set.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWord)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.Contains(lower);
    }

    /// <summary>True if the word, already lower-case, is in the set.</summary>
    public bool ContainsLower(ReadOnlySpan<char> lower) => _lookup.Contains(lower);

    /// <summary>True if the two words joined by a space, lower-cased, are in the set.</summary>
    public bool Contains(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length + second.Length + 1 > MaxWord)
        {
            return false;
        }

        Span<char> lower = stackalloc char[first.Length + second.Length + 1];
        first.ToLowerInvariant(lower);
        lower[first.Length] = ' ';
        second.ToLowerInvariant(lower[(first.Length + 1)..]);
        return _lookup.Contains(lower);
    }
}
