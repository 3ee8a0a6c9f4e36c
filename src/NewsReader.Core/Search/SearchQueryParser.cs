using System.Globalization;
using System.Text;
using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Search;

/// <summary>
/// Parses what a reader types into a search box (words, "phrases", -exclusions, OR, prefix*,
/// company:/country:/topic:/tag: filters) into a <see cref="SearchQuery"/>. Never throws, and never
/// produces an FTS5 expression that SQLite rejects: the reader's text is tokenised here and every
/// term is emitted as an FTS5 string literal, so FTS5 operators typed by the reader are only text.
/// The language is described for readers in docs/search-query.md.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>Input beyond this many characters is ignored (a search box, not a document).</summary>
    public const int MaxInputLength = 1024;

    /// <summary>Words and phrases (included and excluded) beyond this many are ignored.</summary>
    public const int MaxTerms = 32;

    /// <summary>Field filters beyond this many are ignored.</summary>
    public const int MaxFilters = 16;

    /// <summary>Parses <paramref name="userText"/>; null, blank or unusable text gives an empty query.</summary>
    public static SearchQuery Parse(string? userText)
    {
        if (string.IsNullOrWhiteSpace(userText))
        {
            return SearchQuery.Empty;
        }

        var tokens = Tokenize(Clean(userText));
        return Build(tokens);
    }

    /// <summary>
    /// Caps the length, turns control characters and lone surrogates into spaces (SQLite would see
    /// U+FFFD or a cut string), maps typographic double quotes (phones type them) to <c>"</c>, and
    /// applies NFC so a query matches text that the importer stored in NFC.
    /// </summary>
    private static string Clean(string text)
    {
        var length = Math.Min(text.Length, MaxInputLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c))
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c is '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\uFF02' ? '"' : c);
            }
        }

        var cleaned = sb.ToString();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            // A minus only excludes when something follows it; "a - b" is three words, and the lone
            // "-" is dropped later as punctuation.
            var exclude = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (exclude)
            {
                i++;
            }

            if (text[i] == '"')
            {
                var phrase = ReadQuoted(text, ref i);
                var prefix = SkipStars(text, ref i);
                tokens.Add(new Token(TokenKind.Term, phrase, prefix, exclude, null));
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var word = text[start..i];
            if (FieldOf(word) is { } kind)
            {
                if (FilterValue(text, ref i, word, kind) is { } value)
                {
                    tokens.Add(new Token(TokenKind.Filter, value, false, exclude, kind));
                }

                continue;
            }

            if (!exclude && word == "OR")
            {
                tokens.Add(new Token(TokenKind.Or, word, false, false, null));
                continue;
            }

            var trimmed = word.TrimEnd('*');
            tokens.Add(new Token(TokenKind.Term, trimmed, trimmed.Length < word.Length, exclude, null));
        }

        return tokens;
    }

    /// <summary>
    /// The value of a <c>kind:value</c> word, or of <c>kind:"quoted value"</c> (read on from <paramref name="i"/>);
    /// null for none: "company:" with nothing after it is usually a reader still typing, to be ignored
    /// rather than searched for as the word "company".
    /// </summary>
    private static string? FilterValue(string text, ref int i, string word, EntityKind kind)
    {
        var value = word[(kind.Key.Length + 1)..];
        if (value.Length == 0 && i < text.Length && text[i] == '"')
        {
            value = ReadQuoted(text, ref i);
        }

        value = value.Trim();
        return value.Length > 0 ? value : null;
    }

    /// <summary>Reads from an opening quote to the closing one, or to the end if it is never closed.</summary>
    private static string ReadQuoted(string text, ref int i)
    {
        var start = i + 1;
        var end = start < text.Length ? text.IndexOf('"', start) : -1;
        if (end < 0)
        {
            end = text.Length;
        }

        i = Math.Min(end + 1, text.Length);
        return text[start..end].Trim();
    }

    private static bool SkipStars(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] == '*')
        {
            i++;
        }

        return i > start;
    }

    private static EntityKind? FieldOf(string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : EntityKind.FromKey(word.AsSpan(0, colon));
    }

    private static SearchQuery Build(List<Token> tokens)
    {
        var filters = tokens
            .Where(t => t.Kind == TokenKind.Filter)
            .Select(t => new FieldFilter(t.Field!.Value, t.Text, t.Exclude))
            .Distinct()
            .Take(MaxFilters)
            .ToList();

        var (groups, excluded) = Group(TextTokens(tokens));
        var terms = groups.SelectMany(g => g).Select(t => CollapseSpaces(t.Text)).ToList();
        var include = string.Join(" AND ", groups.Select(g =>
            g.Count == 1 ? Literal(g[0]) : "(" + string.Join(" OR ", g.Select(Literal)) + ")"));
        var exclude = excluded.Count == 0 ? null : string.Join(" OR ", excluded.Select(Literal));

        var excludedTerms = excluded.Select(Term).ToList();
        if (include.Length == 0)
        {
            return new SearchQuery(null, filters) { ExcludeOnlyMatch = exclude, Excluded = excludedTerms };
        }

        // NOT binds tighter than AND and OR in FTS5, so both sides are parenthesised.
        var match = exclude is null ? include : "(" + include + ") NOT (" + exclude + ")";
        return new SearchQuery(match, filters)
        {
            Terms = terms,
            Groups = groups.Select(g => (IReadOnlyList<SearchTerm>)g.Select(Term).ToList()).ToList(),
            Excluded = excludedTerms,
        };
    }

    /// <summary>
    /// The terms and ORs that search the text. Terms FTS5's tokenizer would reduce to nothing are
    /// dropped before OR is resolved: as a literal ("" or "😀") they are an empty phrase, which
    /// matches no row and so would empty a whole AND. A run of ORs counts as one, so "a OR 😀 OR b" is "a OR b".
    /// </summary>
    private static List<Token> TextTokens(List<Token> tokens)
    {
        var text = new List<Token>();
        foreach (var token in tokens)
        {
            var keep = token.Kind == TokenKind.Or
                ? text.Count == 0 || text[^1].Kind != TokenKind.Or
                : token.Kind == TokenKind.Term && HasTokenCharacter(token.Text);
            if (keep)
            {
                text.Add(token);
            }
        }

        return text;
    }

    /// <summary>Positive terms in OR-groups (the groups are ANDed), excluded terms apart; at most <see cref="MaxTerms"/> in all.</summary>
    private static (List<List<Token>> Groups, List<Token> Excluded) Group(List<Token> text)
    {
        var groups = new List<List<Token>>();
        var excluded = new List<Token>();
        var count = 0;
        var orPending = false;
        var lastWasIncluded = false;
        for (var k = 0; k < text.Count && count < MaxTerms; k++)
        {
            var token = text[k];
            if (token.Kind == TokenKind.Or)
            {
                var nextIncluded = k + 1 < text.Count && text[k + 1] is { Kind: TokenKind.Term, Exclude: false };
                if (lastWasIncluded && nextIncluded)
                {
                    orPending = true;
                    continue;
                }

                // An OR with no term on one side is the word "or".
                token = token with { Kind = TokenKind.Term };
            }

            count++;
            if (token.Exclude)
            {
                excluded.Add(token);
                lastWasIncluded = false;
            }
            else
            {
                if (orPending)
                {
                    groups[^1].Add(token);
                }
                else
                {
                    groups.Add([token]);
                }

                lastWasIncluded = true;
            }

            orPending = false;
        }

        return (groups, excluded);
    }

    private static SearchTerm Term(Token token) => new(CollapseSpaces(token.Text), token.Prefix);

    /// <summary>
    /// An FTS5 string literal: inside double quotes nothing is an operator, a doubled quote is a
    /// quote, and several tokens form a phrase. A trailing * after the closing quote is a prefix.
    /// </summary>
    private static string Literal(Token term) =>
        "\"" + term.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (term.Prefix ? "*" : "");

    /// <summary>
    /// Whether the unicode61 tokenizer (default categories L*, N*, Co) would find a token in the text.
    /// SQLite's tables are older than .NET's: checked over all code points, 21 (New Tai Lue signs and
    /// two Vedic signs, letters only since Unicode 8) count here but not in SQLite. A term of only
    /// those matches nothing, which is safe. Characters SQLite keeps but .NET does not (e.g. newer
    /// emoji) are dropped here, which only widens a search.
    /// </summary>
    private static bool HasTokenCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                case UnicodeCategory.PrivateUse:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private enum TokenKind
    {
        Term,
        Or,
        Filter,
    }

    /// <summary>A lexed piece of the query; <see cref="Field"/> is set for filters only.</summary>
    private sealed record Token(TokenKind Kind, string Text, bool Prefix, bool Exclude, EntityKind? Field);
}
