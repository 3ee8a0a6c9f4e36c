using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>Feeds of the list views, parsed back and compared with the pages at the same URL state.</summary>
public abstract class FeedHttpTests(WebAppFixture app)
{
    private const string Site = "http://localhost/";

    private static async Task<(HttpResponseMessage Response, SyndicationFeed Feed, string Xml)> GetFeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        return (response, SyndicationFeed.Load(reader), xml);
    }

    [Theory]
    [InlineData("/", "/feed")]
    [InlineData("/?q=Tencent", "/feed?q=Tencent")]
    [InlineData("/?q=china%20-nvidia", "/feed?q=china%20-nvidia")]
    [InlineData("/?company=tencent&country=japan", "/feed?company=tencent&country=japan")]
    [InlineData("/?country=china&topic=funding", "/feed?country=china&topic=funding")]
    [InlineData("/companies/tencent", "/companies/tencent/feed")]
    [InlineData("/countries/china", "/countries/china/feed")]
    [InlineData("/topics/semiconductors", "/topics/semiconductors/feed")]
    public async Task Feed_Get_SameStoriesInTheSameOrderAsThePage(string page, string feed)
    {
        using var client = app.CreateClient();

        var (response, parsed, _) = await GetFeedAsync(client, feed);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var expected = await app.PageHeadlinesAsync(page);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, parsed.Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task Feed_Get_EntriesCarryHeadlineSummaryLinkTimesAndCategories()
    {
        using var client = app.CreateClient();

        var (_, feed, xml) = await GetFeedAsync(client, "/feed?company=tencent");

        Assert.Equal("Stories: Tencent – NewsReader", feed.Title.Text);
        Assert.Equal(Site + "?company=tencent", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal(Site + "feed?company=tencent", feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        var first = feed.Items.First();
        Assert.Equal("Tencent leads $100 million round in esports firm VSPN", first.Title.Text);
        Assert.Equal("VSPN raised close to $100 million in a Series B round led by Tencent.", ((TextSyndicationContent)first.Summary).Text);
        Assert.Equal(Site + "articles/tencent-leads-vspn-round", first.Links.Single().Uri.AbsoluteUri);
        Assert.Equal(Site + "articles/tencent-leads-vspn-round", first.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), first.LastUpdatedTime);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), first.PublishDate);
        var tencent = first.Categories.Single(c => c.Name == "Tencent");
        Assert.Equal("Tencent", tencent.Label);
        Assert.Equal(Site + "companies", tencent.Scheme);
        Assert.Contains(first.Categories, c => c.Label == "China" && c.Scheme == Site + "countries");
        Assert.Contains(first.Categories, c => c.Label == "Funding" && c.Scheme == Site + "topics");
        // The feed's own time is its newest entry's, so an unchanged list makes the same document.
        Assert.Equal(first.LastUpdatedTime, feed.LastUpdatedTime);
        Assert.Contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_HostileText_IsEscapedAndReadsBackAsTheSameText()
    {
        using var client = app.CreateClient();

        var (_, feed, xml) = await GetFeedAsync(client, "/feed?company=b-evil-b-corp");

        var item = Assert.Single(feed.Items);
        Assert.Equal("<script>alert('headline')</script> Hostile headline", item.Title.Text);
        Assert.Contains(item.Categories, c => c.Name == "<b>Evil</b> Corp");
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", xml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_QueryWithCharactersXmlCannotHold_StillAWellFormedFeed()
    {
        using var client = app.CreateClient();

        var (_, feed, _) = await GetFeedAsync(client, "/feed?q=%01Tencent%EF%BF%BF%0B");

        Assert.Equal("Results for “Tencent” – NewsReader", feed.Title.Text);
        Assert.Equal(2, feed.Items.Count());
    }

    [Fact]
    public async Task Feed_SameETagOrLaterDate_Answers304WithoutBody()
    {
        using var client = app.CreateClient();
        var (first, _, _) = await GetFeedAsync(client, "/feed?country=china");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), lastModified);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());

        using var byTag = new HttpRequestMessage(HttpMethod.Get, new Uri("/feed?country=china", UriKind.Relative));
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, new Uri("/feed?country=china", UriKind.Relative));
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedByDate = await client.SendAsync(byDate);
        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri("/feed?country=china", UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(stale);
        using var older = new HttpRequestMessage(HttpMethod.Get, new Uri("/feed?country=china", UriKind.Relative));
        older.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        using var changedByDate = await client.SendAsync(older);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changedByDate.StatusCode);
    }

    [Fact]
    public async Task Feed_DifferentViews_HaveDifferentETags()
    {
        using var client = app.CreateClient();

        var (china, _, _) = await GetFeedAsync(client, "/feed?country=china");
        var (japan, _, _) = await GetFeedAsync(client, "/feed?country=japan");
        var (rss, _, _) = await GetFeedAsync(client, "/feed?country=china&format=rss");

        Assert.NotEqual(china.Headers.ETag, japan.Headers.ETag);
        Assert.NotEqual(china.Headers.ETag, rss.Headers.ETag);
    }

    [Fact]
    public async Task Feed_FormatRss_IsRss20WithTheSameItems()
    {
        using var client = app.CreateClient();

        var (response, feed, xml) = await GetFeedAsync(client, "/feed?company=tencent&format=rss");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<rss", xml[xml.IndexOf("<rss", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("version=\"2.0\"", xml, StringComparison.Ordinal);
        Assert.Equal(await app.PageHeadlinesAsync("/?company=tencent"), feed.Items.Select(i => i.Title.Text));
        Assert.Equal(Site + "articles/tencent-leads-vspn-round", feed.Items.First().Links.First().Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("/feed?format=json", HttpStatusCode.BadRequest, "Unknown feed format")]
    [InlineData("/companies/tencent/feed?format=xml", HttpStatusCode.BadRequest, "Unknown feed format")]
    [InlineData("/companies/no-such-company/feed", HttpStatusCode.NotFound, "No such company")]
    [InlineData("/tags/no-such-tag/feed", HttpStatusCode.NotFound, "No such tag")]
    public async Task Feed_BadFormatOrUnknownEntity_AnswersProblemDocument(string url, HttpStatusCode status, string title)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Feed_FilterNamingNoEntity_IsAnEmptyFeed()
    {
        using var client = app.CreateClient();

        var (response, feed, _) = await GetFeedAsync(client, "/feed?company=no-such-company");

        Assert.Empty(feed.Items);
        Assert.Null(response.Content.Headers.LastModified);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Feed_MoreStoriesThanAPage_LinksTheNextPageWhichContinuesTheList()
    {
        await using var small = app.Factory.WithWebHostBuilder(b => b.UseSetting("Reader:PageSize", "3"));
        using var client = small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (_, first, _) = await GetFeedAsync(client, "/feed");
        var next = first.Links.Single(l => l.RelationshipType == "next").Uri;
        var (_, second, _) = await GetFeedAsync(client, next.PathAndQuery);

        Assert.Equal(3, first.Items.Count());
        Assert.StartsWith(Site + "feed?after=", next.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(["<script>alert('headline')</script> Hostile headline"], second.Items.Select(i => i.Title.Text));
        Assert.DoesNotContain(second.Links, l => l.RelationshipType == "next");
    }

    [Theory]
    [InlineData("/?q=Tencent&company=tencent&after=x", "/feed?q=Tencent&company=tencent")]
    [InlineData("/", "/feed")]
    [InlineData("/companies/tencent", "/companies/tencent/feed")]
    public async Task Page_Get_HasAlternateLinkInHeadAndVisibleFeedLink(string page, string feed)
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));

        var doc = new HtmlParser().ParseDocument(html);
        var alternate = doc.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']");
        Assert.NotNull(alternate);
        Assert.Equal(feed, alternate!.GetAttribute("href"));
        var visible = doc.QuerySelector("main a.feed-link");
        Assert.NotNull(visible);
        Assert.Equal(feed, visible!.GetAttribute("href"));
        Assert.Equal("Feed", visible.TextContent.Trim());
    }

    [Fact]
    public async Task Feed_Head_AnswersLikeGetWithoutBody()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/feed", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}

[Collection(WebAppGroup.Name)]
public sealed class FeedHttpSqliteTests(WebAppFixture app) : FeedHttpTests(app);

[Collection(PostgresWebAppGroup.Name)]
public sealed class FeedHttpPostgresTests(PostgresWebAppFixture app) : FeedHttpTests(app);
