using System.Security.Cryptography;
using NewsReader.Core.Splitting;
using NewsReader.Core.Splitting.Training;

namespace NewsReader.Core.Tests.Splitting;

public class HeadlineCutTests
{
    private static readonly SplitterLexicon Lexicon = SplitterLexicon.Default;

    private static List<string> CutsBefore(string headline)
    {
        var words = headline.Split(' ');
        return [.. HeadlineCut.Cuts(words, Lexicon).Select(i => words[i])];
    }

    // A model that keeps each word with the given chance whatever its features, aiming at a length.
    private static HeadlineModel Constant(double chance, double expectedLength) =>
        new(HeadlineCut.FeatureNames, [.. HeadlineCut.FeatureNames.Select(_ => 0f)], (float)Math.Log(chance / (1 - chance)), -1, 0, expectedLength, "test", []);

    [Theory]
    [InlineData("Umbro posted a 222% rise in annual profit", "in")]
    [InlineData("Lufthansa may sue federal agencies for damages", "for")]
    [InlineData("England suffered an eighth defeat in 11 Tests", "in")]
    public void Cuts_BeforeAPhraseAfterTheVerb(string headline, string before) => Assert.Equal([before], CutsBefore(headline));

    [Theory]
    [InlineData("G7 finance ministers backed plans to write off up to 100%")] // a particle keeps its preposition
    [InlineData("Oracle is cutting about 5,000 jobs")] // an amount
    [InlineData("The Liberal Democrats are aiming to unseat top Tories")] // a verb keeps its "to"
    [InlineData("Reports of a snap election were described as speculation")] // and its "as"
    [InlineData("Ministers unveiled plans aimed at cutting red tape")] // or "at"
    [InlineData("Shares in Cairn Energy")] // no verb yet
    [InlineData("Franz Ferdinand, who shot to prominence in 2004")] // inside a relative clause
    [InlineData("Kestrel could be one of the winners")] // never after a function word
    [InlineData("Eight protesters who stormed the chamber during a debate")] // the verb is the relative clause's
    [InlineData("Kestrel hired a string of top bankers")] // a quantity waits for its "of"
    public void Cuts_NoneWhereTheHeadlineWouldNotReadWhole(string headline) => Assert.Empty(CutsBefore(headline));

    [Fact]
    public void Shorten_WordsAfterTheCutUnlikely_CutThere()
    {
        var paragraphs = new List<Paragraph> { new("Umbro posted a 222% rise in annual profit.") };
        // Early words likely kept (0.73 for the first), late ones not (0.02 for the last).
        var model = Constant(0.5, 3) with { Weights = [-6f, .. HeadlineCut.FeatureNames.Skip(1).Select(_ => 0f)], Bias = 1 };

        var title = HeadlineCut.Shorten("Umbro posted a 222% rise in annual profit", paragraphs, 0, model, Lexicon);

        Assert.Equal("Umbro posted a 222% rise", title);
    }

    [Fact]
    public void Shorten_LongExpectedHeadline_KeepsTheWhole()
    {
        var paragraphs = new List<Paragraph> { new("Umbro posted a 222% rise in annual profit.") };

        var title = HeadlineCut.Shorten("Umbro posted a 222% rise in annual profit", paragraphs, 0, Constant(0.5, 40), Lexicon);

        Assert.Equal("Umbro posted a 222% rise in annual profit", title);
    }

    [Fact]
    public void Tokens_CountTheWordInTheBodyButNotInTheLead()
    {
        var paragraphs = new List<Paragraph>
        {
            new("Umbro posted a rise in profit."),
            new("Umbro shirts sold well, and UMBRO boots."),
            new("Profit rose at Umbro."),
        };

        var tokens = HeadlineCut.Tokens("Umbro posted a rise".Split(' '), paragraphs, 0, Lexicon);

        var umbro = Assert.Single(tokens, t => t.Lower == "umbro");
        Assert.Equal(3, umbro.BodyCount);
        Assert.True(umbro.InNextParagraph);
        Assert.True(umbro.FirstWord);
        var posted = Assert.Single(tokens, t => t.Lower == "posted");
        Assert.Equal(0, posted.BodyCount);
        Assert.DoesNotContain(tokens, t => t.Lower == "a");
    }

    [Fact]
    public void Default_Loads_TheModelTheTrainingCommandWrote()
    {
        var model = HeadlineModel.Default;

        Assert.Equal(HeadlineCut.FeatureNames, model.Features);
        Assert.StartsWith("train-headlines ", model.Command, StringComparison.Ordinal);
        Assert.True(model.ExpectedLength > 0);
    }

    [Fact]
    public void ShippedModelHash_IsTheOneTheDocsName()
    {
        using var stream = typeof(HeadlineModel).Assembly.GetManifestResourceStream(HeadlineModel.ResourceName)!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));

        Assert.Contains(hash, File.ReadAllText(RepoPaths.File("docs", "seed-format.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelForOtherFeatures_Refused()
    {
        var other = Constant(0.5, 3) with { Features = ["position"], Weights = [0f] };
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(other.ToJson()));

        var error = Assert.Throws<InvalidDataException>(() => HeadlineModel.Load(json));

        Assert.Contains("train-headlines", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Umbro profits lifted by Euro 2004", "Umbro profits rise", 0.5)]
    [InlineData("Umbro profits", "umbro PROFITS", 1.0)]
    [InlineData("Umbro profits", "Kestrel jobs", 0.0)]
    [InlineData("The profits of Umbro", "Umbro's profits", 0.8)]
    public void Rouge1_CountsSharedContentWords(string headline, string reference, double expected) =>
        Assert.Equal(expected, HeadlineTraining.Rouge1(headline, reference, Lexicon), 3);
}
