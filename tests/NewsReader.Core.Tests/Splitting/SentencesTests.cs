using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class SentencesTests
{
    [Theory]
    [InlineData("The U.S. Commerce Department said so. Then it left.", "The U.S. Commerce Department said so.")]
    [InlineData("Kestrel Inc. said it will grow. Others did not.", "Kestrel Inc. said it will grow.")]
    [InlineData("Author J. Smith wrote it. Fine.", "Author J. Smith wrote it.")]
    [InlineData("“We won,” she said. Next.", "“We won,” she said.")]
    [InlineData("It costs $3.6 billion. Yes.", "It costs $3.6 billion.")]
    [InlineData("No end here", "No end here")]
    public void FirstLength_Abbreviations_NotSentenceEnds(string text, string first) =>
        Assert.Equal(first, text[..Sentences.FirstLength(text, SplitterLexicon.Default)].Trim());

    [Fact]
    public void Split_ThreeSentences_ThreeParts() =>
        Assert.Equal(3, Sentences.Split("One is here. Two is here! Three?", SplitterLexicon.Default).Count);
}
