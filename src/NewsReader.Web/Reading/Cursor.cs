using System.Globalization;

namespace NewsReader.Web.Reading;

/// <summary>
/// The keyset cursor of newest-first lists: the last story's (CreatedAt, Id), as text for the URL.
/// Keyset rather than OFFSET so page 500 costs what page 1 costs.
/// </summary>
public readonly record struct Cursor(long CreatedTicks, long Id)
{
    public override string ToString() =>
        CreatedTicks.ToString(CultureInfo.InvariantCulture) + "-" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a cursor from the URL; anything malformed means "first page".</summary>
    public static Cursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ticks <= DateTime.MaxValue.Ticks
                ? new Cursor(ticks, id)
                : null;
    }
}
