using NewsReader.Web.Tests.Security;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>Matrix rows for the feeds: public like the pages they mirror.</summary>
public sealed class FeedMatrixRows : IMatrixSource
{
    public IEnumerable<EndpointRow> Endpoints =>
    [
        new("GET /feed", "GET", "/feed?q=tencent&country=china", Access.Public),
        new("GET /feed?format=rss", "GET", "/feed?format=rss", Access.Public),
        new("GET /companies/{slug}/feed", "GET", "/companies/tencent/feed", Access.Public),
        new("GET /countries/{slug}/feed", "GET", "/countries/china/feed", Access.Public),
        new("GET /topics/{slug}/feed", "GET", "/topics/funding/feed", Access.Public),
        new("GET /tags/{slug}/feed (unknown)", "GET", "/tags/no-such-tag/feed", Access.Public) { AllowedStatus = System.Net.HttpStatusCode.NotFound },
    ];
}
