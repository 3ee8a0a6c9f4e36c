using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Tagging;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Tagging;

/// <summary>The app over a store of its own whose sample stories carry people's tags (one of them hostile).</summary>
public sealed class TaggedWebAppFixture : IAsyncLifetime
{
    public const string Hostile = "<img src=x onerror=window.__pwned=1>";
    public const string HostileSlug = "img-src-x-onerror-window-pwned-1";

    private TestStore? _store;

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await SampleStories.AddAllAsync(_store);
        var tagger = new StoryTagger(_store.Factory);
        await tagger.AddNamedAsync("nvidia-chip-export-rules", "Green Deal", "reader@example.test");
        await tagger.AddNamedAsync("alibaba-cloud-results", Hostile, "reader@example.test");
        var dropped = await tagger.AddNamedAsync("alibaba-cloud-results", "Dropped label", "reader@example.test");
        await tagger.RemoveAsync("alibaba-cloud-results", dropped.Entity.EntityId, "reader@example.test");
        Factory = TestApp.For(_store.Folder);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}

public sealed class TagPagesHttpTests(TaggedWebAppFixture app) : IClassFixture<TaggedWebAppFixture>
{
    private async Task<(HttpStatusCode Status, IDocument Document)> GetAsync(string url)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, await new HtmlParser().ParseDocumentAsync(html));
    }

    private static List<string> Headlines(IDocument doc) =>
        doc.QuerySelectorAll("ol.story-list .story-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task TagPage_KnownSlug_ListsTheTaggedStory()
    {
        var (status, doc) = await GetAsync("/tags/green-deal");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Green Deal – Tags – NewsReader", doc.Title);
        Assert.Equal("Green Deal", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Nvidia faces new chip export rules"], Headlines(doc));
        Assert.Contains("Nvidia", doc.QuerySelectorAll("aside .facet-name").Select(e => e.TextContent));
    }

    [Fact]
    public async Task TagPage_UnknownSlug_Is404()
    {
        var (status, _) = await GetAsync("/tags/no-such-tag");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task TagPage_TagNoStoryHasAnyMore_Is404()
    {
        var (status, _) = await GetAsync("/tags/dropped-label");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task TagDirectory_ListsTagsWithCounts()
    {
        var (status, doc) = await GetAsync("/tags");

        Assert.Equal(HttpStatusCode.OK, status);
        var links = doc.QuerySelectorAll("ul.directory-list a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("/tags/green-deal", links["Green Deal"]);
        Assert.Equal("/tags/" + TaggedWebAppFixture.HostileSlug, links[TaggedWebAppFixture.Hostile]);
    }

    [Fact]
    public async Task Home_TaggedStories_TagsFacetWithCounts()
    {
        var (_, doc) = await GetAsync("/");

        var tags = doc.QuerySelectorAll("aside #facet-tag ~ ul .facet-name").Select(e => e.TextContent).ToList();
        Assert.Contains("Green Deal", tags);
        Assert.Contains(TaggedWebAppFixture.Hostile, tags);
    }

    [Fact]
    public async Task Home_ResultsWithoutTags_NoTagsFacet()
    {
        var (_, doc) = await GetAsync("/?company=tencent&topic=funding");

        Assert.NotEmpty(Headlines(doc));
        Assert.NotNull(doc.QuerySelector("aside #facet-company"));
        Assert.Null(doc.QuerySelector("aside #facet-tag"));
    }

    [Theory]
    [InlineData("/?tag=green-deal")]
    [InlineData("/?q=tag%3A%22green+deal%22")]
    [InlineData("/?q=green+deal")]
    public async Task Home_TagFilterOrSearch_FindsTheTaggedStory(string url)
    {
        var (status, doc) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Nvidia faces new chip export rules"], Headlines(doc));
    }

    [Fact]
    public async Task StoryPage_TagChipLinksToTagPage()
    {
        var (_, doc) = await GetAsync("/articles/nvidia-chip-export-rules");

        var link = doc.QuerySelectorAll(".story-tags a.tag-link").Single(a => a.TextContent == "Green Deal");
        Assert.Equal("/tags/green-deal", link.GetAttribute("href"));
        Assert.Empty(doc.QuerySelectorAll(".story-tags input")); // anonymous: no controls
    }

    [Theory]
    [InlineData("/articles/alibaba-cloud-results")]
    [InlineData("/tags/" + TaggedWebAppFixture.HostileSlug)]
    [InlineData("/tags")]
    [InlineData("/")]
    [InlineData("/?tag=" + TaggedWebAppFixture.HostileSlug)]
    public async Task Pages_HostileTagName_RenderAsText(string url)
    {
        var (status, doc) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Empty(doc.QuerySelectorAll("[onerror]"));
        Assert.Contains(doc.All, e => e.ChildNodes.Any(n => n.NodeType == NodeType.Text && n.TextContent.Contains(TaggedWebAppFixture.Hostile, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TagPage_HostileName_TitleIsText()
    {
        var (_, doc) = await GetAsync("/tags/" + TaggedWebAppFixture.HostileSlug);

        Assert.Equal($"{TaggedWebAppFixture.Hostile} – Tags – NewsReader", doc.Title);
        Assert.Equal(TaggedWebAppFixture.Hostile, doc.QuerySelector("h1")!.TextContent);
    }
}
