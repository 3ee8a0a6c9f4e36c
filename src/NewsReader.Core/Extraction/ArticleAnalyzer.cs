using NewsReader.Core.Splitting;

namespace NewsReader.Core.Extraction;

/// <summary>Finds the companies, countries and topics a story is about.</summary>
public sealed class ArticleAnalyzer
{
    /// <summary>PLACEHOLDER: loads the knowledge files shipped with the application.</summary>
    public static ArticleAnalyzer LoadDefault() => new();

    /// <summary>PLACEHOLDER: finds nothing yet.</summary>
    public ArticleEntities Analyze(string title, IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        _ = GetHashCode();
        return ArticleEntities.None;
    }
}
