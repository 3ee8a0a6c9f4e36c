using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Extraction;

/// <summary>Runs the shipped analyzer over small hand-written stories.</summary>
internal static class AnalyzerTestHelper
{
    public static ExtractedEntities Analyze(params string[] paragraphs) =>
        StoryAnalyzer.LoadDefault().Analyze(paragraphs[0], paragraphs.Select(p => new Paragraph(p)).ToList());

    public static ExtractedEntities AnalyzeWithTitle(string title, params string[] paragraphs) =>
        StoryAnalyzer.LoadDefault().Analyze(title, paragraphs.Select(p => new Paragraph(p)).ToList());
}
