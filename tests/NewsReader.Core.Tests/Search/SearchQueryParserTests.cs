using Microsoft.Data.Sqlite;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Tests.Search;

public sealed class SearchQueryParserTests : IDisposable
{
    // Rows for the tests that run the produced expression against real FTS5 (rowid = position + 1).
    private static readonly string[][] Rows =
    [
        ["Tesla cuts prices in China", "Electric cars get cheaper", "Tesla lowered prices again.", "Tesla; China"],
        ["Ford recalls trucks", "A recall of pickup trucks", "Ford said the trucks will be fixed.", "Ford; United States"],
        ["Sun Art opens stores", "The retailer grows", "Sun Art Retail opened new hypermarkets in China.", "Sun Art Retail; China"],
        ["Café culture in Paris", "Coffee and croissants", "The cafés of Paris are running out of staff.", "France"],
        ["Microsoft buys a startup", "Deal for cloud tools", "Microsoft and the art of the deal, or not.", "Microsoft"],
    ];

    private readonly SqliteConnection _db = SearchQueryTestDb.Open(Rows);

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Parse_NullOrBlank_ReturnsEmpty(string? text)
    {
        var query = SearchQueryParser.Parse(text);

        Assert.Null(query.FtsMatch);
        Assert.Empty(query.Filters);
        Assert.True(query.IsEmpty);
    }

    [Fact]
    public void Parse_Words_AreQuotedLiteralsJoinedByAnd()
    {
        var query = SearchQueryParser.Parse("tesla  china");

        Assert.Equal("\"tesla\" AND \"china\"", query.FtsMatch);
        Assert.Equal(["tesla", "china"], query.Terms);
    }

    [Fact]
    public void Parse_QuotedPhrase_IsOneLiteral()
    {
        var query = SearchQueryParser.Parse("\"sun art\" china");

        Assert.Equal("\"sun art\" AND \"china\"", query.FtsMatch);
        Assert.Equal(["sun art", "china"], query.Terms);
    }

