namespace NewsReader.Core.Extraction;

/// <summary>A hash table from words to values, for the extractors' per-word look-ups.</summary>
/// <remarks>
/// Every word of a story is looked up in several tables (the word pool, cues, gazetteers, topic
/// terms). <see cref="Dictionary{TKey,TValue}"/> hashes the word again for each of them; here the
/// caller hashes it once with <see cref="WordHash.Of"/> (the tokenizer keeps the hash in
/// <see cref="TextToken.Hash"/>) and every table reuses it. Entries sit in one array (open addressing,
/// linear probing, at most half full), so a look-up usually reads one cache line and, on a hit, the
/// key's characters. Most words of a text are in none of the tables, so a bit per word hash
/// (a one-hash Bloom filter, 8 bits per slot, so at most one word in 16 gets past it wrongly) turns
/// most misses away before the entries are read. Keys compare ordinally. Not thread-safe for
/// writes; reads may be concurrent.
/// </remarks>
internal sealed class WordTable<TValue>
{
    private const int InitialBits = 4;

    // The filter has 8 bits per slot: 2^(_bits + FilterExtraBits) bits.
    private const int FilterExtraBits = 3;

    private Entry[] _entries = new Entry[1 << InitialBits];
    private ulong[] _filter = new ulong[FilterLength(InitialBits)];
    private int _bits = InitialBits;

    private struct Entry
    {
        public string? Key;
        public int Hash;
        public TValue Value;
    }

    public int Count { get; private set; }

    public bool TryGetValue(string key, out TValue value) => TryGetValue(key, WordHash.Of(key), out value);

    /// <summary>Looks up <paramref name="key"/>, whose <see cref="WordHash.Of"/> is <paramref name="hash"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, int hash, out TValue value)
    {
        var bit = WordHash.Slot(hash, _bits + FilterExtraBits);
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            value = default!;
            return false;
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        for (var i = Bucket(hash); ; i = (i + 1) & mask)
        {
            ref var e = ref entries[i];
            if (e.Key is null)
            {
                value = default!;
                return false;
            }

            if (e.Hash == hash && key.SequenceEqual(e.Key))
            {
                value = e.Value;
                return true;
            }
        }
    }

    public TValue GetValueOrDefault(string key) => TryGetValue(key, out var v) ? v : default!;

    /// <summary>Adds or replaces the value of <paramref name="key"/>.</summary>
    public void Set(string key, TValue value) => Set(key, WordHash.Of(key), value);

    /// <summary>Adds or replaces the value of <paramref name="key"/>, whose <see cref="WordHash.Of"/> is <paramref name="hash"/>.</summary>
    public void Set(string key, int hash, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if ((Count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        var mask = _entries.Length - 1;
        for (var i = Bucket(hash); ; i = (i + 1) & mask)
        {
            ref var e = ref _entries[i];
            if (e.Key is null)
            {
                e = new Entry { Key = key, Hash = hash, Value = value };
                var bit = WordHash.Slot(hash, _bits + FilterExtraBits);
                _filter[bit >> 6] |= 1UL << bit;
                Count++;
                return;
            }

            if (e.Hash == hash && string.Equals(e.Key, key, StringComparison.Ordinal))
            {
                e.Value = value;
                return;
            }
        }
    }

    /// <summary>The keys and values, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, TValue>> Entries()
    {
        foreach (var e in _entries)
        {
            if (e.Key is not null)
            {
                yield return new(e.Key, e.Value);
            }
        }
    }

    private int Bucket(int hash) => WordHash.Slot(hash, _bits);

    private static int FilterLength(int bits) => (1 << (bits + FilterExtraBits)) / 64;

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _bits++;
        _filter = new ulong[FilterLength(_bits)];
        Count = 0;
        foreach (var e in old)
        {
            if (e.Key is not null)
            {
                Set(e.Key, e.Hash, e.Value);
            }
        }
    }
}

/// <summary>The hash every <see cref="WordTable{TValue}"/> uses: FNV-1a over a word's characters.</summary>
internal static class WordHash
{
    /// <summary>The hash of the empty word, where <see cref="Step"/> starts.</summary>
    public const int Seed = unchecked((int)2166136261);

    public static int Of(ReadOnlySpan<char> word)
    {
        var h = Seed;
        foreach (var c in word)
        {
            h = Step(h, c);
        }

        return h;
    }

    /// <summary>The hash of a word extended by one character: one pass over a word gives the
    /// hashes of all its prefixes (the topic vocabulary's word stems are looked up that way).</summary>
    public static int Step(int hash, char c) => unchecked((hash ^ c) * 16777619);

    /// <summary>A slot for the hash in a table of 2^<paramref name="bits"/> slots: the top bits of
    /// hash × 2^32/φ (Fibonacci hashing), so that FNV's weak low bits do not decide it.</summary>
    public static int Slot(int hash, int bits) => (int)(unchecked((uint)hash * 2654435769u) >> (32 - bits));
}
