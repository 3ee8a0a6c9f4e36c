using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Extraction;

/// <summary>Runs the shipped analyzer over small hand-written stories.</summary>
internal static class AnalyzerTestHelper
{
    public static ArticleEntities Analyze(params string[] paragraphs) =>
        ArticleAnalyzer.LoadDefault().Analyze(paragraphs[0], paragraphs.Select(p => new Paragraph(p)).ToList());

    public static ArticleEntities AnalyzeWithTitle(string title, params string[] paragraphs) =>
        ArticleAnalyzer.LoadDefault().Analyze(title, paragraphs.Select(p => new Paragraph(p)).ToList());
}
