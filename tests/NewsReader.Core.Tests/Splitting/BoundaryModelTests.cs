using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;
using NewsReader.Core.Splitting.Training;

namespace NewsReader.Core.Tests.Splitting;

public class BoundaryModelTests
{
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
        var docs = File.ReadAllText(RepoPaths.File("docs", "seed-format.md"));

        Assert.Contains(BoundaryModel.ShippedModelSha256(), docs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trees_WrittenAndReadBack_AgreeWithMLNetsOwnPipeline()
    {
        var files = new List<FileExamples>();
        foreach (var name in (string[])["a2-fin-wire", "wire-business"])
        {
            var text = RepoPaths.File("tests", "NewsReader.Core.Tests", "Fixtures", "annotated", name + ".txt");
            files.Add(SplitterTrainer.Examples(await TrainingFiles.LoadGoldAsync(text, Path.ChangeExtension(text, null) + ".gold.json")));
        }

        var settings = new TrainerSettings { Trees = 20, Leaves = 8, MinimumExamplesPerLeaf = 5 };
        var transformer = SplitterTrainer.Fit(files, settings);
        using var model = new MemoryStream();
        using var card = new MemoryStream();
        SplitterTrainer.Wrap(transformer, DecoderSettings.Neutral).Save(model, card);
        model.Position = 0;
        card.Position = 0;
        var loaded = BoundaryModel.Load(model, card);
        var rows = await SeedRows();

        var ours = loaded.Score(rows).ToList();
        var theirs = MLNetTrees.Score(transformer, rows).ToList();

        Assert.Equal(20, loaded.Trees.TreeCount);
        Assert.Equal(theirs.Count, ours.Count);
        Assert.All(ours.Zip(theirs), pair => Assert.Equal(pair.Second, pair.First, 4));
        Assert.Contains(ours, p => p > 0.5);
        Assert.Contains(ours, p => p < 0.1);
    }

    [Fact]
    public async Task Default_ScoresTheSeedsLeadsHighAndItsBodyLow()
    {
        var ours = BoundaryModel.Default.Score(await SeedRows()).ToList();

        Assert.Contains(ours, p => p > 0.9);
        Assert.Contains(ours, p => p < 0.1);
    }

    [Fact]
    public void Load_CardForOtherFeatures_Refused()
    {
        using var model = new MemoryStream();
        using var card = new MemoryStream();
        new BoundaryModel(BoundaryModel.Default.Trees, BoundaryModel.Default.Card).Save(model, card);
        var otherCard = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(BoundaryModel.Default.Card with { Features = ["lead.only"] })));
        model.Position = 0;

        Assert.Throws<InvalidDataException>(() => BoundaryModel.Load(model, otherCard));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("wrong magic")]
    [InlineData("child out of its tree")]
    [InlineData("trailing bytes")]
    public void Load_DamagedTreeFile_RefusedWithAClearMessage(string damage)
    {
        using var model = new MemoryStream();
        using var card = new MemoryStream();
        BoundaryModel.Default.Save(model, card);
        var bytes = model.ToArray();
        bytes = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "wrong magic" => [(byte)'X', .. bytes[1..]],
            "child out of its tree" => WithFirstLeftChild(bytes, 1_000_000),
            _ => [.. bytes, 0],
        };
        card.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => BoundaryModel.Load(new MemoryStream(bytes), card));
        Assert.StartsWith("The boundary model file is damaged", error.Message, StringComparison.Ordinal);
    }

    // The header is 5 ints, then per tree two ints; the first node's left child follows its feature and threshold.
    private static byte[] WithFirstLeftChild(byte[] bytes, int child)
    {
        var trees = BitConverter.ToInt32(bytes, 8);
        var at = (5 * 4) + (2 * 4 * trees) + 8;
        var copy = bytes.ToArray();
        BitConverter.GetBytes(child).CopyTo(copy, at);
        return copy;
    }

    private static async Task<List<BoundaryRow>> SeedRows()
    {
        var seed = Directory.GetFiles(RepoPaths.File("seeds"), "*.txt")[0];
        var text = await SeedReader.ReadFileAsync(seed);
        var (_, paragraphs) = SeedSplitter.Prepare(text.Lines, SplitterLexicon.Default);
        var signals = BoundaryScorer.Score(paragraphs, SplitterLexicon.Default);
        return [.. BoundaryModel.Rows(paragraphs, signals, FileStyle.Of(signals))];
    }
}
