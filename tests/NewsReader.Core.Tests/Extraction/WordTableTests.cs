using NewsReader.Core.Extraction;

namespace NewsReader.Core.Tests.Extraction;

public class WordTableTests
{
    [Fact]
    public void Set_ManyWords_AllFoundAfterGrowing()
    {
        var table = new WordTable<int>();
        for (var i = 0; i < 1000; i++)
        {
            table.Set("word" + i, i);
        }

        Assert.Equal(1000, table.Count);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(table.TryGetValue("word" + i, out var v));
            Assert.Equal(i, v);
        }

        Assert.False(table.TryGetValue("word1000", out _));
    }

    [Fact]
    public void TryGetValue_ManyAbsentWords_NoneFoundAndPresentOnesStillAre()
    {
        var table = new WordTable<int>();
        table.Set("chip", 1);
        table.Set("merger", 2);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.False(table.TryGetValue("absent" + i, out _));
        }

        Assert.Equal(1, table.GetValueOrDefault("chip"));
        Assert.Equal(2, table.GetValueOrDefault("merger"));
    }

    [Fact]
    public void Set_SameKeyTwice_ReplacesTheValue()
    {
        var table = new WordTable<string>();
        table.Set("acme", "first");
        table.Set("acme", "second");

        Assert.Equal(1, table.Count);
        Assert.Equal("second", table.GetValueOrDefault("acme"));
    }

    [Fact]
    public void TryGetValue_KeysAreOrdinal_CaseMatters()
    {
        var table = new WordTable<int>();
        table.Set("us", 1);

        Assert.False(table.TryGetValue("US", out _));
        Assert.Equal(0, table.GetValueOrDefault("Us"));
    }

    [Fact]
    public void TryGetValue_SliceOfLongerText_MatchesByContent()
    {
        var table = new WordTable<int>();
        table.Set("acqui", 7);
        var text = "acquisition".AsSpan(0, 5);

        Assert.True(table.TryGetValue(text, WordHash.Of(text), out var v));
        Assert.Equal(7, v);
    }

    [Fact]
    public void TryGetValue_KeysWithTheSameHash_AreKeptApart()
    {
        var table = new WordTable<int>();
        table.Set("alpha", 5, 1);
        table.Set("beta", 5, 2);

        Assert.True(table.TryGetValue("alpha", 5, out var a));
        Assert.True(table.TryGetValue("beta", 5, out var b));
        Assert.Equal((1, 2), (a, b));
        Assert.False(table.TryGetValue("gamma", 5, out _));
    }

    [Fact]
    public void Step_OneCharacterAtATime_GivesTheHashOfEachPrefix()
    {
        var h = WordHash.Seed;
        foreach (var c in "chip")
        {
            h = WordHash.Step(h, c);
        }

        Assert.Equal(WordHash.Of("chip"), h);
        Assert.NotEqual(WordHash.Of("chip"), WordHash.Of("chips"));
    }

    [Fact]
    public void Tokenize_Token_CarriesTheHashOfItsLowerCaseForm()
    {
        var tokens = new List<TextToken>();
        TextTokenizer.Tokenize("Tencent TENCENT tencent", 0, tokens);

        Assert.All(tokens, t => Assert.Equal(WordHash.Of("tencent"), t.Hash));
    }
}
