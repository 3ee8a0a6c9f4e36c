using AngleSharp.Html.Parser;

namespace NewsReader.Web.Tests.Http;

/// <summary>What a list page shows, for tests that compare another view of the list (a feed, the API) with it.</summary>
public static class PageHeadlines
{
    /// <summary>The headlines of the prerendered list at <paramref name="url"/>, in page order.</summary>
    public static async Task<List<string>> PageHeadlinesAsync(this WebAppFixture app, string url)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return new HtmlParser().ParseDocument(html).QuerySelectorAll("ol.story-list .story-title a").Select(a => a.TextContent).ToList();
    }
}
