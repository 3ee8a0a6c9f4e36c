using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class BoundaryScorerTests
{
    private static SourceParagraph P(string text, ParagraphKind kind = ParagraphKind.Text) => new(text, 1, kind);

    [Theory]
    [InlineData("“A quote that goes on long enough to be a full paragraph of text,” she said.")]
    [InlineData("What made you decide to go ahead with this deal this time around, after all those years?")]
    [InlineData("TechPress: Walk me through how that deal came about, and what the timeline was for you.")]
    [InlineData("Too short to lead.")]
    public void IsCandidate_QuoteQuestionSpeakerOrShort_False(string text) => Assert.False(BoundaryScorer.IsCandidate(P(text)));

    [Fact]
    public void IsCandidate_Subheading_False() => Assert.False(BoundaryScorer.IsCandidate(P("A shifting dynamic", ParagraphKind.Subheading)));

    [Fact]
    public void RepeatedRuns_RunRepeatedLater_MarksStartOfRepeatOnly()
    {
        var a = P("Paragraph one of the first story, long enough to count as text.");
        var b = P("Paragraph two of the first story, long enough to count as text.");
        var c = P("Paragraph one of another story that is also long enough to count.");

        var starts = BoundaryScorer.RepeatedRuns([a, b, c, a, b]).Select(r => r.Start);

        Assert.Equal([3], starts);
    }

    [Fact]
    public void RepeatedRuns_RepeatWithOneEditedParagraph_IsOneRunWithBothCopiesBounds()
    {
        var a = P("Paragraph one of the first story, long enough to count as text.");
        var b = P("Paragraph two of the first story, long enough to count as text.");
        var c = P("Paragraph three of the first story, long enough to count as text.");
        var cEdited = P("Paragraph three of the first story, edited, long enough to count as text.");
        var d = P("Paragraph four of the first story, long enough to count as text.");
        var x = P("Paragraph one of another story that is also long enough to count.");
        var y = P("Paragraph one of a third story that is also long enough to count.");

        var runs = BoundaryScorer.RepeatedRuns([a, b, c, d, x, a, b, cEdited, d, y]);

        Assert.Equal([new RepeatedRun(Start: 5, End: 9, SourceStart: 0, SourceEnd: 4)], runs);
    }

    [Fact]
    public void RepeatedRuns_FourCopiesInARow_EachCopyIsOneRunOfTheFirst()
    {
        var a = P("Paragraph one of the first story, long enough to count as text.");
        var b = P("Paragraph two of the first story, long enough to count as text.");

        Assert.Equal(
            [
                new RepeatedRun(Start: 2, End: 4, SourceStart: 0, SourceEnd: 2),
                new RepeatedRun(Start: 4, End: 6, SourceStart: 0, SourceEnd: 2),
                new RepeatedRun(Start: 6, End: 8, SourceStart: 0, SourceEnd: 2),
            ],
            BoundaryScorer.RepeatedRuns([a, b, a, b, a, b, a, b]));
    }

    [Fact]
    public void RepeatedRuns_RepeatAtEndOfFile_EndsAtParagraphCount()
    {
        var a = P("Paragraph one of the first story, long enough to count as text.");
        var b = P("Paragraph two of the first story, long enough to count as text.");
        var x = P("Paragraph one of another story that is also long enough to count.");

        Assert.Equal([new RepeatedRun(Start: 3, End: 5, SourceStart: 0, SourceEnd: 2)], BoundaryScorer.RepeatedRuns([a, b, x, a, b]));
    }

    [Fact]
    public void RepeatedRuns_ShortLeadLineBeforeBothCopies_IsPartOfTheRun()
    {
        var x = P("Paragraph one of another story that is also long enough to count.");
        var lead = P("Soon you could shop by voice.");
        var a = P("Paragraph one of the first story, long enough to count as text.");
        var b = P("Paragraph two of the first story, long enough to count as text.");
        var y = P("Paragraph one of a third story that is also long enough to count.");

        Assert.Equal([new RepeatedRun(Start: 5, End: 8, SourceStart: 1, SourceEnd: 4)], BoundaryScorer.RepeatedRuns([x, lead, a, b, y, lead, a, b]));
    }

    [Fact]
    public void RepeatedRuns_DifferentShortLinesBeforeTheCopies_RunStartsAtTheRepeatedText()
    {
        var x = P("Paragraph one of another story that is also long enough to count.");
        var a = P("Paragraph one of the first story, long enough to count as text.");
        var b = P("Paragraph two of the first story, long enough to count as text.");
        var y = P("Paragraph one of a third story that is also long enough to count.");

        Assert.Equal(
            [new RepeatedRun(Start: 6, End: 8, SourceStart: 2, SourceEnd: 4)],
            BoundaryScorer.RepeatedRuns([x, P("Soon you could shop by voice."), a, b, y, P("Later you could pay by face."), a, b]));
    }

    [Fact]
    public void RepeatedRuns_SingleRepeatedParagraph_NotARun()
    {
        var a = P("A paragraph that happens to appear twice in the file, long enough.");
        var b = P("Something else entirely that is long enough to count as body text.");
        var c = P("A third paragraph that is long enough to count as body text too.");

        Assert.Empty(BoundaryScorer.RepeatedRuns([a, b, a, c]));
    }

}
