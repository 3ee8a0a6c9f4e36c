using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using static NewsReader.Core.Tests.Extraction.AnalyzerTestHelper;

namespace NewsReader.Core.Tests.Extraction;

public class TopicScorerTests
{
    [Fact]
    public void Analyze_FundingStory_IsFunding()
    {
        var e = Analyze("The startup raised $20 million in a Series B funding round led by existing investors, at a valuation of $1 billion.");

        Assert.Equal("funding", e.Topics[0]);
    }

    [Fact]
    public void Analyze_RaisedRatesAndConcerns_FinanceNotFunding()
    {
        var e = Analyze("The central bank raised interest rates again on Thursday, and analysts said the move raised concerns about growth.");

        Assert.Contains("finance & markets", e.Topics);
        Assert.DoesNotContain("funding", e.Topics);
    }

    [Fact]
    public void Analyze_EarningsStoryWithMarketColour_NotFinanceAndMarkets()
    {
        var e = Analyze(
            "Kestrel Motors reported quarterly revenue of $2.1 billion and net income of $180 million for the third quarter, beating its own forecast. "
            + "Revenue rose 14% from a year earlier, and the company raised its full-year guidance, saying profit margins would widen. "
            + "Earnings per share came in at 92 cents, above the 85 cents analysts had expected. "
            + "Its shares rose 6% in extended trading on Wall Street.");

        Assert.Contains("earnings", e.Topics);
        Assert.DoesNotContain("finance & markets", e.Topics);
    }

    [Fact]
    public void Analyze_RaisingPrices_NotFunding() =>
        Assert.DoesNotContain("funding", Analyze("The streaming service is raising the price of its premium subscription, and it raised prices in 46 other markets.").Topics);

    [Fact]
    public void Analyze_EarningsStory_IsEarnings()
    {
        var e = Analyze("Quarterly revenue rose 9% year-over-year and net income beat forecasts, with a profit margin of 8%.");

        Assert.Equal("earnings", e.Topics[0]);
    }

    [Fact]
    public void Analyze_MixedStory_GivesBothTopicsAtMostFour()
    {
        var e = Analyze(
            "The chipmaker agreed to acquire a rival in a $40 billion deal, its largest acquisition.",
            "The semiconductor merger still needs approval; the chips go into data centers.");

        Assert.Contains("acquisitions", e.Topics);
        Assert.Contains("semiconductors", e.Topics);
        Assert.InRange(e.Topics.Count, 1, 4);
    }

    [Fact]
    public void Analyze_Topics_CarryScoresAndEvidence()
    {
        var e = Analyze("Esports tournament organiser signs gaming deal with a video game publisher.");

        var top = e.Entities.First(x => x.Kind == EntityKind.Topic);
        Assert.Equal("gaming & esports", top.Name);
        Assert.True(top.Score > 0);
        Assert.NotEmpty(top.Evidence);
    }

    [Fact]
    public void Analyze_NoTopicWords_GivesNoTopic()
    {
        Assert.Empty(Analyze("The weather was fine and the walk was long.").Topics);
    }

    [Fact]
    public void Analyze_WordStartingWithTwoStems_CountsTheLongestOnly()
    {
        var dir = Directory.CreateTempSubdirectory("newsreader-topics-");
        try
        {
            File.WriteAllText(
                Path.Combine(dir.FullName, "topics.tsv"),
                "# test vocabulary\nalpha\tacqui*\t2\nbeta\tacquisition*\t3\ngamma\tacquisitions of\t1\n");
            var analyzer = StoryAnalyzer.Load(dir.FullName);

            var e = analyzer.Analyze("x", [new NewsReader.Core.Splitting.Paragraph("Acquisitions and acquisitions, then acquit and acq.")]);

            var topics = e.Entities.Where(x => x.Kind == EntityKind.Topic).ToDictionary(x => x.Name);
            Assert.Equal(2, topics["beta"].Mentions); // "acquisitions" is the longer stem's, not also "acqui*"
            Assert.Equal(["acquisition"], topics["beta"].Evidence);
            Assert.Equal(1, topics["alpha"].Mentions); // "acquit" stops after the shorter stem; "acq" is too short
            Assert.False(topics.ContainsKey("gamma"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Taxonomy_HasExactlyTheTwentyLabels()
    {
        var k = ExtractionKnowledge.Load();

        Assert.Equal(
            ["acquisitions", "ai", "automotive & mobility", "cloud & infrastructure", "e-commerce & retail", "earnings",
             "energy & climate", "finance & markets", "funding", "gaming & esports", "open source", "politics",
             "privacy & security", "regulation", "science & health", "semiconductors", "social media", "sports",
             "telecom", "trade & sanctions"],
            k.Topics.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("science & health", "The vaccine candidate passed a clinical trial with 3,000 patients, and scientists said the drug works against the disease.")]
    [InlineData("energy & climate", "Utilities add solar and wind power to the grid as emissions rules tighten, cutting carbon output.")]
    [InlineData("sports", "The striker scored twice as the club won the championship, and the football stadium was sold out.")]
    [InlineData("telecom", "The carrier will spend $2 billion on 5G spectrum and fiber broadband to extend its wireless network.")]
    [InlineData("open source", "The maintainers released the open-source library on GitHub, and 500 contributors joined the project.")]
    [InlineData("finance & markets", "Shares fell 5% on the Nasdaq after interest rates rose, and bond yields climbed on inflation data.")]
    [InlineData("politics", "Voters head to the polls in an election that divided the ruling party, and the prime minister faces parliament.")]
    [InlineData("ai", "The startup uses machine learning and large language models to power a chatbot.")]
    [InlineData("privacy & security", "Hackers stole personal data in a ransomware attack, and cybersecurity experts are investigating the breach.")]
    [InlineData("automotive & mobility", "The automaker will build electric vehicles with self-driving features at its new car plant.")]
    [InlineData("e-commerce & retail", "Online shoppers moved from supermarkets to e-commerce platforms, and retail stores cut prices.")]
    [InlineData("cloud & infrastructure", "The company moved its servers to the cloud and runs Kubernetes containers in new data centers.")]
    public void Analyze_TypicalStory_HasItsTopicFirst(string topic, string text)
    {
        Assert.Equal(topic, Analyze(text).Topics[0]);
    }
}
