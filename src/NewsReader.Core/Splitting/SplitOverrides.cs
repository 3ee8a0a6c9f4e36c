namespace NewsReader.Core.Splitting;

/// <summary>
/// People's decisions about story boundaries, handed to the splitter: by <see cref="BoundaryKey"/>,
/// whether a story must start (a split) or must not start (a join) between two paragraphs.
/// </summary>
public sealed class SplitOverrides
{
    private readonly Dictionary<string, bool> _startsAt;

    /// <param name="startsAt">Boundary key to true (a story starts there) or false (it does not).</param>
    public SplitOverrides(IEnumerable<KeyValuePair<string, bool>> startsAt)
    {
        ArgumentNullException.ThrowIfNull(startsAt);
        _startsAt = new Dictionary<string, bool>(startsAt, StringComparer.Ordinal);
    }

    /// <summary>No decisions: the splitter alone decides.</summary>
    public static SplitOverrides None { get; } = new([]);

    public bool IsEmpty => _startsAt.Count == 0;

    public int Count => _startsAt.Count;

    /// <summary>True: a story must start at <paramref name="after"/>; false: it must not; null: the splitter decides.</summary>
    public bool? StartsAt(string before, string after) =>
        IsEmpty ? null : _startsAt.TryGetValue(BoundaryKey.Of(before, after), out var starts) ? starts : null;
}
