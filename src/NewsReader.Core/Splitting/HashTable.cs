namespace NewsReader.Core.Splitting;

/// <summary>
/// A map from 32-bit word hashes to non-zero ints (open addressing, linear probing). The splitter asks
/// it a few times per word: it replaces <see cref="HashSet{T}"/> lookups there because a multiply, a
/// shift and one array probe cost about a third of a general-purpose set's lookup.
/// </summary>
internal sealed class HashTable
{
    // Key and value side by side: a probe touches one cache line, not two.
    private Entry[] _entries;
    private int _shift;

    public HashTable(int capacity = 16)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _entries = new Entry[size];
        _shift = 32 - int.Log2(size);
    }

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The value stored for <paramref name="key"/>, or 0 when it has none.</summary>
    public int Get(int key)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            ref var e = ref entries[slot];
            if (e.Value == 0 || e.Key == key)
            {
                return e.Value;
            }
        }
    }

    /// <summary>Combines <paramref name="bits"/> into the value of <paramref name="key"/> (bitwise or).</summary>
    public void Or(int key, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bits); // 0 marks an empty slot
        ref var v = ref ValueRef(key);
        v |= bits;
    }

    /// <summary>The value of <paramref name="key"/>; when it has none, stores and returns <c>Count + 1</c> (numbers keys 1, 2, 3...).</summary>
    public int GetOrNumber(int key)
    {
        ref var v = ref ValueRef(key);
        if (v == 0)
        {
            v = Count;
        }

        return v;
    }

    // The slot of a key, added (value 0 for now, counted) when absent.
    private ref int ValueRef(int key)
    {
        if ((Count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            ref var e = ref entries[slot];
            if (e.Value == 0)
            {
                e.Key = key;
                Count++;
                return ref e.Value;
            }

            if (e.Key == key)
            {
                return ref e.Value;
            }
        }
    }

    // Fibonacci hashing: the word hashes' high bits decide the slot, evenly for any table size.
    private int Slot(int key) => (int)(((uint)key * 0x9E3779B9u) >> _shift);

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _shift--;
        var mask = _entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Value == 0)
            {
                continue;
            }

            var slot = Slot(e.Key);
            while (_entries[slot].Value != 0)
            {
                slot = (slot + 1) & mask;
            }

            _entries[slot] = e;
        }
    }

    private struct Entry
    {
        public int Key;
        public int Value;
    }
}
