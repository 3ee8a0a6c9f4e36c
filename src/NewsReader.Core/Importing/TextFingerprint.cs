using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Importing;

/// <summary>
/// The exact-duplicate key of a story: SHA-256 of its body normalised so that white space, case,
/// quote style and dash style do not matter (ADR 0004).
/// </summary>
public static class TextFingerprint
{
    /// <summary>NFKC, lower case, every quote to one form, every dash to '-', white space runs to one space.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NormalizeJoined([text]);
    }

    /// <summary>
    /// <see cref="Normalize"/> of the paragraphs' texts joined by blank lines, without building the
    /// joined text (a blank line is white space, and NFKC never joins characters across it).
    /// </summary>
    public static string NormalizeParagraphs(IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var texts = new string[paragraphs.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = paragraphs[i].Text;
        }

        return NormalizeJoined(texts);
    }

    // The parts as if joined by white space.
    private static string NormalizeJoined(string[] parts)
    {
        // Asking ICU costs more than the rest of the loop: skip it for text NFKC leaves alone.
        var capacity = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            parts[i] = NeedsNoNormalization(part) || part.IsNormalized(NormalizationForm.FormKC) ? part : part.Normalize(NormalizationForm.FormKC);
            capacity += parts[i].Length + 1;
        }

        var buffer = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            var length = 0;
            var space = false;
            foreach (var part in parts)
            {
                Append(part, buffer, ref length, ref space);
                space = length > 0;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // Appends the normalised form of NFKC text; space: white space was seen since the last character.
    private static void Append(string source, char[] buffer, ref int length, ref bool space)
    {
        foreach (var raw in source)
        {
            char c;
            if (raw < '\u0080')
            {
                // ASCII, most of any text, without the general Unicode look-ups: at or below ' '
                // and DEL are white space or control characters.
                if (raw <= ' ' || raw == '\u007F')
                {
                    space = length > 0;
                    continue;
                }

                c = raw switch
                {
                    >= 'A' and <= 'Z' => (char)(raw + ('a' - 'A')),
                    '`' => '\'',
                    _ => raw,
                };
            }
            else if (char.IsWhiteSpace(raw) || char.IsControl(raw))
            {
                space = length > 0;
                continue;
            }
            else
            {
                c = raw switch
                {
                    '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => '\'',
                    '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                    '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                    _ => char.ToLowerInvariant(raw),
                };
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = c;
        }
    }

    /// <summary>True when every character is below U+00A0 or a quote or dash (U+2010-U+201F): NFKC changes none of them.</summary>
    private static bool NeedsNoNormalization(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00A0' && c is < '\u2010' or > '\u201F')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fingerprint (64 hex digits) of a story body.</summary>
    public static string Of(string body) => OfNormalized(Normalize(body));

    /// <summary>The fingerprint of text already passed through <see cref="Normalize"/>.</summary>
    public static string OfNormalized(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalized.Length));
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, Encoding.UTF8.GetBytes(normalized, bytes)), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
