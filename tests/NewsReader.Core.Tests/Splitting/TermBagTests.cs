using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class TermBagTests
{
    private static readonly SplitterLexicon Lexicon = SplitterLexicon.Default;

    [Fact]
    public void Cosine_SameText_One()
    {
        var numbers = new HashTable();
        var a = TermBag.Of("Regulators approved the merger of two telecom operators on Tuesday.", Lexicon, numbers);
        var b = TermBag.Of("Regulators approved the merger of two telecom operators on Tuesday.", Lexicon, numbers);

        Assert.Equal(1.0, TermBag.Cosine(a, b, new int[numbers.Count + 1]), 6);
    }

    [Fact]
    public void Cosine_NoSharedContentWord_Zero()
    {
        var numbers = new HashTable();
        var a = TermBag.Of("Regulators approved the merger of telecom operators.", Lexicon, numbers);
        var b = TermBag.Of("A striker scored twice in the cup final.", Lexicon, numbers);

        Assert.Equal(0.0, TermBag.Cosine(a, b, new int[numbers.Count + 1]));
    }

    [Fact]
    public void Of_PluralAndPossessive_SameTermAsSingular()
    {
        var numbers = new HashTable();
        var plural = TermBag.Of("the networks", Lexicon, numbers);
        var possessive = TermBag.Of("the network's", Lexicon, numbers);

        Assert.Equal(plural.Terms.ToArray(), possessive.Terms.ToArray());
    }

    [Fact]
    public void Of_NameMidSentence_CountsTwiceAndIsListedOnce()
    {
        var numbers = new HashTable();
        var bag = TermBag.Of("The deal gives Huawei access, and Huawei agreed.", Lexicon, numbers);

        Assert.Single(bag.Names.ToArray());
        Assert.Equal(WordScanner.TermHash("Huawei"), bag.Names[0]);
        Assert.Equal(4, bag.Terms.ToArray().Count(t => t == bag.Terms[2]));
    }

    [Fact]
    public void Of_FunctionWordsAndNumbers_Dropped()
    {
        var bag = TermBag.Of("the and of 2024 it", Lexicon, new HashTable());

        Assert.Equal(0, bag.TermCount);
    }

    [Fact]
    public void Fill_Reused_ForgetsPreviousText()
    {
        var numbers = new HashTable();
        var counts = new int[1];
        var bag = new TermBag();
        bag.Fill("Regulators approved the merger of telecom operators.", Lexicon, numbers, ref counts);
        bag.Fill("A striker scored.", Lexicon, numbers, ref counts);

        Assert.Equal(2, bag.TermCount);
        Assert.Equal(2, bag.SquaredNorm);
        Assert.All(counts, c => Assert.Equal(0, c));
    }
}
