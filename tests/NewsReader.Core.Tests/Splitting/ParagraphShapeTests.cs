using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class ParagraphShapeTests
{
    private static readonly SplitterLexicon Lexicon = SplitterLexicon.Default;

    [Theory]
    [InlineData("Image Credits: Brightwave Robotics")]
    [InlineData("Image Credit: Getty")]
    [InlineData("BERLIN - MAY 3: A robot at work. (Photo by Max Roe/Getty Images)")]
    [InlineData("Photo: Kestrel Bank")]
    public void IsCaption_CaptionMarkers_True(string text) => Assert.True(ParagraphShape.IsCaption(text, Lexicon));

    [Fact]
    public void IsCaption_BodyText_False() =>
        Assert.False(ParagraphShape.IsCaption("Kestrel Bank said on Tuesday it will cut 1,200 jobs.", Lexicon));

    [Theory]
    [InlineData("A shifting dynamic")]
    [InlineData("China as a target for expansion")]
    [InlineData("WeChat and TikTok’s uncertain future in the U.S.")]
    [InlineData("Lena Hartmann, Brightwave CEO")]
    public void IsShortUnpunctuated_Subheadings_True(string text) => Assert.True(ParagraphShape.IsShortUnpunctuated(text));

    [Theory]
    [InlineData("The bank said it would cut jobs.")]
    [InlineData("Here are some excerpts from our conversation:")]
    [InlineData("How does it change things?")]
    [InlineData("lower-case start of a line")]
    public void IsShortUnpunctuated_SentencesAndLeadIns_False(string text) => Assert.False(ParagraphShape.IsShortUnpunctuated(text));

    [Theory]
    [InlineData("TechPress: Why now?")]
    [InlineData("Lena Hartmann: Customers kept asking.")]
    [InlineData("Q: What next?")]
    public void HasSpeakerLabel_TranscriptLines_True(string text) => Assert.True(ParagraphShape.HasSpeakerLabel(text));

    [Theory]
    [InlineData("In a statement, the bank said: “We are sorry.”")]
    [InlineData("BERLIN, GERMANY - MAY 3: A robot at work.")]
    public void HasSpeakerLabel_OtherColons_False(string text) => Assert.False(ParagraphShape.HasSpeakerLabel(text));

    [Fact]
    public void IsQuestion_EndsWithQuestionMark_True() => Assert.True(ParagraphShape.IsQuestion("What made you decide?"));

    [Fact]
    public void StartsWithQuote_TypographicQuote_True() => Assert.True(ParagraphShape.StartsWithQuote("“We are thrilled,” she said."));

    [Fact]
    public void LooselyEqual_DashesQuotesSpacesAndCaseDiffer_True() =>
        Assert.True(ParagraphShape.LooselyEqual("BEIJING – SEPT 19: a “smart” shop", "Beijing - Sept 19: a \"smart\"  shop"));

    [Theory]
    [InlineData("Sept 19: a shop", "Sept 19: a shops")]
    [InlineData("Sept 19: a shops", "Sept 19: a shop")]
    [InlineData("a shop", "a ship")]
    [InlineData("– —", "– —")] // no letters or digits: nothing to call a repeat
    [InlineData("", "")]
    public void LooselyEqual_LettersOrDigitsDifferOrNone_False(string a, string b) =>
        Assert.False(ParagraphShape.LooselyEqual(a, b));

    [Fact]
    public void LooselyEqual_NonAsciiLettersInOtherCase_True() =>
        Assert.True(ParagraphShape.LooselyEqual("ÉCOLE à Zürich", "école À ZÜRICH!"));

    [Fact]
    public void LooseHash_LooselyEqualTexts_SameHash() =>
        Assert.Equal(ParagraphShape.LooseHash("A – b"), ParagraphShape.LooseHash("a - B"));
}
