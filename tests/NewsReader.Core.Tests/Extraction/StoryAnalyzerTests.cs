using NewsReader.Core.Extraction;
using static NewsReader.Core.Tests.Extraction.AnalyzerTestHelper;

namespace NewsReader.Core.Tests.Extraction;

public class StoryAnalyzerTests
{
    [Fact]
    public void Analyze_StoryLongerThanTheLimit_ReadsOnlyItsOpening()
    {
        var filler = Enumerable.Repeat("The market was quiet for most of the session, traders said, with volumes below average.", 3_000).ToArray();
        Assert.True(filler.Sum(p => p.Length) > StoryAnalyzer.MaxAnalyzedChars);

        var e = Analyze([.. filler.Prepend("Nvidia said on Monday that its revenue rose."), "Samsung said on Tuesday that its profit fell."]);

        Assert.Contains("Nvidia", e.Companies);
        Assert.DoesNotContain("Samsung", e.Companies);
    }
}
