using System.Text;
using NewsReader.Core.Search;

namespace NewsReader.Core.Tests.Search;

public sealed class SearchQueryFuzzTests
{
    private const int Queries = 10_000;

    // Pieces a hostile or careless reader might type: FTS5 operators and syntax, quotes, field
    // syntax, emoji (with joiners and skin tones), combining marks, control characters, lone
    // surrogates, other scripts, and ordinary words so that some queries do match rows.
    private static readonly string[] Pieces =
    [
        "\"", "\"\"", "'", "(", ")", "{", "}", "[", "]", "^", ":", "*", "**", "-", "--", "+", ",", ".",
        "/", "\\", "|", "&", "~", "?", "!", "#", "%", "$", "@", ";", "=", "<", ">", "`",
        "NEAR", "NEAR(", "NEAR/3", "AND", "OR", "NOT", "and", "or", "not", "near",
        "company:", "country:", "topic:", "tag:", "title:", "body:", "-company:", "{title body}:", "rowid:",
        "tesla", "china", "sun", "art", "café", "micro", "running", "x",
        "😀", "👍🏽", "🇫🇷", "👩‍👩‍👧", "\u200D", "\uFE0F", "\u0301", "\u00AD",
        "\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\t", "\n", "\r",
        "\uD800", "\uDC00", "\uFFFF", "\uFFFD", "\u2028",
        "中文", "Ελλάδα", "مرحبا", "हैलो", "١٢٣", "Ⅲ", "\uE000",
        "\u201C", "\u201D", "\uFF02", "\u00A0", "\u3000",
    ];

    internal static readonly string[][] Rows =
    [
        ["Tesla in China", "Electric cars", "Tesla lowered prices; or not.", "Tesla; China"],
        ["Sun Art opens stores", "Retail", "Sun Art Retail opened hypermarkets (and more).", "Sun Art Retail"],
        ["Café culture", "Coffee", "The cafés are running \"NEAR\" capacity: 100%.", "France"],
    ];

    [Fact]
    public void Parse_TenThousandRandomQueries_NeverThrowsAndSqliteAcceptsEveryMatch()
    {
        using var db = SearchQueryTestDb.Open(Rows);
        var random = new Random(20261127);
        var matched = 0;

        for (var n = 0; n < Queries; n++)
        {
            var text = RandomQuery(random);
            try
            {
                var query = SearchQueryParser.Parse(text);
                Assert.NotNull(query.Filters);
                if (query.FtsMatch is not null)
                {
                    Assert.NotEmpty(query.FtsMatch);
                    matched += SearchQueryTestDb.Match(db, query.FtsMatch).Length > 0 ? 1 : 0;
                }

                if (query.ExcludeOnlyMatch is not null)
                {
                    SearchQueryTestDb.Match(db, query.ExcludeOnlyMatch);
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"Query #{n} {Escape(text)} failed: {ex.Message}");
            }
        }

        // Guards against a generator or parser that only ever produces empty queries.
        Assert.True(matched > 100, $"only {matched} queries matched any row");
    }

    /// <summary>A random query from the pieces (also the PostgreSQL engine's fuzz input).</summary>
    internal static string RandomQuery(Random random)
    {
        var sb = new StringBuilder();
        var kind = random.Next(100);
        if (kind < 2)
        {
            // A long run of one piece, up to 10,000 characters.
            var piece = Pieces[random.Next(Pieces.Length)];
            while (sb.Length < 10_000)
            {
                sb.Append(piece);
            }

            return sb.ToString();
        }

        var count = kind < 10 ? random.Next(40, 400) : random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) == 0)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    internal static string Escape(string text)
    {
        var shown = text.Length > 200 ? text[..200] + "…" : text;
        var sb = new StringBuilder();
        foreach (var c in shown)
        {
            sb.Append(c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.ToString();
    }
}
