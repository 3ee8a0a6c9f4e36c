using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class HeadlineWriterTests
{
    private static readonly string[] DanglingWords = ["a", "the", "of", "on", "what", "for", "to", "and", "between"];

    private static (string Title, string Summary) Write(params string[] paragraphs) =>
        HeadlineWriter.Write(null, [.. paragraphs.Select(p => new Paragraph(p))]);

    // The headline the trimming steps write from a lead, before HeadlineCut may end it sooner (HeadlineCutTests).
    private static string Draft(string lead) => HeadlineWriter.Headline(lead, SplitterLexicon.Default);

    [Theory]
    [InlineData("Harbourline Shipping has agreed to buy Pell Logistics for $2 billion in cash.", "Harbourline Shipping agrees to buy Pell Logistics for $2 billion in cash")]
    [InlineData("Kestrel Bank has been fined $20 million by regulators in Frankfurt.", "Kestrel Bank fined $20 million by regulators in Frankfurt")]
    [InlineData("Lumen Skies will launch six weather satellites from French Guiana next spring.", "Lumen Skies to launch six weather satellites from French Guiana next spring")]
    [InlineData("Brightwave Robotics has won a contract to automate Northgate's warehouses.", "Brightwave Robotics wins a contract to automate Northgate's warehouses")]
    public void Write_Auxiliaries_BecomeHeadlineTense(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Kestrel Bank bought Pell Logistics for $2 billion.", "Kestrel Bank buys Pell Logistics for $2 billion")]
    [InlineData("Shares in Kestrel Bank fell 6% in Frankfurt.", "Shares in Kestrel Bank fall 6% in Frankfurt")]
    [InlineData("Lumen Skies denied claims that it faked its launch data.", "Lumen Skies denies claims that it faked its launch data")]
    [InlineData("Kestrel Bank posted record profits and predicted that rates will rise.", "Kestrel Bank posts record profits and predicts that rates will rise")]
    [InlineData("Harbourline and Pell Logistics merged their barge fleets.", "Harbourline and Pell Logistics merge their barge fleets")]
    [InlineData("Two hundred workers protested outside Kestrel Bank.", "Two hundred workers protest outside Kestrel Bank")]
    public void Write_MainVerbInThePast_BecomesThePresent(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("A film produced by Lumen Skies topped the box office.", "A film produced by Lumen Skies tops the box office")]
    [InlineData("Rumours picked up by the Daily Ledger put a price on Lumen Skies.", "Rumours picked up by the Daily Ledger put a price on Lumen Skies")]
    [InlineData("Kestrel Bank's long-awaited results showed a loss.", "Kestrel Bank's long-awaited results show a loss")]
    [InlineData("The proposed merger of Kestrel Bank and Pell was blocked by regulators.", "The proposed merger of Kestrel Bank and Pell was blocked by regulators")]
    [InlineData("Kestrel Bank and its related funds reported a loss.", "Kestrel Bank and its related funds report a loss")]
    public void Write_PastFormThatIsNotTheVerb_KeepsItsTense(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("dropped", "drop")]
    [InlineData("denied", "deny")]
    [InlineData("moved", "move")]
    [InlineData("announced", "announce")]
    [InlineData("tumbled", "tumble")]
    [InlineData("fired", "fire")]
    [InlineData("stated", "state")]
    [InlineData("negotiated", "negotiate")]
    [InlineData("decided", "decide")]
    [InlineData("hoped", "hope")]
    [InlineData("changed", "change")]
    [InlineData("raised", "raise")]
    [InlineData("warned", "warn")]
    [InlineData("treated", "treat")]
    [InlineData("opened", "open")]
    [InlineData("visited", "visit")]
    [InlineData("abandoned", "abandon")]
    [InlineData("belonged", "belong")]
    [InlineData("called", "call")]
    [InlineData("added", "add")]
    [InlineData("cancelled", "cancel")]
    [InlineData("controlled", "control")]
    public void BaseOfPast_RegularVerb_SpelledBack(string past, string verb) => Assert.Equal(verb, HeadlineWriter.BaseOfPast(past));

    [Theory]
    [InlineData("fell", false, "falls")]
    [InlineData("fell", true, "fall")]
    [InlineData("went", false, "goes")]
    [InlineData("denied", false, "denies")]
    [InlineData("pushed", false, "pushes")]
    [InlineData("sued", false, "sues")]
    [InlineData("acquired", false, "acquires")]
    [InlineData("focused", false, "focuses")]
    [InlineData("bought,", false, "buys,")]
    public void Present_PastForm_ThirdPersonOrBase(string past, bool plural, string present) =>
        Assert.Equal(present, HeadlineWriter.Present(past, plural, SplitterLexicon.Default));

    [Theory]
    [InlineData("Ana Ruiz has said she will leave Kestrel Bank for a rival.", "Ruiz to leave Kestrel Bank for a rival")]
    [InlineData("Kestrel Bank chairman William Stone said he hopes to sell the unit.", "Stone hopes to sell the unit")]
    public void Write_SaidHeOrShe_DropsTheReporting(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Mr Okonjo said the sale would close in May.", "Okonjo hopes to sell the unit")]
    [InlineData("The sale would close in May, Okonjo said.", "Okonjo hopes to sell the unit")]
    [InlineData("The sale would close in May, the bank said.", "Tunde Okonjo hopes to sell the unit")]
    [InlineData("Tunde said the sale would close. Mr Okonjo agreed.", "Tunde Okonjo hopes to sell the unit")]
    public void SurnamesTheStoryUses_SurnameAloneInTheStory_HeadlineUsesIt(string body, string title)
    {
        Paragraph[] story = [new("Tunde Okonjo said he hopes to sell the unit."), new(body)];

        Assert.Equal(title, HeadlineWriter.SurnamesTheStoryUses("Tunde Okonjo hopes to sell the unit", story, 0, SplitterLexicon.Default));
    }

    [Fact]
    public void SurnamesTheStoryUses_TitleBeforeTheName_Stays()
    {
        Paragraph[] story = [new("Profits at Dr Okonjo's fell 93%."), new("Dr Okonjo's said its profits fell.")];

        Assert.Equal("Profits at Dr Okonjo's fell 93%", HeadlineWriter.SurnamesTheStoryUses("Profits at Dr Okonjo's fell 93%", story, 0, SplitterLexicon.Default));
    }

    [Fact]
    public void Write_AdverbAfterAnArticle_StaysWithItsAdjective() =>
        Assert.Equal("Prices rise a seasonally adjusted 0.5% in March", Draft("Prices rose a seasonally adjusted 0.5% in March."));

    [Theory]
    [InlineData("Kestrel Bank says 300 of its branches in Spain will be sold to a rival next year.", "Kestrel Bank says 300 of its branches in Spain will be sold to a rival next year")]
    [InlineData("Harbourline Shipping, the largest barge operator on the Danube, has said it will buy Pell Logistics.", "Harbourline Shipping to buy Pell Logistics")]
    [InlineData("Film director Ana Ruiz is said to have turned down the lead role in the sequel.", "Ruiz is said to have turned down the lead role in the sequel")]
    [InlineData("Kestrel Bank has lost the records of more than one million customers.", "Kestrel Bank loses the records of more than one million customers")]
    public void Write_ReportedClausesAndPerfectInfinitives_StayGrammatical(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Harbourline Shipping has become the largest barge operator on the Danube.", "Harbourline Shipping has become the largest barge operator on the Danube")]
    [InlineData("Kestrel Bank investors have taken out a full-page advert in a Frankfurt paper.", "Kestrel Bank investors have taken out a full-page advert in a Frankfurt paper")]
    [InlineData("Before she left, Ana Ruiz had been in charge of the bank's Spanish branches.", "Before she left, Ruiz had been in charge of the bank's Spanish branches")]
    [InlineData("The trial of two Kestrel Bank traders has been postponed.", "The trial of two Kestrel Bank traders postponed")]
    [InlineData("Results of the Lumen Skies launch have been shown to investors in Paris.", "Results of the Lumen Skies launch shown to investors in Paris")]
    public void Write_ParticipleThatIsNotThePast_KeepsItsAuxiliary(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Russian oil firm Harbourline sued four lenders over the sale of its fleet.", "Harbourline sues four lenders over the sale of its fleet")]
    [InlineData("Consumer electronics makers Kestrel and Lumen Skies are joining forces on screens.", "Kestrel and Lumen Skies are joining forces on screens")]
    [InlineData("Barge operator Harbourline Shipping says it will buy Pell Logistics.", "Harbourline Shipping to buy Pell Logistics")]
    public void Write_DescriptionBeforeTheSubjectsName_Goes(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Two small Danube shippers merged with Harbourline last year.")]
    [InlineData("The barge operator Harbourline sued four lenders over the sale.")]
    [InlineData("Shares in Harbourline Shipping jumped 6% on the news.")]
    [InlineData("Barge operators complained about Harbourline at the meeting.")]
    public void Write_NoDescriptionBeforeAName_KeepsTheOpening(string lead) =>
        Assert.StartsWith(lead[..lead.IndexOf(' ', StringComparison.Ordinal)], Draft(lead), StringComparison.Ordinal);

    [Theory]
    [InlineData("Ana Ruiz left Kestrel Bank for a rival in Frankfurt.", "Ruiz leaves Kestrel Bank for a rival in Frankfurt")]
    [InlineData("Investors backed a plan by Juan Carlos Ferrer to sell the unit.", "Investors back a plan by Ferrer to sell the unit")]
    [InlineData("Kestrel Bank hired Samuel L Okafor and Maria Stone's old team.", "Kestrel Bank hires Okafor and Stone's old team")]
    [InlineData("Sir Alex Brand praised the bank's young traders in Frankfurt.", "Sir Alex Brand praises the bank's young traders in Frankfurt")]
    [InlineData("John Lewis cut 300 jobs at its stores in Leeds.", "John Lewis cuts 300 jobs at its stores in Leeds")]
    public void Write_PersonsName_WrittenAsTheSurname(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Former Kestrel Bank chairman William Stone backed the merger of the two units.", "Stone backs the merger of the two units")]
    [InlineData("Singer Maria Stone opened the Lumen Skies festival in Leeds.", "Stone opens the Lumen Skies festival in Leeds")]
    [InlineData("Maria Stone believes William Okafor won the vote in Leeds.", "Stone believes Okafor won the vote in Leeds")]
    [InlineData("Shares in Kestrel Bank rose after William Stone left the board.", "Shares in Kestrel Bank rise")]
    public void Write_DescriptionBeforeAPersonsName_GoesInAnyCase(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Theory]
    [InlineData("Kestrel Bank has has given its approval to the merger of two units.", "Kestrel Bank has given its approval to the merger of two units")]
    [InlineData("The bank that had had three chief executives in a year named a fourth.", "The bank that had had three chief executives in a year named a fourth")]
    public void Write_WordTypedTwice_WrittenOnce(string lead, string title) => Assert.Equal(title, Draft(lead));

    [Fact]
    public void Write_HasBeforeANoun_Stays() =>
        Assert.StartsWith("Kestrel Bank has a new chief executive", Draft("Kestrel Bank has a new chief executive after a boardroom fight over its branch closures."), StringComparison.Ordinal);

    [Fact]
    public void Write_SubordinateClauseAfterTheNews_IsCut() =>
        Assert.Equal(
            "Shares in Cairnwell Energy jump 6%",
            Draft("Shares in Cairnwell Energy jumped 6% after the firm said an oilfield in Rajasthan was larger than it had thought."));

    [Fact]
    public void Write_AsOpeningAVerbsComplement_NotCut() =>
        Assert.StartsWith(
            "Brightwave Robotics raises what it describes as close to $100 million",
            Draft("Brightwave Robotics has raised what it describes as close to $100 million in a Series B round led by Northgate Ventures."),
            StringComparison.Ordinal);

    [Fact]
    public void Write_ClauseWordTooEarly_NotCut() =>
        Assert.StartsWith("Rates rise faster than Kestrel Bank expected", Draft("Rates rose faster than Kestrel Bank expected in the first quarter, squeezing its margins."), StringComparison.Ordinal);

    [Fact]
    public void Write_LeadOpeningWithSmallLetterName_KeepsTheName() =>
        Assert.StartsWith("eBay expects", Draft("eBay expects the tools to cut the time it takes to list an item by half."), StringComparison.Ordinal);

    [Fact]
    public void Write_DescriptionAfterTheSubject_IsDropped() =>
        Assert.Equal(
            "Zentrix raises $40 million in a round led by Qorvane Capital",
            Draft("Zentrix, the Shanghai-based maker of warehouse robots, has raised $40 million in a round led by Qorvane Capital."));

    [Fact]
    public void Write_DescriptionAfterTheObject_IsNotDroppedWithTheSentenceAfterIt() =>
        Assert.Equal(
            "Kestrel Bank agrees to buy Lumen Skies",
            Draft("Kestrel Bank has agreed to buy Lumen Skies, a satellite start-up, in a deal worth $300 million."));

    [Fact]
    public void Write_DescriptionWithCommasInsideAfterTheSubject_IsDroppedUpToTheVerb() =>
        Assert.Equal(
            "Retova raises $28 million in a Series B round led by Qorvane Capital",
            Draft("Retova, a Jakarta startup that helps small shops, or warungs, order stock from their phones, has raised $28 million in a Series B round led by Qorvane Capital."));

    [Fact]
    public void Write_DescriptionAfterTheSubjectOfALaterClause_IsDropped() =>
        Assert.Equal(
            "Good news for commuters in Rotterdam: Voltra is adding e-bikes to its app",
            Draft("Good news for commuters in Rotterdam: Voltra, the Dutch e-moped startup, is adding e-bikes to its app."));

    [Fact]
    public void Write_LongDescriptionAfterTheObject_HeadlineEndsBeforeIt() =>
        Assert.Equal(
            "Kestrel Bank is buying Vaani Labs",
            Draft("Kestrel Bank is buying Vaani Labs, a Hyderabad-based startup that builds speech recognition models for Indian languages, the two companies said on Thursday."));

    [Fact]
    public void Write_ShortDescriptionAfterTheObject_Stays() =>
        Assert.StartsWith(
            "Kestrel acquires Affinity, the British maker of design software",
            Draft("Kestrel has acquired Affinity, the British maker of design software for professionals, for several hundred million pounds, the Australian company said on Tuesday, as it tries to win over more corporate customers."),
            StringComparison.Ordinal);

    [Fact]
    public void Write_ListAfterAName_IsNoDescription() =>
        Assert.Contains(
            "the Wall Street Journal",
            Draft("Rumors picked up by Bloomberg, the Wall Street Journal and CNBC that have been swirling for days have put some boundaries around the deal that will see the service stay."),
            StringComparison.Ordinal);

    [Fact]
    public void Write_OpeningTimePhrase_IsDropped() =>
        Assert.StartsWith("Kestrel Bank is launching", Draft("Today, Kestrel Bank is launching a savings account for small shops."), StringComparison.Ordinal);

    [Theory]
    [InlineData("SAN FRANCISCO (Reuters) - Kestrel Bank said on Wednesday it would cut 1,200 jobs across Europe.")]
    [InlineData("NEW YORK, Nov 27 — Kestrel Bank said on Wednesday it would cut 1,200 jobs across Europe.")]
    [InlineData("(Reuters) - Kestrel Bank said on Wednesday it would cut 1,200 jobs across Europe.")]
    [InlineData("FRANKFURT/DETROIT (Reuters) - Kestrel Bank said on Wednesday it would cut 1,200 jobs across Europe.")]
    public void Write_WireDateline_IsDropped(string lead) =>
        Assert.Equal("Kestrel Bank would cut 1,200 jobs across Europe", Draft(lead));

    [Fact]
    public void Write_NameBeforeADash_IsNoDateline() =>
        Assert.StartsWith("Kestrel - the bank", Draft("Kestrel - the bank that never closes - said on Wednesday it would cut 1,200 jobs across Europe."), StringComparison.Ordinal);

    [Fact]
    public void Write_WholeSentenceEndingOnAnAuxiliary_KeepsIt() =>
        Assert.Equal(
            "A team of engineers is building the payments network that the banks never did",
            Draft("A team of engineers is building the payments network that the banks never did."));

    [Fact]
    public void Write_GivenTitle_KeepsIt()
    {
        var (title, _) = HeadlineWriter.Write("Kestrel Bank cuts 1,200 jobs", [new Paragraph("Kestrel Bank said on Tuesday it will cut jobs.")]);

        Assert.Equal("Kestrel Bank cuts 1,200 jobs", title);
    }

    [Fact]
    public void Write_LongGivenTitle_CutToHundredOnWordBoundary()
    {
        var given = string.Join(' ', Enumerable.Repeat("Brightwave robotics expands", 10));

        var (title, _) = HeadlineWriter.Write(given, [new Paragraph("Text.")]);

        Assert.True(title.Length <= 100);
        Assert.StartsWith(title, given, StringComparison.Ordinal);
        Assert.Equal(' ', given[title.Length]);
    }

    [Fact]
    public void Write_ShortLead_IsTheLeadSentenceWithoutFinalStop()
    {
        var title = Draft("Nvidia is in the process of acquiring chip designer Arm for $40 billion. Both hold conferences this week.");

        Assert.Equal("Nvidia is in the process of acquiring chip designer Arm for $40 billion", title);
    }

    // A cut inside a quotation leaves a fragment of someone's words ("... to convey personal").
    [Theory]
    [InlineData("\u201C", "\u201D")]
    [InlineData("\"", "\"")]
    public void Write_CutWouldFallInsideAQuotation_CutsBeforeTheQuotation(string open, string close)
    {
        var title = Draft($"The Harbour Commission said that ferry operators who carry passengers after dark {open}carrying faulty navigation lamps and radios{close} will lose their licences.");

        Assert.Equal("The Harbour Commission says that ferry operators who carry passengers", title); // and then ends before "after"
    }

    [Fact]
    public void Write_InchMarkBeforeTheCut_IsNoQuotation()
    {
        var title = Draft("Northgate Devices unveiled a tablet with a 12.4\" screen and a stylus that charges itself magnetically while the tablet sleeps overnight.");

        Assert.StartsWith("Northgate Devices unveils a tablet with a 12.4\" screen and a stylus", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuotationClosedBeforeTheCut_KeepsIt()
    {
        var title = Draft("Northgate Ventures called the deal \u201Ca turning point\u201D for robotics startups that have struggled to raise money from investors in Europe and Asia this year.");

        Assert.Contains("\u201Ca turning point\u201D", title, StringComparison.Ordinal);
        Assert.True(title.Length <= 100);
    }

    [Fact]
    public void Write_ThroatClearingBut_StartsAtTheNews()
    {
        var title = Draft("This has been a long time coming, but the Lumen Skies foundation today announced that it is changing its name to Open Skies.");

        Assert.Equal("The Lumen Skies foundation is changing its name to Open Skies", title);
    }

    [Fact]
    public void Write_NewsThatOpener_StartsAfterIt()
    {
        var title = Draft("Further confirmation that the robotics market is booming comes today with the news that Brightwave Robotics has raised $45 million from Northgate Ventures.");

        Assert.Equal("Brightwave Robotics raises $45 million from Northgate Ventures", title);
    }

    [Fact]
    public void Write_SceneSettingPhrase_IsDropped()
    {
        var title = Draft("In a new report, Amnesty International says European firms sold surveillance tools to police forces abroad.");

        Assert.StartsWith("Amnesty International", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SaidTodayItWill_BecomesSubjectTo()
    {
        var title = Draft("Kestrel Bank said today it will cut 1,200 jobs across Europe as the lender moves customer service online.");

        Assert.Equal("Kestrel Bank to cut 1,200 jobs across Europe", title);
    }

    [Fact]
    public void Write_TrailingAttributionAndParenthesis_AreDropped()
    {
        var title = Draft("President Jane Roe has approved the Kestrel Bank (KB) takeover of Lumen Finance, according to a report from the Daily Ledger.");

        Assert.Equal("Roe approves the Kestrel Bank takeover of Lumen Finance", title);
    }

    [Fact]
    public void Write_CommaInsideClosingQuote_StillEndsTheClause()
    {
        var title = Draft("The Lumen foundation is changing its name to “Open Skies Foundation,” starting in 2021 after a vote.");

        Assert.Equal("The Lumen foundation is changing its name to “Open Skies Foundation”", title);
    }

    [Fact]
    public void Write_VeryLongLead_AtMostHundredCharsAndNoDanglingEnd()
    {
        var lead = "Rumors picked up by three newspapers and two television networks have put some boundaries on what a possible deal between the two largest banks in the region will look like for their customers.";

        var title = Draft(lead);
        var headlineTense = lead.Replace(" have put ", " put ", StringComparison.Ordinal); // "will" in a clause of its own stays

        Assert.InRange(title.Length, 20, 100);
        Assert.StartsWith(title, headlineTense, StringComparison.Ordinal);
        Assert.False(char.IsLetterOrDigit(headlineTense[title.Length]), "cut mid-word");
        var last = title.Split(' ')[^1];
        Assert.DoesNotContain(last, DanglingWords);
    }

    [Theory]
    [InlineData("G7 finance ministers backed plans to write off up to 100% of the debts owed by some of the world's poorest countries.", "of the debts owed")]
    [InlineData("The Belgian sports minister at the centre of the Kuznetsova doping row at the Kestrel Cup says he will not resign over it.", "doping row at the Kestrel Cup")]
    public void Write_CutAfterAPossessiveOrAPronoun_EndsBeforeIt(string lead, string ending)
    {
        var title = Draft(lead);

        Assert.InRange(title.Length, 20, 100);
        Assert.EndsWith(ending, title, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CutWouldSplitAName_BacksOffBeforeTheName()
    {
        var lead = "Lumen Skies computer vision technology will be used in a new premium electric vehicle called Zero Concept from Geely Auto Group.";

        var title = Draft(lead);

        Assert.True(title.Length <= 100);
        Assert.DoesNotMatch(@"\bZero$", title);
    }

    [Fact]
    public void Write_QuoteFirst_UsesFirstNonQuoteParagraphAsLead()
    {
        var (title, _) = Write("“We are thrilled,” the founder said.", "Brightwave Robotics has raised $45 million.");

        Assert.Equal("Brightwave Robotics raises $45 million", title);
    }

    [Fact]
    public void Write_ShortLead_SummaryIsWholeLead()
    {
        var (_, summary) = Write("Kestrel Bank will cut 1,200 jobs. The cuts hit Spain.");

        Assert.Equal("Kestrel Bank will cut 1,200 jobs. The cuts hit Spain.", summary);
    }

    [Fact]
    public void Write_LongLead_SummaryEndsOnSentenceBoundaryWithinLimit()
    {
        var sentence = "Kestrel Bank said on Tuesday it will cut 1,200 jobs across Europe as the U.S. lender moves service online.";
        var lead = string.Join(' ', Enumerable.Repeat(sentence, 5));

        var (_, summary) = Write(lead);

        Assert.True(summary.Length <= 320);
        Assert.EndsWith("online.", summary, StringComparison.Ordinal);
        Assert.Equal(3, summary.Split("Kestrel").Length - 1);
    }

    [Fact]
    public void Write_FirstSentenceOverLimit_SummaryCutAtClauseWithEllipsis()
    {
        var lead = "Kestrel Bank said it will cut jobs, " + string.Join(", ", Enumerable.Repeat("closing branches in small towns across the south of Spain and Portugal", 6)) + ".";

        var (_, summary) = Write(lead);

        Assert.True(summary.Length <= 320);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.StartsWith(summary[..^1], lead, StringComparison.Ordinal);
        Assert.Equal(',', lead[summary.Length - 1]);
    }

    [Fact]
    public void Write_NoParagraphs_StillGivesATitle()
    {
        var (title, summary) = HeadlineWriter.Write(null, []);

        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Equal(string.Empty, summary);
    }

    [Fact]
    public void Write_ManyGeneratedLeads_NeverOverHundredNorMidWord()
    {
        var random = new Random(7);
        string[] vocabulary = ["Kestrel", "Bank", "said", "today", "it", "will", "cut", "jobs", "in", "the", "U.S.", "and", "of", "a", "which",
            "according", "to", "report", "(KB)", "—", "“quoted", "words”", "Lumen", "Skies", "on", "Tuesday", "but", "that", "news", "extraordinarily",
            "LONDON", "(Reuters)", "-", "Today,", "has", "an", "startup,", "Voltra,", "who", "Hyderabad-based", "commuters:", "It’s", "official:"];
        for (var n = 0; n < 2000; n++)
        {
            var words = Enumerable.Range(0, random.Next(1, 60)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var lead = string.Join(' ', words) + ".";

            var (title, summary) = Write(lead);

            Assert.InRange(title.Length, 1, 100);
            Assert.True(summary.Length <= 320, summary);
            var leadWords = lead.Split(' ').Select(l => l.Trim('“', '”', ',', '.', '’', '‘')).ToList();
            foreach (var w in title.Split(' '))
            {
                var bare = (w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w).Trim('“', '”', ',', '.', '’', '‘'); // "its" may become "Subject’s"
                if (bare != "to") // "will" becomes the headline's "to"
                {
                    // A word of the lead, or the present of one ("cut" -> "cuts", "quoted" -> "quotes").
                    Assert.True(
                        lead.Contains(bare, StringComparison.OrdinalIgnoreCase)
                            || leadWords.Any(l => HeadlineWriter.Present(l, plural: false, SplitterLexicon.Default) == bare || HeadlineWriter.Present(l, plural: true, SplitterLexicon.Default) == bare),
                        $"{bare} in {title}");
                }
            }
        }
    }
}
