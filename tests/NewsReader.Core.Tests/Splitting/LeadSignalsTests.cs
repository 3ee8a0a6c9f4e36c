using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class LeadSignalsTests
{
    private static LeadSignals Read(string text, string? lookahead = null, Dictionary<int, int>? known = null) =>
        LeadSignals.Read(text, SplitterLexicon.Default, lookahead, known);

    [Theory]
    [InlineData("Harbourline Shipping Co. reported its largest quarterly loss on Friday, as freight rates fell.")]
    [InlineData("Kestrel Corp. said on Tuesday it would cut 1,200 jobs.")]
    [InlineData("U.S. retailers said on Monday that holiday sales rose 4%.")]
    public void Read_AbbreviationDotInTheLead_DoesNotEndTheFirstSentence(string text)
    {
        var lead = Read(text);

        Assert.True(lead.NewsVerb);
        Assert.True(lead.TimeWord);
    }

    [Fact]
    public void Read_AbbreviationEndingASentence_StillEndsItBeforeAFunctionWord() =>
        Assert.False(Read("Shares rose at Harbourline Shipping Co. The deal was announced on Friday.").TimeWord);

    [Theory]
    [InlineData("He said the robots will arrive soon.")]
    [InlineData("But the bank did not say how many jobs would go.")]
    [InlineData("In other words, the bank is shrinking.")]
    [InlineData("However, unions were not consulted.")]
    [InlineData("We’ve reached out to the bank for comment.")]
    [InlineData("On the regulatory front, the bank faces a fine.")]
    public void Read_DanglingOpener_Dangling(string text) => Assert.True(Read(text).Dangling);

    [Theory]
    [InlineData("It’s official: the Federal Trade Commission has sued Kestrel Bank over two takeovers.")]
    [InlineData("It’s been a busy week for Kestrel Bank, which cut jobs and sold a unit.")]
    [InlineData("It has been a long year for Lumen Skies, whose satellites have been delayed twice.")]
    public void Read_ItPointingAtWhatFollows_NotDangling(string text) => Assert.False(Read(text).Dangling);

    [Theory]
    [InlineData("It’s a big bet for the company, which has never sold hardware.")]
    [InlineData("It has been difficult to hire engineers, the bank said.")]
    [InlineData("It’s been a success so far.")]
    public void Read_ItPointingBack_Dangling(string text) => Assert.True(Read(text).Dangling);

    [Theory]
    [InlineData("This week, Kestrel Bank said it will cut jobs.")]
    [InlineData("Kestrel Bank said on Tuesday it will cut jobs.")]
    public void Read_FreshOpener_NotDangling(string text) => Assert.False(Read(text).Dangling);

    [Fact]
    public void Read_WireDateline_DatelineAndTheSentenceAfterItRead()
    {
        var lead = Read("HONG KONG (Reuters) - Shares of Kestrel Bank tumbled 13% on Monday after regulators opened an inquiry.");

        Assert.True(lead.Dateline);
        Assert.True(lead.TimeWord);
        Assert.False(lead.NamedSubject); // "Shares of ...", not "HONG KONG"
    }

    [Theory]
    [InlineData("In a new report, digital rights group Openlight says it has found lending apps sharing contacts.")]
    [InlineData("A new study by Kestrel Bank finds that most shoppers now pay by phone.")]
    public void Read_DocumentJustOut_TimeWord(string text) => Assert.True(Read(text).TimeWord);

    [Fact]
    public void Read_NoDateline_NoDateline() => Assert.False(Read("Kestrel Bank said on Tuesday it will cut jobs.").Dateline);

    [Fact]
    public void Read_TheCompany_DefiniteReference() => Assert.True(Read("The company said the money will go to hiring.").DefiniteReference);

    [Fact]
    public void Read_TheLowerCaseNoun_DefiniteOpener() => Assert.True(Read("The cuts will fall mostly on branch staff.").DefiniteOpener);

    [Fact]
    public void Read_TheNamedBody_NoDefiniteOpener() => Assert.False(Read("The European Commission said on Monday it would act.").DefiniteOpener);

    [Fact]
    public void Read_PronounBeforeAnyName_EarlyPronoun() => Assert.True(Read("In it, attorneys for the bank argued the fine was too high.").EarlyPronoun);

    [Fact]
    public void Read_ItsAfterCapitalisedSubject_NoEarlyPronoun() =>
        Assert.False(Read("Corvane reported revenue of $2.1 billion for its second quarter on Thursday.").EarlyPronoun);

    [Fact]
    public void Read_HeAfterCapitalisedSubject_EarlyPronoun() =>
        Assert.True(Read("Analysts said he would step down once the merger closes.").EarlyPronoun);

    [Fact]
    public void Read_ThoseEarly_EarlyPronoun() =>
        Assert.True(Read("Most of those who used the tools said they saved time on writing emails.").EarlyPronoun);

    [Fact]
    public void Read_CapitalisedFirstWordNamedJustBefore_CountsAsKnownName()
    {
        var known = new Dictionary<int, int> { [WordScanner.TermHash("Brightwave")] = 1 };

        var s = Read("Brightwave sells its picking robots on a subscription basis.", known: known);

        Assert.Equal(1, s.Names);
        Assert.Equal(0, s.Fresh);
    }

    [Fact]
    public void Read_ReportingVerbAndTimeWord_NewsVerbAndTimeWord()
    {
        var s = Read("Kestrel Bank announced today that it will cut 1,200 jobs.");

        Assert.True(s.NewsVerb);
        Assert.True(s.TimeWord);
        Assert.True(s.FullName);
    }

    [Fact]
    public void Read_TwoWordTimePhrase_TimeWord() => Assert.True(Read("Over the past 24 hours, rumors about the bank have spread.").TimeWord);

    [Theory]
    [InlineData("Tesco has raised its profit forecast for the second time in three months.")]
    [InlineData("Ford Motor Co. said its electric-vehicle business lost $1.3 billion.")]
    [InlineData("Kestrel Bank on Tuesday said it would cut 1,200 jobs.")]
    public void Read_CapitalisedSubjectThenItsVerb_SubjectVerb(string text) => Assert.True(Read(text).SubjectVerb);

    [Theory]
    [InlineData("The company has raised its profit forecast.")] // no capitalised subject
    [InlineData("Kestrel, which cut jobs last year, has raised its forecast.")] // the verb comes after a comma
    [InlineData("He said the robots will arrive soon.")]
    [InlineData("Shares in the carmaker, its investors and analysts all fell on the news of the recall.")]
    public void Read_NoCapitalisedSubjectWithItsVerbFirst_NoSubjectVerb(string text) => Assert.False(Read(text).SubjectVerb);

    [Theory]
    [InlineData("Yatrik, an Indian startup that sells holiday packages, has laid off 40% of its staff.")]
    [InlineData("Mistral AI, the Paris-based maker of language models, raised EUR 600 million.")]
    public void Read_SubjectWithADescriptionAfterAComma_Appositive(string text) => Assert.True(Read(text).Appositive);

    [Theory]
    [InlineData("Kestrel, which cut jobs last year, has raised its forecast.")]
    [InlineData("Meanwhile, the bank said it would cut jobs.")]
    [InlineData("The bank, a lender to farmers, said it would cut jobs.")]
    public void Read_NoDescriptionOfACapitalisedSubject_NoAppositive(string text) => Assert.False(Read(text).Appositive);

    [Fact]
    public void Read_SubjectNamedInFullAfterItsShortName_Reintroduced()
    {
        var known = new Dictionary<int, int> { [WordScanner.TermHash("Tesla")] = 3 };

        Assert.True(Read("Tesla Inc said on Monday it had bought $1.5 billion of bitcoin.", known: known).Reintroduced);
        Assert.False(Read("Tesla said on Monday it had bought $1.5 billion of bitcoin.", known: known).Reintroduced);
        Assert.False(Read("Tesla Inc said on Monday it had bought $1.5 billion of bitcoin.").Reintroduced); // nothing named before
    }

    [Fact]
    public void Read_NameRepeatedInNextParagraph_NamedSubject() =>
        Assert.True(Read("Huawei reported slower growth.", lookahead: "While Huawei did not name the reasons, analysts did.").NamedSubject);

    [Fact]
    public void Read_OrdinaryFirstWord_NotNamedSubject() =>
        Assert.False(Read("Founded in 2016, the startup sells robots.", lookahead: "Founded startups grow.").NamedSubject);

    [Fact]
    public void Read_SubjectNamedTwiceBefore_KnownSubject()
    {
        var known = new Dictionary<int, int> { [WordScanner.TermHash("Geely")] = 2 };

        Assert.True(Read("Geely Auto’s parent company is Zhejiang Geely Holding Group.", known: known).KnownSubject);
    }

    [Fact]
    public void Read_NamesNotSeenBefore_FullNovelty()
    {
        var known = new Dictionary<int, int> { [WordScanner.TermHash("Huawei")] = 3 };

        Assert.Equal(1.0, Read("Alibaba Group said today it will buy Sun Art.", known: known).Novelty);
    }

    [Fact]
    public void Read_WeekdayIsNoName_NoKnownSubject()
    {
        var known = new Dictionary<int, int> { [WordScanner.TermHash("Friday")] = 3 };

        Assert.False(Read("On Friday, the American Civil Liberties Union came out against it.", known: known).KnownSubject);
    }
}
