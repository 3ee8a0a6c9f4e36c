using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class BoundaryModelTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir!.FullName, .. parts]);
    }

    [Fact]
    public void Default_Loads_TheModelTheCardDescribes()
    {
        var model = BoundaryModel.Default;

        Assert.Equal(BoundaryFeatures.Names, model.Card.Features);
        Assert.Equal(model.Card.ModelSha256, BoundaryModel.ShippedModelSha256());
        Assert.StartsWith("train-splitter ", model.Card.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedModelHash_IsTheOneTheDocsName()
    {
        var docs = File.ReadAllText(RepoFile("docs", "seed-format.md"));

        Assert.Contains(BoundaryModel.ShippedModelSha256(), docs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_TreesReadOutOfTheModel_AgreeWithMLNetsOwnPipeline()
    {
        var seed = Directory.GetFiles(RepoFile("seeds"), "*.txt")[0];
        var text = await SeedReader.ReadFileAsync(seed);
        var (_, paragraphs) = SeedSplitter.Prepare(text.Lines, SplitterLexicon.Default);
        var signals = BoundaryScorer.Score(paragraphs, SplitterLexicon.Default);
        var rows = BoundaryModel.Rows(paragraphs, signals, FileStyle.Of(signals)).ToList();

        var ours = BoundaryModel.Default.Score(rows).ToList();
        var theirs = BoundaryModel.Default.ScoreThroughMLNet(rows).ToList();

        Assert.Equal(theirs.Count, ours.Count);
        Assert.All(ours.Zip(theirs), pair => Assert.Equal(pair.Second, pair.First, 4));
        Assert.Contains(ours, p => p > 0.9);
        Assert.Contains(ours, p => p < 0.1);
    }

    [Fact]
    public void Load_CardForOtherFeatures_Refused()
    {
        using var model = new MemoryStream();
        using var card = new MemoryStream();
        BoundaryModel.Save(BoundaryModel.Default.Transformer, BoundaryModel.Default.Card with { Features = ["lead.only"] }, model, card);
        model.Position = 0;
        card.Position = 0;

        Assert.Throws<InvalidDataException>(() => BoundaryModel.Load(model, card));
    }
}
