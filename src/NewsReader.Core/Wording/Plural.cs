using System.Globalization;

namespace NewsReader.Core.Wording;

/// <summary>
/// The one way a count and its noun are written for people ("1 story", "0 stories", "1,204 files"),
/// in the web app, the command line and Core's messages alike.
/// </summary>
public static class Plural
{
    /// <summary>
    /// The count (invariant, with thousands separators) and the noun in the number it needs:
    /// the singular for exactly 1, the plural otherwise (0 included).
    /// </summary>
    public static string Count(long count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {Noun(count, singular, plural)}");

    /// <summary>The same, with the regular English plural of <paramref name="singular"/> (<see cref="Of"/>).</summary>
    public static string Count(long count, string singular) => Count(count, singular, Of(singular));

    /// <summary>The noun alone in the number a count needs.</summary>
    public static string Noun(long count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>
    /// The regular English plural: "story" to "stories", "match" to "matches", "tag" to "tags".
    /// Irregular nouns ("person") are given to <see cref="Count(long, string, string)"/> in full.
    /// </summary>
    public static string Of(string singular)
    {
        ArgumentException.ThrowIfNullOrEmpty(singular);
        if (singular.Length > 1 && singular[^1] is 'y' or 'Y' && !IsVowel(singular[^2]))
        {
            return string.Concat(singular.AsSpan(0, singular.Length - 1), char.IsUpper(singular[^1]) ? "IES" : "ies");
        }

        var sibilant = singular.EndsWith('s') || singular.EndsWith('x') || singular.EndsWith('z')
            || singular.EndsWith("ch", StringComparison.Ordinal) || singular.EndsWith("sh", StringComparison.Ordinal);
        return singular + (sibilant ? "es" : "s");
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c, StringComparison.Ordinal);
}
