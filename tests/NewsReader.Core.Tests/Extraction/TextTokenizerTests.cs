using NewsReader.Core.Extraction;

namespace NewsReader.Core.Tests.Extraction;

public class TextTokenizerTests
{
    private static List<TextToken> Tokens(string text)
    {
        var list = new List<TextToken>();
        TextTokenizer.Tokenize(text, 0, list);
        return list;
    }

    [Fact]
    public void Tokenize_DottedAbbreviationAtSentenceEnd_KeepsDotAndStartsNextSentence()
    {
        var t = Tokens("Huawei is banned in the U.S. Officials said so.");

        var us = t.Single(x => x.Text == "U.S.");
        Assert.True(t[t.IndexOf(us) + 1].Is(TokenFlags.SentenceStart));
    }

    [Fact]
    public void Tokenize_DottedAbbreviationGluedToNextWord_SplitsThem()
    {
        var t = Tokens("the U.S.will act");

        Assert.Equal(["the", "U.S.", "will", "act"], t.Select(x => x.Text));
    }

    [Fact]
    public void Tokenize_Possessives_AreStrippedAndFlagged()
    {
        var t = Tokens("Tencent’s investment and Canalys’ charts");

        Assert.Equal("Tencent", t[0].Text);
        Assert.True(t[0].Is(TokenFlags.Possessive));
        Assert.Equal("Canalys", t[3].Text);
        Assert.True(t[3].Is(TokenFlags.Possessive));
    }

    [Fact]
    public void Tokenize_HyphenAfterName_SplitsButLowerCaseCompoundsStayWhole()
    {
        var t = Tokens("France-based e-commerce and Coca-Cola");

        Assert.Equal(["France", "based", "e-commerce", "and", "Coca-Cola"], t.Select(x => x.Text));
        Assert.True(t[1].Is(TokenFlags.HyphenBefore));
    }

    [Fact]
    public void Tokenize_CorporateAbbreviation_DoesNotEndSentence()
    {
        var t = Tokens("Acme Inc. said it would grow.");

        Assert.False(t.Single(x => x.Text == "said").Is(TokenFlags.SentenceStart));
    }

    [Fact]
    public void Tokenize_Shapes_AreRecognised()
    {
        var t = Tokens("VSPN and eBay and 36Kr and word");

        Assert.True(t[0].Is(TokenFlags.AllCaps));
        Assert.True(t[2].IsCapitalised);
        Assert.True(t[4].IsCapitalised);
        Assert.False(t[6].IsCapitalised);
    }

    [Fact]
    public void Tokenize_TypographicCharacters_ReadAsPlainOnes()
    {
        var t = Tokens("Café\u00a0Oz said \u201cAcme\u2019s\u201d deal \u2014 done.");

        Assert.Equal(["Café", "Oz", "said", "Acme", "deal", "done"], t.Select(x => x.Text));
        Assert.Equal("", t[1].Gap); // the no-break space is a space
        Assert.Equal("\"", t[3].Gap);
        Assert.True(t[3].Is(TokenFlags.Possessive));
        Assert.Equal("\"", t[4].Gap);
        Assert.Equal("-", t[5].Gap);
    }

    [Theory]
    [InlineData(0, 3, true, "tencent music entertainment")]
    [InlineData(1, 3, false, "Music Entertainment")]
    [InlineData(2, 3, false, "Entertainment")]
    [InlineData(2, 2, true, "")]
    [InlineData(1, 9, false, "Music Entertainment")]
    public void Join_RangeOfWords_EqualsStringJoin(int start, int end, bool lower, string expected)
    {
        var t = Tokens("Tencent Music Entertainment");

        Assert.Equal(expected, TextTokens.Join(t, start, end, lower));
        Assert.Equal(
            string.Join(' ', t.Skip(start).Take(end - start).Select(x => lower ? x.Lower : x.Text)),
            TextTokens.Join(t, start, end, lower));
    }
}
