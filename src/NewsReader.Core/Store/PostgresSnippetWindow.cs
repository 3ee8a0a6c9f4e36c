using System.Buffers.Binary;
using System.Text;
using NpgsqlTypes;

namespace NewsReader.Core.Store;

/// <summary>
/// The part of a story's body that <c>ts_headline</c> is given on PostgreSQL: a few dozen words around
/// the best match, found from the positions the stored <c>tsvector</c> already holds, instead of the
/// whole body (ts_headline parses and stems every word it is given, which was most of a search's time:
/// docs/performance.md). The positions count the words of the title and entity names first (weights A
/// and C), then the body's (B); the body's words are counted here the way PostgreSQL's default parser
/// counts them closely enough for a window with a margin. When the window misses, the caller gives
/// ts_headline the whole body, so a snippet never loses its match.
/// </summary>
internal static class PostgresSnippetWindow
{
    // Words kept before the chosen match: where the window holds every word of the query, ts_headline
    // centres its 24 words (MaxWords) on them, as over the whole body, so half of that before. Where it
    // does not (an AND whose words stand far apart in the body), ts_headline finds no cover and shows
    // the window's first 12 words (MinWords), which must reach the match: fewer before. After: more
    // than MaxWords. A count that drifts by a few words (URLs, e-mail addresses) still lands; one that
    // drifts further falls back to the whole body.
    internal const int BeforeCover = 12;
    internal const int BeforeMatch = 6;
    internal const int After = 40;

    // A position's weight in the top two bits: 3 A (title), 2 B (body), 1 C (entity names), 0 D.
    private const int WeightB = 2;

    // Matches of different query words this close together make the best place for a snippet.
    private const int Span = 16;

    /// <summary>The query's lexemes (those under a negation left out): the text and whether it is a prefix.</summary>
    public static List<(string Text, bool Prefix)> Lexemes(NpgsqlTsQuery query)
    {
        var found = new List<(string, bool)>();
        void Walk(NpgsqlTsQuery node)
        {
            switch (node)
            {
                case NpgsqlTsQueryLexeme lexeme:
                    found.Add((lexeme.Text, lexeme.IsPrefixSearch));
                    break;
                case NpgsqlTsQueryBinOp op:
                    Walk(op.Left);
                    Walk(op.Right);
                    break;
            }
        }

        Walk(query);
        return found;
    }

    /// <summary>
    /// The window of <paramref name="body"/> to give ts_headline: around the body's best match of the
    /// query's lexemes, or the body's start when only the title or the entity names match (then
    /// ts_headline shows the body's first words, as it does given the whole body); and whether the body
    /// matches. <paramref name="vector"/> is the stored vector in PostgreSQL's binary form
    /// (<c>tsvectorsend</c>): a lexeme count, then per lexeme its UTF-8 text, a zero byte, a position
    /// count and the positions (weight in the top two bits). Read in place, only the matching lexemes'
    /// positions kept: turning a whole vector of some 600 lexemes into objects for each of a page's rows
    /// cost a search more than its SQL (docs/performance.md).
    /// </summary>
    public static (string Window, bool BodyMatches) Of(string body, ReadOnlySpan<byte> vector, IReadOnlyList<(string Text, bool Prefix)> lexemes)
    {
        var wanted = lexemes.Select(l => (Utf8: Encoding.UTF8.GetBytes(l.Text), l.Prefix)).ToArray();
        var shift = 0;
        var hits = new List<(int Pos, int Lexeme)>();
        var count = BinaryPrimitives.ReadInt32BigEndian(vector);
        var at = 4;
        for (var n = 0; n < count; n++)
        {
            var length = vector[at..].IndexOf((byte)0);
            var text = vector.Slice(at, length);
            at += length + 1;
            var matched = -1;
            for (var i = 0; i < wanted.Length && matched < 0; i++)
            {
                if (wanted[i].Prefix ? text.StartsWith(wanted[i].Utf8) : text.SequenceEqual(wanted[i].Utf8))
                {
                    matched = i;
                }
            }

            int positions = BinaryPrimitives.ReadUInt16BigEndian(vector[at..]);
            at += 2;
            for (var k = 0; k < positions; k++, at += 2)
            {
                int entry = BinaryPrimitives.ReadUInt16BigEndian(vector[at..]);
                int weight = entry >> 14, pos = entry & 0x3fff;
                if (weight != WeightB)
                {
                    shift = Math.Max(shift, pos);
                }
                else if (matched >= 0)
                {
                    hits.Add((pos, matched));
                }
            }
        }

        // Body word number (1-based) of the best match; a body without a match starts at its first word.
        if (hits.Count == 0)
        {
            return (Cut(body, 1, 0), false);
        }

        var (best, words) = Best(hits);
        var all = lexemes.Select(l => l.Text).Distinct(StringComparer.Ordinal).Count();
        return (Cut(body, Math.Max(1, best - shift), words >= all ? BeforeCover : BeforeMatch), true);
    }

    /// <summary>The position with the most different query words in the <see cref="Span"/> words from it (the first of equals), and how many.</summary>
    private static (int Pos, int Words) Best(List<(int Pos, int Lexeme)> hits)
    {
        hits.Sort();
        var best = hits[0].Pos;
        var bestCount = 0;
        var seen = new HashSet<int>();
        for (var i = 0; i < hits.Count; i++)
        {
            seen.Clear();
            for (var j = i; j < hits.Count && hits[j].Pos < hits[i].Pos + Span; j++)
            {
                seen.Add(hits[j].Lexeme);
            }

            if (seen.Count > bestCount)
            {
                (best, bestCount) = (hits[i].Pos, seen.Count);
            }
        }

        return (best, bestCount);
    }

    /// <summary>The body from <paramref name="before"/> words before word <paramref name="word"/> (1-based) to <see cref="After"/> words after it.</summary>
    internal static string Cut(string body, int word, int before)
    {
        int first = Math.Max(1, word - before), last = word + After;
        int start = -1, end = body.Length, n = 0, i = 0;
        while (i < body.Length)
        {
            if (!char.IsLetterOrDigit(body[i]))
            {
                i++;
                continue;
            }

            // One token of the parser: letters and digits, joined across a dot (U.S., 3.5, example.com);
            // a hyphenated word counts once whole and once per part (well-known: 3), as PostgreSQL counts
            // it, but only between parts that start with a letter (COVID-19 is a word and a number: 2).
            var tokenStart = i;
            var parts = 1;
            while (i < body.Length)
            {
                if (char.IsLetterOrDigit(body[i]))
                {
                    i++;
                }
                else if (body[i] == '.' && i + 1 < body.Length && char.IsLetterOrDigit(body[i + 1]))
                {
                    i++;
                }
                else if (body[i] == '-' && i + 1 < body.Length && char.IsLetter(body[i + 1]) && char.IsLetter(body[tokenStart]))
                {
                    parts++;
                    i++;
                }
                else
                {
                    break;
                }
            }

            n += parts == 1 ? 1 : parts + 1;
            if (start < 0 && n >= first)
            {
                start = tokenStart;
            }

            if (n >= last)
            {
                end = i;
                break;
            }
        }

        return start < 0 ? string.Empty : body[start..end];
    }
}
