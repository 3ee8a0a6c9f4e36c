using NewsReader.Core.Dedup;
using NewsReader.Core.Splitting;
using static NewsReader.Core.Tests.Splitting.SplitTestText;

namespace NewsReader.Core.Tests.Dedup;

public class DuplicateFinderTests
{
    private static Paragraph[] Story(params string[] paragraphs) => [.. paragraphs.Select(p => new Paragraph(p))];

    [Fact]
    public void Find_ExactRepeat_PointsToFirst()
    {
        var result = DuplicateFinder.Find([Story(Robotics), Story(Bank), Story(Robotics)]);

        Assert.Equal([null, null, 0], result);
    }

    [Fact]
    public void Find_NearRepeatWithOneWordChanged_Flagged()
    {
        string[] edited = [.. Robotics];
        edited[3] = edited[3].Replace("triple", "double", StringComparison.Ordinal);
        string[] longer = [.. Robotics, .. Satellites];
        string[] longerEdited = [.. edited, .. Satellites];

        var result = DuplicateFinder.Find([Story(longer), Story(Bank), Story(longerEdited)]);

        Assert.Equal(0, result[2]);
    }

    [Fact]
    public void Find_ShortStoryRepeatedWithAParagraphDropped_Flagged()
    {
        // Dropping one of three paragraphs leaves a resemblance near 0.6: the shorter copy is held whole in the longer.
        string[] story = [.. Bank[..3]];
        string[] trimmed = [story[0], story[2]];

        var result = DuplicateFinder.Find([Story(story), Story(Robotics), Story(trimmed)]);

        Assert.Equal([null, null, 0], result);
    }

    [Fact]
    public void Find_OneParagraphOfALongStoryOnItsOwn_NotFlagged()
    {
        string[] longer = [.. Robotics, .. Satellites, .. Bank];

        var result = DuplicateFinder.Find([Story(longer), Story(Robotics[0])]);

        Assert.All(result, Assert.Null);
    }

    [Fact]
    public void Find_SameTopicDifferentText_NotFlagged()
    {
        string[] half = [.. Robotics[..2], .. Bank[2..]];

        var result = DuplicateFinder.Find([Story(Robotics), Story(half)]);

        Assert.All(result, Assert.Null);
    }

    [Fact]
    public void Find_RepeatWithDifferentCaption_StillFlagged()
    {
        Paragraph[] first = [.. Story(Robotics), new Paragraph("Image Credits: A", ParagraphKind.Caption)];
        Paragraph[] second = [.. Story(Robotics), new Paragraph("Image Credits: B", ParagraphKind.Caption)];

        Assert.Equal(0, DuplicateFinder.Find([first, second])[1]);
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
