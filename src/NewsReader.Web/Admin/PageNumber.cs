using System.Globalization;

namespace NewsReader.Web.Admin;

/// <summary>
/// A page number from the URL (<c>?page=</c>) of the admin lists, read leniently as the reader pages
/// read theirs: anything but plain ASCII digits ("abc", "1.5", "1e9", "0x10", a full-width digit, an
/// empty value, a number past <see cref="int.MaxValue"/>) is no page number, so the list's first page.
/// </summary>
public static class PageNumber
{
    /// <summary>The highest page read: beyond it the rows skipped (page times page size) would overflow.</summary>
    public const int Max = 1_000_000;

    /// <summary>The page number, at most <see cref="Max"/>, or null when the text is not one.</summary>
    public static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, Max) : null;
}
