using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Web.Markdown;

/// <summary>
/// Turns story text (Markdown) into safe HTML: the one place in the app where HTML is made from text.
/// Three independent layers, so one mistake is not enough for script to reach a page: raw HTML is
/// disabled in the Markdig pipeline (it comes out escaped), links and images with a scheme outside
/// the allow-list lose their target, and the output is run through an HTML sanitiser.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Link schemes a story may point to; anything else (javascript:, data:, vbscript:) is dropped.</summary>
    public static readonly IReadOnlySet<string> AllowedSchemes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    // One pipeline for the whole app: Markdig pipelines are immutable and thread-safe once built.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Renders <paramref name="markdown"/> to sanitised HTML. Headings are demoted to at least
    /// <paramref name="minHeadingLevel"/> so a story's subheadings sit below the page's own h1.
    /// </summary>
    public static string ToSafeHtml(string? markdown, int minHeadingLevel = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading when heading.Level < minHeadingLevel:
                    heading.Level = Math.Min(minHeadingLevel, 6);
                    break;
                case LinkInline link when !IsAllowedUrl(link.Url):
                    link.Url = string.Empty;
                    break;
                case AutolinkInline autolink when !IsAllowedUrl(autolink.Url):
                    autolink.Url = string.Empty;
                    break;
            }
        }

        var html = Markdig.Markdown.ToHtml(document, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    /// <summary>True for relative URLs and for absolute ones whose scheme is allow-listed.</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"),
        // so judge the URL the way a browser would read it.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon)
        {
            return true; // a relative path that happens to contain a colon later on
        }

        return AllowedSchemes.Contains(compact[..colon]);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in AllowedSchemes)
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        // Markdig marks up code blocks with language classes; nothing else needs class or style.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
