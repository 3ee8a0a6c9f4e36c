using static NewsReader.Core.Tests.Extraction.AnalyzerTestHelper;

namespace NewsReader.Core.Tests.Extraction;

public class CountryFinderTests
{
    [Fact]
    public void Analyze_NamesAndAbbreviations_MapToCanonicalNames()
    {
        var e = Analyze("Trade between the U.S. and the UK grew, and South Korea joined.");

        Assert.Equal(["South Korea", "United Kingdom", "United States"], e.Countries.Order());
    }

    [Fact]
    public void Analyze_UsAtEndOfSentence_IsUnitedStates()
    {
        var e = Analyze("The app is banned in the U.S. Officials gave no reason.");

        Assert.Equal(["United States"], e.Countries);
    }

    [Theory]
    [InlineData("Hackers working for the Russian government broke into the networks.", "Russia")]
    [InlineData("The app was blocked after Chinese authorities ordered it.", "China")]
    [InlineData("A spokesperson at the French embassy declined to comment.", "France")]
    public void Analyze_DemonymBeforeAWordForTheState_CountsAsTheCountry(string text, string country)
    {
        var e = Analyze(text);

        Assert.Equal([country], e.Countries);
    }

    [Fact]
    public void Analyze_SingleDemonymBeforeAnyOtherNoun_IsDropped()
    {
        var e = Analyze("The deal was signed by a French startup that makes drones.");

        Assert.Empty(e.Countries);
    }

    [Fact]
    public void Analyze_PronounUs_IsNotACountry()
    {
        var e = Analyze("Tell us what you think, and join us tomorrow.");

        Assert.Empty(e.Countries);
    }

    [Fact]
    public void Analyze_AllCapsUs_InShoutedLine_IsNotACountry()
    {
        var e = Analyze("CONTACT US FOR MORE INFORMATION");

        Assert.Empty(e.Countries);
    }

    [Fact]
    public void Analyze_DemonymRepeated_CountsButOnceDoesNot()
    {
        Assert.Equal(["China"], Analyze("Chinese regulators met Chinese firms on Monday.").Countries);
        Assert.Empty(Analyze("A French watchdog opened a case.").Countries);
    }

    [Fact]
    public void Analyze_WellKnownCities_MapToTheirCountry()
    {
        var e = Analyze("The firm has offices in Shanghai and Shenzhen, and one in Los Angeles, Seoul and Busan.");

        Assert.Equal(["China", "South Korea"], e.Countries.Order());
        Assert.DoesNotContain("United States", e.Countries); // one city alone is a passing mention
    }

    [Fact]
    public void Analyze_RegionsAndBlocs_AreNotCountries()
    {
        var e = Analyze("Sales in Asia, Europe and Latin America grew, and the EU approved the plan.");

        Assert.Empty(e.Countries);
    }

    [Fact]
    public void Analyze_CountryInsideKnownCompanyName_IsNotCounted()
    {
        var e = Analyze("Bank of America and China Mobile reported results.");

        Assert.Empty(e.Countries);
    }

    [Fact]
    public void Analyze_CountryThatIsAlsoAGivenNameAfterFirstName_IsAPerson()
    {
        var e = Analyze("Michael Jordan bought a team.");

        Assert.Empty(e.Countries);
    }

    [Fact]
    public void Analyze_CountryInHeadline_IsAbout()
    {
        var e = AnalyzeWithTitle("India bans apps", "The government acted on Monday. Japan was mentioned.");

        var india = e.Entities.Single(x => x.Name == "India");
        var japan = e.Entities.Single(x => x.Name == "Japan");
        Assert.True(india.About);
        Assert.False(japan.About);
        Assert.Equal("India", e.Countries[0]);
    }

    [Fact]
    public void Analyze_UsDollarSign_IsACurrencyNotACountry()
    {
        Assert.Empty(Analyze("The deal is worth US$100 million.").Countries);
    }

    [Fact]
    public void Analyze_CityNameUsedAsGivenName_IsNotAPlace()
    {
        Assert.Empty(Analyze("Austin Russell founded the firm, and Austin Russell still runs it.").Countries);
    }
}
