namespace NewsReader.Core.Splitting;

/// <summary>
/// A map from 32-bit word hashes to non-zero ints (open addressing, linear probing). The splitter asks
/// it a few times per word: it replaces <see cref="HashSet{T}"/> lookups there because a multiply, a
/// shift and one array probe cost about a third of a general-purpose set's lookup.
/// </summary>
internal sealed class HashTable
{
    private int[] _keys;
    private int[] _values; // 0 marks an empty slot
    private int _shift;

    public HashTable(int capacity = 16)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _keys = new int[size];
        _values = new int[size];
        _shift = 32 - int.Log2(size);
    }

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The value stored for <paramref name="key"/>, or 0 when it has none.</summary>
    public int Get(int key)
    {
        var keys = _keys;
        var values = _values;
        var mask = keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var v = values[slot];
            if (v == 0 || keys[slot] == key)
            {
                return v;
            }
        }
    }

    /// <summary>Combines <paramref name="bits"/> into the value of <paramref name="key"/> (bitwise or).</summary>
    public void Or(int key, int bits)
    {
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
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (_values[slot] != 0)
        {
            if (_keys[slot] == key)
            {
                return ref _values[slot];
            }

            slot = (slot + 1) & mask;
        }

        _keys[slot] = key;
        Count++;
        return ref _values[slot];
    }

    // Fibonacci hashing: the word hashes' high bits decide the slot, evenly for any table size.
    private int Slot(int key) => (int)(((uint)key * 0x9E3779B9u) >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new int[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var k = 0; k < keys.Length; k++)
        {
            if (values[k] == 0)
            {
                continue;
            }

            var slot = Slot(keys[k]);
            while (_values[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[k];
            _values[slot] = values[k];
        }
    }
}