    [Fact]
    public void Parse_UnbalancedQuote_PhraseRunsToEnd()
    {
        var query = SearchQueryParser.Parse("tesla \"cuts prices");

        Assert.Equal("\"tesla\" AND \"cuts prices\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_TypographicQuotes_ActAsQuotes()
    {
        var query = SearchQueryParser.Parse("\u201Csun art\u201D");

        Assert.Equal("\"sun art\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_ExcludedWordAndPhrase_GoAfterNot()
    {
        var query = SearchQueryParser.Parse("china -tesla -\"sun art\"");

        Assert.Equal("(\"china\") NOT (\"tesla\" OR \"sun art\")", query.FtsMatch);
        Assert.Equal(["china"], query.Terms);
    }

    [Fact]
    public void Parse_OnlyExclusions_FtsMatchNullAndExcludeOnlyMatchSet()
    {
        var query = SearchQueryParser.Parse("-tesla -ford");

        Assert.Null(query.FtsMatch);
        Assert.Equal("\"tesla\" OR \"ford\"", query.ExcludeOnlyMatch);
        Assert.False(query.IsEmpty);
    }

    [Fact]
    public void Parse_LoneMinus_IsDropped()
    {
        var query = SearchQueryParser.Parse("tesla - ford");

        Assert.Equal("\"tesla\" AND \"ford\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_HyphenInsideWord_IsNotExclusion()
    {
        var query = SearchQueryParser.Parse("state-owned");

        Assert.Equal("\"state-owned\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_UppercaseOr_GroupsNeighbours()
    {
        var query = SearchQueryParser.Parse("china tesla OR ford");

        Assert.Equal("\"china\" AND (\"tesla\" OR \"ford\")", query.FtsMatch);
    }

    [Fact]
    public void Parse_ChainedOr_OneGroup()
    {
        var query = SearchQueryParser.Parse("tesla OR ford OR microsoft");

        Assert.Equal("(\"tesla\" OR \"ford\" OR \"microsoft\")", query.FtsMatch);
    }

    [Fact]
    public void Parse_LowercaseOr_IsAWord()
    {
        var query = SearchQueryParser.Parse("tesla or ford");

        Assert.Equal("\"tesla\" AND \"or\" AND \"ford\"", query.FtsMatch);
    }

    [Theory]
    [InlineData("OR", "\"OR\"")]
    [InlineData("OR tesla", "\"OR\" AND \"tesla\"")]
    [InlineData("tesla OR", "\"tesla\" AND \"OR\"")]
    [InlineData("tesla OR -ford", "(\"tesla\" AND \"OR\") NOT (\"ford\")")]
    [InlineData("OR OR", "\"OR\"")]
    [InlineData("tesla OR OR ford", "(\"tesla\" OR \"ford\")")]
    public void Parse_OrWithoutTwoIncludedNeighbours_IsAWord(string text, string expected)
    {
        Assert.Equal(expected, SearchQueryParser.Parse(text).FtsMatch);
    }

    [Theory]
    [InlineData("AND", "\"AND\"")]
    [InlineData("NOT", "\"NOT\"")]
    [InlineData("NEAR", "\"NEAR\"")]
    [InlineData("tesla NOT ford", "\"tesla\" AND \"NOT\" AND \"ford\"")]
    [InlineData("NEAR(tesla ford, 3)", "\"NEAR(tesla\" AND \"ford,\" AND \"3)\"")]
    public void Parse_Fts5Keywords_AreQuotedWords(string text, string expected)
    {
        Assert.Equal(expected, SearchQueryParser.Parse(text).FtsMatch);
    }

    [Fact]
    public void Parse_Prefix_StarAfterClosingQuote()
    {
        var query = SearchQueryParser.Parse("micro* \"sun ar\"*");

        Assert.Equal("\"micro\"* AND \"sun ar\"*", query.FtsMatch);
        Assert.Equal(["micro", "sun ar"], query.Terms);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("***")]
    [InlineData("-*")]
    [InlineData("\"\"")]
    [InlineData("\"")]
    [InlineData("^ : ( ) { } + , .")]
    [InlineData("😀 🇫🇷 👍🏽")]
    [InlineData("\u0301")]
    public void Parse_NothingTheTokenizerKeeps_ReturnsEmpty(string text)
    {
        var query = SearchQueryParser.Parse(text);

        Assert.Null(query.FtsMatch);
        Assert.Null(query.ExcludeOnlyMatch);
    }

    [Fact]
    public void Parse_EmojiNextToWords_EmojiTermsDropped()
    {
        var query = SearchQueryParser.Parse("tesla 😀 \"🚗\" ford");

        Assert.Equal("\"tesla\" AND \"ford\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_OrAroundDroppedTerm_BindsRemainingNeighbours()
    {
        var query = SearchQueryParser.Parse("tesla OR 😀 OR ford");

        Assert.Equal("(\"tesla\" OR \"ford\")", query.FtsMatch);
    }

    [Theory]
    [InlineData("^tesla", "\"^tesla\"")]
    [InlineData("title:tesla", "\"title:tesla\"")]
    [InlineData("{title body}:tesla", "\"{title\" AND \"body}:tesla\"")]
    [InlineData("(tesla)", "\"(tesla)\"")]
    [InlineData("+tesla", "\"+tesla\"")]
    public void Parse_Fts5Syntax_BecomesLiteralText(string text, string expected)
    {
        Assert.Equal(expected, SearchQueryParser.Parse(text).FtsMatch);
    }

    [Fact]
    public void Parse_QuoteInsideWord_StartsPhrase()
    {
        var query = SearchQueryParser.Parse("tesla\"cuts prices\"");

        Assert.Equal("\"tesla\" AND \"cuts prices\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_Fields_BecomeFiltersNotText()
    {
        var query = SearchQueryParser.Parse("company:Tesla country:China topic:cars tag:later");

        Assert.Null(query.FtsMatch);
        Assert.Equal(
            [
                new FieldFilter(EntityKind.Company, "Tesla", false),
                new FieldFilter(EntityKind.Country, "China", false),
                new FieldFilter(EntityKind.Topic, "cars", false),
                new FieldFilter(EntityKind.Tag, "later", false),
            ],
            query.Filters);
    }

    [Fact]
    public void Parse_QuotedFieldValue_QuotesRemoved()
    {
        var query = SearchQueryParser.Parse("company:\" Sun Art \" stores");

        Assert.Equal([new FieldFilter(EntityKind.Company, "Sun Art", false)], query.Filters);
        Assert.Equal("\"stores\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_ExcludedField_ExcludeSet()
    {
        var query = SearchQueryParser.Parse("cars -country:China");

        Assert.Equal([new FieldFilter(EntityKind.Country, "China", true)], query.Filters);
        Assert.Equal("\"cars\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_FieldNameAnyCase_ItsKind()
    {
        var query = SearchQueryParser.Parse("Company:Ford");

        Assert.Equal([new FieldFilter(EntityKind.Company, "Ford", false)], query.Filters);
    }

    [Theory]
    [InlineData("company:")]
    [InlineData("company:\"\"")]
    [InlineData("company:\"   ")]
    public void Parse_FieldWithoutValue_Ignored(string text)
    {
        Assert.True(SearchQueryParser.Parse(text).IsEmpty);
    }

    [Fact]
    public void Parse_UnknownField_IsText()
    {
        var query = SearchQueryParser.Parse("author:smith");

        Assert.Empty(query.Filters);
        Assert.Equal("\"author:smith\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_DuplicateFilters_KeptOnce()
    {
        var query = SearchQueryParser.Parse("tag:x tag:x");

        Assert.Single(query.Filters);
    }

    [Fact]
    public void Parse_ControlCharactersAndLoneSurrogates_TreatedAsSpaces()
    {
        var query = SearchQueryParser.Parse("tes\u0000la\u0007ford\uD800china");

        Assert.Equal("\"tes\" AND \"la\" AND \"ford\" AND \"china\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_DecomposedAccents_NormalisedToNfc()
    {
        var query = SearchQueryParser.Parse("cafe\u0301");

        Assert.Equal("\"caf\u00E9\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_ManyTerms_CappedAtMaxTerms()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i));

        var query = SearchQueryParser.Parse(text);

        Assert.Equal(SearchQueryParser.MaxTerms, query.Terms.Count);
        Assert.Equal("w31", query.Terms[^1]);
    }

    [Fact]
    public void Parse_TenThousandCharacters_CappedAtMaxInputLength()
    {
        var query = SearchQueryParser.Parse(new string('a', 10_000));

        Assert.Equal("\"" + new string('a', SearchQueryParser.MaxInputLength) + "\"", query.FtsMatch);
    }

    [Fact]
    public void Parse_CapFallsInsideSurrogatePair_PairDroppedWhole()
    {
        var text = new string('a', SearchQueryParser.MaxInputLength - 1) + "😀";

        var query = SearchQueryParser.Parse(text);

        Assert.Equal("\"" + new string('a', SearchQueryParser.MaxInputLength - 1) + "\"", query.FtsMatch);
    }

    // The same queries run against real SQLite FTS5 (porter unicode61 remove_diacritics 2).

    [Theory]
    [InlineData("tesla china", new long[] { 1 })]
    [InlineData("china", new long[] { 1, 3 })]
    [InlineData("tesla OR ford", new long[] { 1, 2 })]
    [InlineData("china tesla OR ford", new long[] { 1 })]
    [InlineData("\"sun art\"", new long[] { 3 })]
    [InlineData("\"art sun\"", new long[] { })]
    [InlineData("china -tesla", new long[] { 3 })]
    [InlineData("china -\"sun art\"", new long[] { 1 })]
    [InlineData("micro*", new long[] { 5 })]
    [InlineData("\"sun ar\"*", new long[] { 3 })]
    [InlineData("cafe", new long[] { 4 })]
    [InlineData("CAFÉS", new long[] { 4 })]
    [InlineData("run", new long[] { 4 })]
    [InlineData("NOT", new long[] { 5 })]
    [InlineData("tesla or", new long[] { })]
    [InlineData("art OR or", new long[] { 3, 5 })]
    [InlineData("sun-art", new long[] { 3 })]
    [InlineData("tesla 😀", new long[] { 1 })]
    [InlineData("title:tesla", new long[] { })]
    [InlineData("company:Tesla", null)]
    public void Parse_RunAgainstFts5_MatchesExpectedRows(string text, long[]? expected)
    {
        var query = SearchQueryParser.Parse(text);

        if (expected is null)
        {
            Assert.Null(query.FtsMatch);
        }
        else
        {
            Assert.Equal(expected, SearchQueryTestDb.Match(_db, query.FtsMatch!));
        }
    }

    [Fact]
    public void Parse_OnlyExclusions_ExcludeOnlyMatchFindsRowsToRemove()
    {
        var query = SearchQueryParser.Parse("-china");

        Assert.Equal([1L, 3L], SearchQueryTestDb.Match(_db, query.ExcludeOnlyMatch!));
    }
}

/// <summary>An in-memory FTS5 table shaped like the store's <c>articles_fts</c>, for query tests.</summary>
internal static class SearchQueryTestDb
{
    public static SqliteConnection Open(IEnumerable<string[]> rows)
    {
        var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        using (var create = db.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE articles_fts USING fts5(title, summary, body, entities, "
                + "tokenize='porter unicode61 remove_diacritics 2')";
            create.ExecuteNonQuery();
        }

        foreach (var row in rows)
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO articles_fts (title, summary, body, entities) VALUES ($t, $s, $b, $e)";
            insert.Parameters.AddWithValue("$t", row[0]);
            insert.Parameters.AddWithValue("$s", row[1]);
            insert.Parameters.AddWithValue("$b", row[2]);
            insert.Parameters.AddWithValue("$e", row[3]);
            insert.ExecuteNonQuery();
        }

        return db;
    }

    /// <summary>Rowids matching <paramref name="match"/>, ascending; throws if SQLite rejects it.</summary>
    public static long[] Match(SqliteConnection db, string match)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $q ORDER BY rowid";
        command.Parameters.AddWithValue("$q", match);
        using var reader = command.ExecuteReader();
        var rowids = new List<long>();
        while (reader.Read())
        {
            rowids.Add(reader.GetInt64(0));
        }

        return [.. rowids];
    }
}
