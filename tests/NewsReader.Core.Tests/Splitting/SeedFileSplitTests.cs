using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

public class SeedFileSplitTests
{
    [Fact]
    public async Task Split_FixtureWithBylineCaptionsAndRepeat_FindsFourArticles()
    {
        var text = await SeedReader.ReadFileAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "split-three-stories-and-repeat.txt"));

        var (result, duplicateOf) = SeedParser.Split(text);

        Assert.Equal(["Jane Doe - Technology Reporter"], result.Header);
        Assert.Equal(4, result.Articles.Count);
        Assert.Equal([null, null, null, 0], duplicateOf);
        Assert.Single(result.Articles[0].Paragraphs, p => p.Text.StartsWith("Lena Hartmann", StringComparison.Ordinal));
        Assert.Contains(result.Articles[1].Paragraphs, p => p is { Text: "Jobs and branches", Kind: ParagraphKind.Subheading });
    }

    [Fact]
    public async Task Split_RepositorySeed_TwelveArticlesOneDuplicateBylineInHeader()
    {
        var seed = Path.Combine(RepoPaths.Root, "seeds", "000_1de324df2325276a.txt");
        var text = await SeedReader.ReadFileAsync(seed);

        var (result, duplicateOf) = SeedParser.Split(text);

        Assert.Equal(12, result.Articles.Count);
        Assert.Single(duplicateOf, d => d is not null);
        Assert.Equal(2, duplicateOf[3]);
        Assert.Single(result.Header);
        Assert.Equal(5, result.Articles.SelectMany(a => a.Paragraphs).Count(p => p.Kind == ParagraphKind.Subheading));
    }
}
