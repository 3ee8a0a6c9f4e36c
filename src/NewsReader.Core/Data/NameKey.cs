using System.Globalization;
using System.Text;

namespace NewsReader.Core.Data;

/// <summary>The lookup key of an entity name: case, accents, punctuation and spacing do not matter.</summary>
public static class NameKey
{
    /// <summary>"Tencent Holdings", "tencent-holdings" and "TENCENT  Holdings." share one key.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '\'' and not '\u2019')
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
