using System.Buffers.Binary;

namespace NewsReader.Core.Search;

// Keyset cursors of search pages.
public sealed partial class StorySearch
{
    /// <summary>True when <paramref name="cursor"/> is a cursor this search made (of either order), so a caller can refuse anything else.</summary>
    public static bool IsCursor(string? cursor) => Cursor.TryDecodeRank(cursor) is not null || Cursor.TryDecodeNewest(cursor) is not null;

    /// <summary>Keyset cursors: the sort key and id of the last row of a page, opaque to callers.</summary>
    private static class Cursor
    {
        public static string Encode(double rank, long id) => Pack('r', BitConverter.DoubleToInt64Bits(rank), id);

        public static string Encode(long createdTicks, long id) => Pack('n', createdTicks, id);

        /// <summary>A relevance cursor's (rank, id), or null for a missing or foreign cursor.</summary>
        public static (double Rank, long Id)? TryDecodeRank(string? cursor) =>
            Unpack(cursor, 'r') is { } c ? (BitConverter.Int64BitsToDouble(c.Key), c.Id) : null;

        /// <summary>A newest-first cursor's (CreatedAt ticks, id), or null for a missing or foreign cursor.</summary>
        public static (long Ticks, long Id)? TryDecodeNewest(string? cursor) =>
            Unpack(cursor, 'n') is { } c && c.Key >= 0 && c.Key <= DateTime.MaxValue.Ticks ? c : null;

        private static (long Key, long Id)? Unpack(string? cursor, char kind)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            Span<byte> bytes = stackalloc byte[17];
            var base64 = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (cursor.Length % 4)) % 4);
            if (!Convert.TryFromBase64String(base64, bytes, out var n) || n != 17 || bytes[0] != kind)
            {
                return null;
            }

            return (BinaryPrimitives.ReadInt64LittleEndian(bytes[1..]), BinaryPrimitives.ReadInt64LittleEndian(bytes[9..]));
        }

        private static string Pack(char kind, long key, long id)
        {
            Span<byte> bytes = stackalloc byte[17];
            bytes[0] = (byte)kind;
            BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], key);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], id);
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }
}
