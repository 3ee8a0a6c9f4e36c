using System.Globalization;
using System.Text;

namespace NewsReader.Core.Splitting;

/// <summary>Makes URL slugs from headlines, unique within one set.</summary>
public sealed class SlugSet
{
    private const int MaxLength = 80;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    // The next suffix to try per slug: suffixes below it are taken, and slugs are only ever added,
    // so a file of thousands of stories with one headline stays linear.
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    /// <summary>Returns the slug of <paramref name="text"/>, suffixed with -2, -3... if already taken.</summary>
    public string Add(string text)
    {
        var slug = Slugify(text);
        if (_used.Add(slug))
        {
            return slug;
        }

        var n = _nextSuffix.GetValueOrDefault(slug, 2);
        var candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        while (!_used.Add(candidate))
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{++n}");
        }

        _nextSuffix[slug] = n + 1;
        return candidate;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, cut on a word boundary.</summary>
    public static string Slugify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    if (sb.Length + 1 >= MaxLength)
                    {
                        break;
                    }

                    sb.Append('-');
                }

                pendingHyphen = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }

        if (sb.Length > MaxLength)
        {
            // The word that crosses the limit goes ("...-close-to-100" is not "...-close-to-1"),
            // unless it is the only long word there is.
            var end = sb.ToString(0, MaxLength + 1).LastIndexOf('-');
            sb.Length = end > MaxLength / 2 ? end : MaxLength;
        }

        return sb.Length == 0 ? "story" : sb.ToString();
    }
}
