using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Extraction;

public class ExtractionKnowledgeTests
{
    [Fact]
    public void Load_EmbeddedFiles_AllPresentAndNonEmpty()
    {
        var k = ExtractionKnowledge.Load();

        Assert.True(k.Companies.Count > 300);
        Assert.True(k.Countries.Count > 190);
        Assert.True(k.FirstNames.Count > 100);
        Assert.NotEmpty(k.TopicTerms);
    }

    [Fact]
    public void Load_OverrideDirectory_ReplacesOnlyTheFilesItHas()
    {
        var dir = Directory.CreateTempSubdirectory("newsreader-knowledge-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "companies.tsv"), "# test gazetteer\nZorblatt\tZorblatt Corp\n");
            var analyzer = StoryAnalyzer.Load(dir.FullName);

            var e = analyzer.Analyze("x", [new Paragraph("Zorblatt met Google in China, and in China again.")]);

            Assert.Equal(["Zorblatt"], e.Companies);
            Assert.Equal(["China"], e.Countries);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDefault_IsLoadedOnce()
    {
        Assert.Same(StoryAnalyzer.LoadDefault(), StoryAnalyzer.LoadDefault());
    }

    [Fact]
    public void Analyze_NoParagraphs_UsesTheHeadlineAlone()
    {
        var e = StoryAnalyzer.LoadDefault().Analyze("Nvidia buys Arm in China and Japan", []);

        Assert.Contains("Nvidia", e.Companies);
        Assert.Equal(["China", "Japan"], e.Countries.Order());
    }
}
