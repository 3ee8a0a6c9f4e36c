using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class BoundaryFeaturesTests
{
    private static readonly string[] Story =
    [
        "Acme Robotics said on Tuesday it had raised $40 million to build warehouse robots for European retailers.",
        "The company will use the money to hire engineers in Berlin and Lisbon, its chief executive said.",
        "He added that the robots would be on sale to every retailer in the region from next spring.",
        "Shares in Northwind Bank fell 8% on Wednesday after the lender warned that its profits would halve this year:",
        "Analysts had expected a smaller fall in lending income after two years of rising interest rates.",
    ];

    private static readonly string[] RepeatFeatures = ["repeat.start", "repeat.source_start", "repeat.inside", "repeat.after"];

    private static float[] FeaturesAt(IReadOnlyList<string> texts, int i)
    {
        var paragraphs = texts.Select((t, k) => new SourceParagraph(t, (2 * k) + 1, SeedSplitter.Classify(t, SplitterLexicon.Default))).ToList();
        var signals = BoundaryScorer.Score(paragraphs, SplitterLexicon.Default);
        var features = new float[BoundaryFeatures.Count];
        BoundaryFeatures.Write(paragraphs, signals, FileStyle.Of(signals), i, features);
        return features;
    }

    private static float Feature(float[] features, string name) => features[Array.IndexOf(BoundaryFeatures.Names, name)];

    [Fact]
    public void Names_AreUniqueAndGrouped()
    {
        Assert.Equal(BoundaryFeatures.Names.Length, BoundaryFeatures.Names.Distinct().Count());
        Assert.All(BoundaryFeatures.Names, n => Assert.Contains(BoundaryFeatures.GroupOf(n), BoundaryFeatures.Groups));
        Assert.Equal(["lead", "shift", "shape", "before", "after", "repeat"], BoundaryFeatures.Groups);
    }

    [Fact]
    public void Write_PronounOpener_IsDangling()
    {
        var f = FeaturesAt(Story, 2);

        Assert.Equal(1, Feature(f, "lead.dangling"));
        Assert.Equal(0, Feature(f, "lead.time_word"));
    }

    [Fact]
    public void Write_FreshLeadWithTimeWord_ReadsAsLead()
    {
        var f = FeaturesAt(Story, 3);

        Assert.Equal(0, Feature(f, "lead.dangling"));
        Assert.Equal(1, Feature(f, "lead.time_word"));
        Assert.Equal(1, Feature(f, "lead.news_verb"));
        Assert.True(Feature(f, "lead.fresh_names") >= 1);
        Assert.Equal(1, Feature(f, "shape.candidate"));
    }

    [Fact]
    public void Write_NeighboursSignals_ComeFromTheParagraphsAround()
    {
        var second = FeaturesAt(Story, 1);
        var afterColon = FeaturesAt(Story, 4);

        Assert.Equal(1, Feature(second, "after.dangling")); // "He added ..." follows
        Assert.Equal(1, Feature(second, "before.time_word")); // the lead before it says "on Tuesday"
        Assert.Equal(1, Feature(afterColon, "before.ends_colon"));
        Assert.Equal(0, Feature(afterColon, "after.quote")); // the last paragraph: nothing after it
    }

    [Fact]
    public void Write_RepeatedRun_MarksItsStart()
    {
        string[] text = [.. Story, .. Story[..2]];

        Assert.Equal(1, Feature(FeaturesAt(text, 5), "repeat.start"));
        Assert.Equal(0, Feature(FeaturesAt(text, 6), "repeat.start"));
    }

    [Fact]
    public void Write_RepeatedRun_MarksBothCopiesInsidesAndWhatFollowsThem()
    {
        string[] text = [Story[0], Story[1], Story[2], Story[3], Story[4], Story[0], Story[1], Story[2]];

        string[] Places(int i) => [.. RepeatFeatures.Where(n => Feature(FeaturesAt(text, i), n) == 1)];

        Assert.Equal(["repeat.inside"], Places(1)); // inside the earlier copy
        Assert.Equal(["repeat.after"], Places(3)); // the first paragraph after it
        Assert.Empty(Places(4));
        Assert.Equal(["repeat.start"], Places(5));
        Assert.Equal(["repeat.inside"], Places(7));
    }
}
