using System.Collections;

namespace NewsReader.Core.Reading;

/// <summary>
/// The lines of a file, in blocks of 4,096: it grows without copying, so reading a big file leaves no
/// discarded arrays behind (a doubling list of 200,000 lines left about as much garbage as it held,
/// in the large-object heap, which only a full collection frees).
/// </summary>
internal sealed class LineList : IReadOnlyList<string>
{
    private const int BlockBits = 12;
    private const int BlockSize = 1 << BlockBits;

    private string[][] _blocks = new string[16][];

    public int Count { get; private set; }

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _blocks[index >> BlockBits][index & (BlockSize - 1)];
        }
    }

    public void Add(string line)
    {
        var block = Count >> BlockBits;
        if (block == _blocks.Length)
        {
            Array.Resize(ref _blocks, block * 2);
        }

        (_blocks[block] ??= new string[BlockSize])[Count & (BlockSize - 1)] = line;
        Count++;
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _blocks[i >> BlockBits][i & (BlockSize - 1)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
