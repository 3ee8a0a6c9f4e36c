using NewsReader.Core.Splitting;
using static NewsReader.Core.Tests.Splitting.SplitTestText;

namespace NewsReader.Core.Tests.Splitting;

public class DuplicateFinderTests
{
    private static SplitArticle Story(params string[] paragraphs) =>
        new(null, [.. paragraphs.Select(p => new Paragraph(p))], 1, null, 1.0);

    [Fact]
    public void Flag_ExactRepeat_PointsToFirst()
    {
        var result = DuplicateFinder.Flag([Story(Robotics), Story(Bank), Story(Robotics)]);

        Assert.Equal([null, null, 0], result.Select(a => a.DuplicateOf));
    }

    [Fact]
    public void Flag_NearRepeatWithOneWordChanged_Flagged()
    {
        string[] edited = [.. Robotics];
        edited[3] = edited[3].Replace("triple", "double", StringComparison.Ordinal);
        string[] longer = [.. Robotics, .. Satellites];
        string[] longerEdited = [.. edited, .. Satellites];

        var result = DuplicateFinder.Flag([Story(longer), Story(Bank), Story(longerEdited)]);

        Assert.Equal(0, result[2].DuplicateOf);
    }

    [Fact]
    public void Flag_ShortStoryRepeatedWithAParagraphDropped_Flagged()
    {
        // Dropping one of three paragraphs leaves a resemblance near 0.6: the shorter copy is held whole in the longer.
        string[] story = [.. Bank[..3]];
        string[] trimmed = [story[0], story[2]];

        var result = DuplicateFinder.Flag([Story(story), Story(Robotics), Story(trimmed)]);

        Assert.Equal([null, null, 0], result.Select(a => a.DuplicateOf));
    }

    [Fact]
    public void Flag_OneParagraphOfALongStoryOnItsOwn_NotFlagged()
    {
        string[] longer = [.. Robotics, .. Satellites, .. Bank];

        var result = DuplicateFinder.Flag([Story(longer), Story(Robotics[0])]);

        Assert.All(result, a => Assert.Null(a.DuplicateOf));
    }

    [Fact]
    public void Flag_SameTopicDifferentText_NotFlagged()
    {
        string[] half = [.. Robotics[..2], .. Bank[2..]];

        var result = DuplicateFinder.Flag([Story(Robotics), Story(half)]);

        Assert.All(result, a => Assert.Null(a.DuplicateOf));
    }

    [Fact]
    public void Flag_RepeatWithDifferentCaption_StillFlagged()
    {
        var first = new SplitArticle(null, [.. Robotics.Select(p => new Paragraph(p)), new Paragraph("Image Credits: A", ParagraphKind.Caption)], 1, null, 1);
        var second = new SplitArticle(null, [.. Robotics.Select(p => new Paragraph(p)), new Paragraph("Image Credits: B", ParagraphKind.Caption)], 9, null, 1);

        Assert.Equal(0, DuplicateFinder.Flag([first, second])[1].DuplicateOf);
    }

    [Fact]
    public void Resemblance_IdenticalSets_One()
    {
        var s = DuplicateFinder.Shingles([new Paragraph(Robotics[0])]);

        Assert.Equal(1.0, DuplicateFinder.Resemblance(s, s));
    }

    [Fact]
    public void Shingles_CaseAndPunctuation_Ignored()
    {
        var a = DuplicateFinder.Shingles([new Paragraph("Kestrel Bank will cut jobs.")]);
        var b = DuplicateFinder.Shingles([new Paragraph("kestrel bank will cut jobs")]);

        Assert.Equal(1.0, DuplicateFinder.Resemblance(a, b));
    }
}
