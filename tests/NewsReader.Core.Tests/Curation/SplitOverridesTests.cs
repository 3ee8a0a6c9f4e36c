using NewsReader.Core.Tests.Splitting;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Curation;

public sealed class SplitOverridesTests
{
    private static SeedText Read(string text) => SeedReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "t.txt");

    [Fact]
    public void Split_JoinOverride_NoStoryStartsThere()
    {
        var text = Read(CurationFiles.ThreeStories());
        var plain = SeedSplitter.Split(text);
        Assert.Equal(3, plain.Articles.Count);
        var key = BoundaryKey.Of(plain.Articles[0].Paragraphs[^1].Text, plain.Articles[1].Paragraphs[0].Text);

        var joined = SeedSplitter.Split(text, new SplitOverrides([KeyValuePair.Create(key, false)]));

        Assert.Equal(2, joined.Articles.Count);
        Assert.Equal(plain.Articles[0].Paragraphs.Concat(plain.Articles[1].Paragraphs), joined.Articles[0].Paragraphs);
        Assert.Equal(plain.Articles[2].Paragraphs, joined.Articles[1].Paragraphs);
    }

    [Fact]
    public void Split_SplitOverride_StoryStartsThereWithFullConfidence()
    {
        var text = Read(CurationFiles.ThreeStories());
        var plain = SeedSplitter.Split(text);
        var story = plain.Articles[1].Paragraphs;
        var key = BoundaryKey.Of(story[1].Text, story[2].Text);

        var split = SeedSplitter.Split(text, new SplitOverrides([KeyValuePair.Create(key, true)]));

        Assert.Equal(4, split.Articles.Count);
        Assert.Equal(story.Take(2), split.Articles[1].Paragraphs);
        Assert.Equal(story.Skip(2), split.Articles[2].Paragraphs);
        Assert.Equal(1.0, split.Articles[2].StartConfidence);
    }

    [Fact]
    public void Split_KeyOfOtherText_ChangesNothing()
    {
        var text = Read(CurationFiles.ThreeStories());

        var split = SeedSplitter.Split(text, new SplitOverrides([KeyValuePair.Create(BoundaryKey.Of("a", "b"), false)]));

        Assert.Equal(SeedSplitter.Split(text).Articles.Select(a => a.Paragraphs.Count), split.Articles.Select(a => a.Paragraphs.Count));
    }
}
