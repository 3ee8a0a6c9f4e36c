using static NewsReader.Core.Tests.Extraction.AnalyzerTestHelper;

namespace NewsReader.Core.Tests.Extraction;

public class CompanyFinderTests
{
    [Fact]
    public void Analyze_AliasesAndPossessives_GiveOneCanonicalName()
    {
        var e = Analyze("Tencent Holdings led the round. Tencent's games unit grew, and Tencent said more would come.");

        Assert.Equal(["Tencent"], e.Companies);
    }

    [Fact]
    public void Analyze_AliasCaseDiffers_StillOneCompany()
    {
        var e = Analyze("TikTok owner ByteDance agreed terms. The parent company Bytedance did not comment.");

        Assert.Contains("ByteDance", e.Companies);
        Assert.Single(e.Companies, c => c.Equals("ByteDance", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Analyze_GroupSuffixOfKnownCompany_UsesShortName()
    {
        var e = Analyze("Alibaba Group said today it will buy a stake in the chain.");

        Assert.Equal(["Alibaba"], e.Companies);
    }

    [Theory]
    [InlineData("Investors include Blue Harbor Capital and others.", "Blue Harbor Capital")]
    [InlineData("The round was joined by Qorvane Technologies.", "Qorvane Technologies")]
    [InlineData("Staff at Veltrix Holdings Ltd were told on Monday.", "Veltrix Holdings")]
    [InlineData("The deal was signed with Mirova Communications last week.", "Mirova Communications")]
    public void Analyze_UnknownNameWithCorporateSuffix_IsDiscovered(string text, string expected)
    {
        var e = Analyze(text);

        Assert.Contains(expected, e.Companies);
    }

    [Theory]
    [InlineData("Nvidia will buy chip designer Qorvix for $4 billion.", "Qorvix")]
    [InlineData("Shoppers are moving to rival Zhalando instead.", "Zhalando")]
    [InlineData("The bank backed embedded systems specialist Wind Harrow.", "Wind Harrow")]
    public void Analyze_DescriptorBeforeName_IsDiscovered(string text, string expected)
    {
        Assert.Contains(expected, Analyze(text).Companies);
    }

    [Theory]
    [InlineData("Data center revenue, which includes the company’s Q900 and Halvard processors, rose to $30 billion.")]
    [InlineData("Data center revenue, which includes the company's Q900 and Halvard processors, rose to $30 billion.")]
    public void Analyze_NameAfterDescriptorsPossessive_IsNotACompany(string text)
    {
        var e = Analyze(text);

        Assert.DoesNotContain("Q900", e.Companies);
        Assert.DoesNotContain("Halvard", e.Companies);
    }

    [Fact]
    public void Analyze_AppositiveAfterName_IsDiscovered()
    {
        var e = Analyze("The money went to Zentrix, a Shanghai-based startup that makes robots.");

        Assert.Contains("Zentrix", e.Companies);
        Assert.DoesNotContain("Shanghai", e.Companies);
    }

    [Fact]
    public void Analyze_AppositiveWithCityAndStateBased_IsDiscovered()
    {
        var e = Analyze("The attackers hid a backdoor in updates from Veltmark, an Austin, Texas-based maker of monitoring tools.");

        Assert.Contains("Veltmark", e.Companies);
        Assert.DoesNotContain("Austin", e.Companies);
    }

    [Fact]
    public void Analyze_NameOnlyAtSentenceStartsThatTheStoryCallsAStartup_IsDiscovered()
    {
        var e = Analyze("Retova, a Berlin-based startup that handles returns for online shops, has raised $25 million. Retova charges a monthly fee for every return it routes.");

        Assert.Contains("Retova", e.Companies);
    }

    [Theory]
    [InlineData("India banned the apps, the Ministry of Electronics and Information Technology said on Tuesday.")]
    [InlineData("The Department of Commerce and Industry Technology said the rules apply next year.")]
    [InlineData("The purchase was disclosed in a filing with the U.S. Securities and Exchange Commission on Monday.")]
    [InlineData("The Central Bank of Nigeria ordered banks to close the accounts on Friday.")]
    [InlineData("The code moves to the Server Side Public License (SSPL). Others switched to the SSPL in 2018, and the SSPL now covers most of the SSPL projects.")]
    public void Analyze_GovernmentBodyInstitutionOrLicence_IsNoCompany(string text) =>
        Assert.Empty(Analyze(text).Companies);

    [Fact]
    public void Analyze_QuestionOpeningWithWill_DoesNotMakeTheCompanyASurname()
    {
        var e = Analyze("Koh left Google to start Quorvia, which builds fraud software for banks. Quorvia's customers include 38 banks. TechCrunch: Will Quorvia go public?");

        Assert.Contains("Quorvia", e.Companies);
    }

    [Fact]
    public void Analyze_SentenceOpenerBeforeTheCompany_IsNoCompany()
    {
        var e = Analyze("Kestrel Bank cut jobs. Instead, the company said it would hire engineers. Instead, the firm will close branches.");

        Assert.DoesNotContain("Instead", e.Companies);
    }

    [Fact]
    public void Analyze_AcronymExpandedInBrackets_IsOneCompany()
    {
        var e = Analyze("Esports organiser QRN (Quantum Robotics Network) raised money. QRN plans to expand, and QRN will hire.");

        Assert.Single(e.Companies);
        Assert.Equal("QRN", e.Companies[0]);
        Assert.Contains(e.Entities, x => x.Name == "QRN" && x.Evidence.Contains("also called Quantum Robotics Network"));
    }

    [Fact]
    public void Analyze_JobTitleAroundName_MarksTheOrganisation()
    {
        var e = Analyze("Dino Marsh, CEO of Plexora, said the plan works. Later, Korvel chief executive Anna Berg agreed.");

        Assert.Contains("Plexora", e.Companies);
        Assert.Contains("Korvel", e.Companies);
        Assert.DoesNotContain("Dino Marsh", e.Companies);
        Assert.DoesNotContain("Anna Berg", e.Companies);
    }

    [Fact]
    public void Analyze_PeopleWithTitlesAndLaterSurnames_AreNotCompanies()
    {
        var e = Analyze("Arm CEO Simon Segars spoke on Monday. Segars announced a plan, and Segars raised prices.");

        Assert.Equal(["Arm"], e.Companies);
    }

    [Fact]
    public void Analyze_SentenceInitialCapitalisedWords_AreNotCompanies()
    {
        var e = Analyze("Shares rose sharply. Analysts raised targets. Founded in 2016, the firm grew.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_GovernmentBodies_AreNotCompanies()
    {
        var e = Analyze("The U.S. Commerce Department and the Federal Communications Commission acted, and the Justice Department sued.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_PlacesAndMonths_AreNotCompanies()
    {
        var e = Analyze("In March, Beijing announced rules in September, and Shanghai raised fees.");

        Assert.DoesNotContain("Beijing", e.Companies);
        Assert.DoesNotContain("Shanghai", e.Companies);
        Assert.DoesNotContain("March", e.Companies);
    }

    [Fact]
    public void Analyze_ProductsAndGames_AreNotCompanies()
    {
        var e = Analyze("Players love Honor of Kings and Peacekeeper Elite, and the Pixel Phone sold well.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_QuotedCoinedTerm_IsNotACompany()
    {
        var e = Analyze("Alibaba calls it its “New Retail” strategy, and New Retail is spreading.");

        Assert.Equal(["Alibaba"], e.Companies);
    }

    [Fact]
    public void Analyze_CommonWordCompanyOnlyAtSentenceStart_IsIgnored()
    {
        var e = Analyze("Square one is where we are. Target dates slipped.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_CompanyInHeadlineAndRepeated_IsAboutAndFirst()
    {
        var e = AnalyzeWithTitle(
            "Nvidia to buy Arm",
            "Nvidia agreed to buy Arm. Intel was not involved.",
            "Arm will keep its offices, Nvidia said. Arm staff welcomed it.");

        var companies = e.Entities.Where(x => x.Kind == NewsReader.Core.Data.EntityKind.Company).ToList();
        Assert.True(companies.Single(x => x.Name == "Arm").About);
        Assert.False(companies.Single(x => x.Name == "Intel").About);
        Assert.Equal("Intel", companies[^1].Name);
    }

    [Theory]
    [InlineData("VSPN", "Versus Programming Network", true)]
    [InlineData("SIG", "Susquehanna International Group", true)]
    [InlineData("FTC", "Federal Trade Commission", true)]
    [InlineData("XYZ", "Versus Programming Network", false)]
    public void IsAbbreviationOf_SchwartzHearst_MatchesLettersInOrder(string shortForm, string longForm, bool expected)
    {
        Assert.Equal(expected, NewsReader.Core.Extraction.CompanyFinder.IsAbbreviationOf(shortForm, longForm));
    }

    [Fact]
    public void Analyze_NamesListedWithAKnownCompany_AreCompanies()
    {
        var e = Analyze("The startup is backed by Prosmira and SoftBank, and sells to Kelvaro, Adyen and Zalthy.");

        Assert.Contains("Prosmira", e.Companies);
        Assert.Contains("Kelvaro", e.Companies);
        Assert.Contains("Zalthy", e.Companies);
    }

    [Fact]
    public void Analyze_ExamplesOfACompanyNoun_AreCompanies()
    {
        var e = Analyze("In Britain, retailers such as Dorvane reported strong demand.");

        Assert.Equal(["Dorvane"], e.Companies);
    }

    [Fact]
    public void Analyze_PublicInstitutionsNamedLikeCompanies_AreNotCompanies()
    {
        var e = Analyze("The People's Bank of China and the World Bank disagreed with the International Monetary Fund.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_ShortFormOfCompany_CountsAsAMention()
    {
        var e = Analyze("Volterra Motors builds vans. Volterra declined to comment, and Volterra staff left.");

        var volterra = Assert.Single(e.Entities, x => x.Kind == NewsReader.Core.Data.EntityKind.Company);
        Assert.Equal("Volterra Motors", volterra.Name);
        Assert.Equal(3, volterra.Mentions);
    }

    [Fact]
    public void Analyze_DivisionIntroducedByIts_IsNotACompany()
    {
        var e = Analyze("Rene Haas runs its Intellectual Property Group for Arm in Cambridge.");

        Assert.DoesNotContain("Intellectual Property Group", e.Companies);
    }

    [Fact]
    public void Analyze_WhichClauseAboutBusiness_MarksACompany()
    {
        var e = Analyze("The deal includes Quorvia, which was founded in 2015, and Tessaly, who we met.");

        Assert.Contains("Quorvia", e.Companies);
        Assert.DoesNotContain("Tessaly", e.Companies);
    }

    [Fact]
    public void Analyze_PossessiveWithBusinessNounAndVerb_MarksACompany()
    {
        var e = Analyze("Quorvia's shares fell after the report. Investors expect Quorvia to recover soon, and Quorvia launched a plan.");

        Assert.Contains("Quorvia", e.Companies);
    }

    [Fact]
    public void Analyze_TitleCaseHeadline_DoesNotInventCompanies()
    {
        var e = AnalyzeWithTitle(
            "Acme Launches New Cloud As Zentrix Capital Grows",
            "The service went live on Monday. Zentrix Capital said it was pleased.");

        Assert.Equal(["Zentrix Capital"], e.Companies);
        Assert.True(e.Entities.Single(x => x.Name == "Zentrix Capital").About);
    }

    [Fact]
    public void Analyze_WeakSuffixAlone_IsNotEnough()
    {
        var e = Analyze("Generative AI is everywhere. Social Media moved on, and the Olympic Games began.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_OwnerBeforeHyphenatedOwned_IsACompany()
    {
        Assert.Contains("Quorvia", Analyze("Users of the Quorvia-owned messaging app were told to wait.").Companies);
    }

    [Fact]
    public void Analyze_NameRepeatedWithOneWeakCue_IsACompany()
    {
        var e = Analyze("The Tessaly bid was approved. Regulators like Tessaly, and Tessaly is growing. Critics watch Tessaly closely.");

        Assert.Contains("Tessaly", e.Companies);
    }

    [Fact]
    public void Analyze_NameRepeatedWithoutAnyCue_IsNotACompany()
    {
        var e = Analyze("Critics watch Tessaly closely. Tessaly is growing, and many like Tessaly for now.");

        Assert.Empty(e.Companies);
    }

    [Fact]
    public void Analyze_TitleCaseJobTitles_AreNotCompanies()
    {
        var e = Analyze("The plan was praised by Vice President Kamala Harris and by Managing Director Anna Berg of Qorvane Technologies.");

        Assert.Equal(["Qorvane Technologies"], e.Companies);
    }

    [Theory]
    [InlineData("Oracle will buy a stake in the app, according to Bloomberg. Oracle declined to comment, Bloomberg reported. The Bloomberg report named no price.", "Bloomberg")]
    [InlineData("Rumours picked up by Bloomberg, the Wall Street Journal and CNBC put Oracle ahead. Oracle told CNBC it would not comment. Oracle, CNBC reported, has a rival bid.", "CNBC")]
    [InlineData("Oracle is in talks, the Wall Street Journal first reported. Oracle confirmed to the Wall Street Journal that it had talked. Oracle said more in an interview with the Wall Street Journal.", "The Wall Street Journal")]
    [InlineData("LONDON (Reuters) - Oracle will buy the app. Oracle, which declined to comment to Reuters, has a rival. Oracle shares fell, Reuters reporting said.", "Reuters")]
    [InlineData("Oracle opened an office in Tokyo (Photo by Kevin Frayer/Getty Images). Image Credits: Getty Images", "Getty Images")]
    public void Analyze_NewsOutletNamedAsSource_IsMentionedNotAbout(string text, string outlet)
    {
        var e = Analyze(text, "Oracle will add staff to the team, and Oracle's rivals were quiet about Oracle.");

        var company = e.Entities.Single(x => x.Name == outlet);
        Assert.False(company.About);
        Assert.True(e.Entities.Single(x => x.Name == "Oracle").About);
    }

    [Fact]
    public void Analyze_InterviewersQuestions_DoNotMakeTheOutletTheSubject()
    {
        var e = Analyze(
            "Natalie Koh left Google in 2019 to start Tessellate, a payments startup.",
            "TechCrunch: Why leave Google?",
            "Koh: Tessellate needed someone full time.",
            "TechCrunch: Who are your customers?",
            "Koh: Banks that Tessellate sells to across Asia.",
            "TechCrunch: What comes next?",
            "Koh: Tessellate will hire.");

        Assert.False(e.Entities.Single(x => x.Name == "TechCrunch").About);
        Assert.True(e.Entities.Single(x => x.Name == "Tessellate").About);
    }

    [Fact]
    public void Analyze_NewsOutletAsTheSubject_IsAbout()
    {
        var e = AnalyzeWithTitle(
            "Bloomberg cuts 90 newsroom jobs",
            "Bloomberg is cutting 90 jobs in its newsroom, the company said on Monday.",
            "Bloomberg will keep its bureaus in Asia open.");

        Assert.True(e.Entities.Single(x => x.Name == "Bloomberg").About);
    }
}
