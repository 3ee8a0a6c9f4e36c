using System.Runtime.InteropServices;

namespace NewsReader.Core.Extraction;

/// <summary>Sorting for the extractors' short per-story lists, without LINQ.</summary>
/// <remarks>LINQ's OrderBy over a value-type key or element is generic code compiled for those
/// types on first use; with tiered compilation off (the command line and the benchmarks) that
/// compiling cost more than the sorting of thousands of stories. These lists hold a handful to a
/// few dozen items, so an insertion sort is as fast, and it is stable like OrderBy.</remarks>
internal static class EntityOrder
{
    /// <summary>About-first, then by score (highest first), then by name (ordinal); items equal on
    /// all three keep their order.</summary>
    public static List<EntityMention> AboutFirst(List<EntityMention> entities)
    {
        StableSort(CollectionsMarshal.AsSpan(entities), static (a, b) =>
            a.About != b.About ? (a.About ? -1 : 1)
            : a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : string.CompareOrdinal(a.Name, b.Name));
        return entities;
    }

    /// <summary>Insertion sort: items that compare equal keep their order.</summary>
    public static void StableSort<T>(Span<T> items, Comparison<T> compare)
    {
        for (var i = 1; i < items.Length; i++)
        {
            var x = items[i];
            var j = i;
            while (j > 0 && compare(items[j - 1], x) > 0)
            {
                items[j] = items[j - 1];
                j--;
            }

            items[j] = x;
        }
    }
}
