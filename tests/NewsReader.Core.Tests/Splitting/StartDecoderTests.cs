using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class StartDecoderTests
{
    private static readonly DecoderSettings ShortStoriesUnlikely = new(0, [-5, -2]);

    [Fact]
    public void Decode_Neutral_StartsWhereMoreLikelyThanNot()
    {
        float[] p = [1, 0.1f, 0.9f, 0.2f, 0.6f, 0.4f];

        Assert.Equal([0, 2, 4], StartDecoder.Decode(p, DecoderSettings.Neutral));
    }

    [Fact]
    public void Decode_TwoLikelyStartsSideBySide_KeepsTheLikelierWhenOneParagraphStoriesAreUnlikely()
    {
        float[] p = [1, 0.05f, 0.05f, 0.05f, 0.8f, 0.95f, 0.05f, 0.05f, 0.05f];

        Assert.Equal([0, 5], StartDecoder.Decode(p, ShortStoriesUnlikely));
    }

    [Fact]
    public void Decode_OneParagraphLastStory_FoldedIntoTheStoryBefore()
    {
        float[] p = [1, 0.05f, 0.05f, 0.05f, 0.7f];

        Assert.Equal([0], StartDecoder.Decode(p, ShortStoriesUnlikely));
    }

    [Fact]
    public void Decode_PersonsDecisions_BeatTheModel()
    {
        float[] p = [1, 0.05f, 0.05f, 0.99f, 0.05f, 0.05f, 0.05f];

        var starts = StartDecoder.Decode(p, ShortStoriesUnlikely, i => i switch { 3 => false, 5 => true, _ => null });

        Assert.Equal([0, 5], starts);
    }

    [Fact]
    public void Decode_Bias_MovesTheThreshold()
    {
        float[] p = [1, 0.05f, 0.05f, 0.4f, 0.05f, 0.05f];

        Assert.Equal([0], StartDecoder.Decode(p, DecoderSettings.Neutral));
        Assert.Equal([0, 3], StartDecoder.Decode(p, new DecoderSettings(1, [])));
    }

    [Fact]
    public void Decode_EmptyAndSingle_AreTrivial()
    {
        Assert.Empty(StartDecoder.Decode([], DecoderSettings.Neutral));
        Assert.Equal([0], StartDecoder.Decode([1f], ShortStoriesUnlikely));
    }
}
