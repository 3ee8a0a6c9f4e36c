using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Dedup;

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
            capacity += parts[i].Length + 1 + (2 * parts[i].AsSpan().Count(Ellipsis)); // "..." for each
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

    // What Append writes for an ASCII character: itself, lower-cased, '`' as '\'', or '\0' for white
    // space and control characters (at or below ' ', and DEL), which only mark a space.
    private static readonly char[] AsciiMap = [.. Enumerable.Range(0, 0x80).Select(i => (char)i switch
    {
        <= ' ' or '\u007F' => '\0',
        >= 'A' and <= 'Z' and var c => (char)(c + ('a' - 'A')),
        '`' => '\'',
        var c => c,
    })];

    // Appends the normalised form of NFKC text; space: white space was seen since the last character.
    // The loop works on locals (a ref parameter is memory, read and written on every character).
    private static void Append(string source, char[] buffer, ref int length, ref bool space)
    {
        var map = AsciiMap;
        var n = length;
        var pending = space;
        foreach (var raw in source)
        {
            char c;
            if (raw < '\u0080')
            {
                // ASCII, most of any text, without the general Unicode look-ups.
                c = map[raw];
                if (c == '\0')
                {
                    pending = n > 0;
                    continue;
                }
            }
            else if (char.IsWhiteSpace(raw) || char.IsControl(raw))
            {
                pending = n > 0;
                continue;
            }
            else if (raw == Ellipsis)
            {
                // NFKC's "...", for text that did not go through ICU (NeedsNoNormalization).
                if (pending)
                {
                    buffer[n++] = ' ';
                    pending = false;
                }

                buffer[n++] = '.';
                buffer[n++] = '.';
                c = '.';
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

            if (pending)
            {
                buffer[n++] = ' ';
                pending = false;
            }

            buffer[n++] = c;
        }

        (length, space) = (n, pending);
    }

    /// <summary>
    /// True when NFKC would change nothing that Append does not map itself: every character is
    /// below U+00A0, a quote or dash (U+2010-U+201F but U+2017, which NFKC splits into a space and
    /// a combining mark), or one of <see cref="IsMappedHere"/>.
    /// </summary>
    private static bool NeedsNoNormalization(string text)
    {
        for (var rest = text.AsSpan(); ;)
        {
            var at = rest.IndexOfAnyInRange('\u00A0', '\uFFFF');
            if (at < 0)
            {
                return true;
            }

            if (rest[at] is not (>= '\u2010' and <= '\u201F') or '\u2017' && !IsMappedHere(rest[at]))
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }
    }

    // Characters NFKC turns into ASCII whatever surrounds them, which Append maps itself: no-break
    // and typographic spaces (to a space) and the ellipsis (to "..."). Common in real text, and
    // asking ICU for them cost more than all the rest of the normalisation.
    private static bool IsMappedHere(char c) =>
        c is '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or Ellipsis;

    private const char Ellipsis = '\u2026';

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
