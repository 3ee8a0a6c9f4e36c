using System.Net;
using AngleSharp.Html.Parser;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Data;
using NewsReader.Web.Tests.Account;

namespace NewsReader.Web.Tests.Http;

public abstract class PageHttpTests(WebAppFixture app)
{
    private async Task<(HttpStatusCode Status, IDocument Document, string Html)> GetAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return (response.StatusCode, document, html);
    }

    [Fact]
    public async Task Home_Get_PrerendersStoriesNewestFirst()
    {
        var (status, doc, _) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Latest stories – NewsReader", doc.Title);
        var headlines = doc.QuerySelectorAll("ol.story-list .story-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(4, headlines.Count);
        Assert.Equal("Tencent leads $100 million round in esports firm VSPN", headlines[0]);
        Assert.Equal("Nvidia faces new chip export rules", headlines[1]);
        Assert.Contains("4 stories", doc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/articles/nvidia-chip-export-rules", HttpStatusCode.OK)]
    [InlineData("/articles/no-such-story", HttpStatusCode.NotFound)]
    public async Task Page_Head_AnswersLikeGetWithoutBody(string url, HttpStatusCode expected)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Home_Get_HasLandmarksSearchAndFacets()
    {
        var (_, doc, _) = await GetAsync("/");

        Assert.NotNull(doc.QuerySelector("header"));
        Assert.NotNull(doc.QuerySelector("main#main"));
        Assert.NotNull(doc.QuerySelector("form[role=search] input#search[name=q]"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        var companies = doc.QuerySelectorAll("aside #facet-company ~ ul .facet-name").Select(e => e.TextContent).ToList();
        Assert.Equal("Tencent", companies[0]);
    }

    [Theory]
    [InlineData(Persona.Admin, true)]
    [InlineData(Persona.Reader, false)]
    [InlineData(Persona.Anonymous, false)]
    public async Task Story_Get_EditLinkForAdminsOnly(Persona persona, bool shown)
    {
        using var client = await app.CreateClientAsync(persona);
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        long id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            id = db.Stories.Single(a => a.Slug == "nvidia-chip-export-rules").Id;
        }

        var html = await client.GetStringAsync(new Uri("/articles/nvidia-chip-export-rules", UriKind.Relative));

        var edit = new HtmlParser().ParseDocument(html).QuerySelector(".article-header .dateline a.admin-edit");
        Assert.Equal(shown, edit is not null);
        if (edit is not null)
        {
            Assert.Equal($"/admin/stories/{id}", edit.GetAttribute("href"));
            Assert.Equal("Edit", edit.TextContent);
        }
    }

    [Fact]
    public async Task Story_Get_RendersBodyChipsAndNeighbours()
    {
        var (status, doc, _) = await GetAsync("/articles/nvidia-chip-export-rules");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Nvidia faces new chip export rules – NewsReader", doc.Title);
        Assert.Equal("Nvidia faces new chip export rules", doc.QuerySelector("h1")!.TextContent);
        var added = doc.QuerySelector(".article-header time")!;
        Assert.Equal("2026-01-01T11:59Z", added.GetAttribute("datetime"));
        Assert.Equal("Added 1 Jan 2026", added.TextContent);
        Assert.Contains("Nvidia said sales would fall.", doc.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        var headings = doc.QuerySelectorAll(".entity-groups h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["About", "Also mentioned"], headings);
        var about = doc.QuerySelectorAll(".entity-groups ul")[0].TextContent;
        var mentioned = doc.QuerySelectorAll(".entity-groups ul")[1].TextContent;
        Assert.Contains("Nvidia", about, StringComparison.Ordinal);
        Assert.Contains("China", mentioned, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("a[rel=prev][href='/articles/tencent-leads-vspn-round']"));
        Assert.NotNull(doc.QuerySelector("a[rel=next][href='/articles/alibaba-cloud-results']"));
        Assert.Contains("Related stories", doc.QuerySelector(".related h2")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/no-such-story")]
    [InlineData("/companies/no-such-company")]
    [InlineData("/countries/atlantis")]
    [InlineData("/topics/nothing")]
    [InlineData("/no/such/page")]
    public async Task Unknown_Get_Returns404WithNotFoundPage(string url)
    {
        var (status, doc, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page not found", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Company_Get_ListsStoriesCountsAndAlongside()
    {
        var (status, doc, _) = await GetAsync("/companies/tencent");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Tencent", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("2 stories, about it in 1", doc.QuerySelector(".entity-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, doc.QuerySelectorAll("ol.story-list > li").Length);
        var countries = doc.QuerySelectorAll("#alongside-countries ~ ul .facet-name").Select(e => e.TextContent).ToList();
        Assert.Equal("China", countries[0]);
    }

    [Theory]
    [InlineData("/companies", "Companies", "Tencent")]
    [InlineData("/countries", "Countries", "China")]
    [InlineData("/topics", "Topics", "Funding")]
    public async Task Directory_Get_ListsEntitiesWithCounts(string url, string heading, string first)
    {
        var (status, doc, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(first, doc.QuerySelector(".directory-list a")!.TextContent);
        Assert.NotNull(doc.QuerySelector("label[for=directory-filter]"));
    }

    [Fact]
    public async Task Directory_GetWithFilter_ShowsMatchesOnly()
    {
        var (_, doc, _) = await GetAsync("/companies?filter=ali");

        Assert.Equal(["Alibaba"], doc.QuerySelectorAll(".directory-list a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Search_Get_RanksMatchesWithHighlightedSnippets()
    {
        var (status, doc, _) = await GetAsync("/?q=Tencent");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Results for “Tencent”", doc.QuerySelector("h1")!.TextContent);
        var headlines = doc.QuerySelectorAll(".story-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(2, headlines.Count);
        Assert.Equal("Tencent leads $100 million round in esports firm VSPN", headlines[0]);
        Assert.All(doc.QuerySelectorAll(".story-snippet"), s => Assert.Equal("Tencent", s.QuerySelector("mark")!.TextContent));
    }

    [Fact]
    public async Task Search_GetWithFilters_CombinesWithAndShowsChips()
    {
        var (_, doc, _) = await GetAsync("/?q=Tencent&country=japan");

        Assert.Equal(["Alibaba cloud revenue grows"], doc.QuerySelectorAll(".story-title a").Select(a => a.TextContent));
        var chip = doc.QuerySelector("[aria-label='Remove filter Country: Japan']");
        Assert.NotNull(chip);
        Assert.DoesNotContain("country=", chip!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_GetCompanyThenCountry_CountsNarrow()
    {
        var (_, all, _) = await GetAsync("/?company=tencent");
        var (_, narrowed, _) = await GetAsync("/?company=tencent&country=japan");

        Assert.Contains("2 stories", all.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 story", narrowed.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var selected = narrowed.QuerySelectorAll("aside a[aria-current=true] .facet-name").Select(e => e.TextContent).ToList();
        Assert.Equal(["Tencent", "Japan"], selected);
    }

    [Fact]
    public async Task Filter_GetTwoCompanies_RequiresBoth()
    {
        var (_, doc, _) = await GetAsync("/?company=tencent&company=alibaba");

        Assert.Equal(["Alibaba cloud revenue grows"], doc.QuerySelectorAll(".story-title a").Select(a => a.TextContent));
        Assert.Equal(2, doc.QuerySelectorAll("a[aria-label^='Remove filter Company']").Length);
    }

    [Fact]
    public async Task Search_NothingMatches_ShowsEmptyStateSuggestingFilterRemoval()
    {
        var (status, doc, _) = await GetAsync("/?q=Nvidia&company=alibaba");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("No stories match", doc.QuerySelector(".empty-state h2")!.TextContent);
        Assert.Contains("Remove company “Alibaba”", doc.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?q=%22unbalanced")]
    [InlineData("/?q=NEAR(a%20b)%20OR%20*")]
    [InlineData("/?q=company:")]
    [InlineData("/?after=garbage")]
    [InlineData("/?company=does-not-exist")]
    public async Task List_OddInput_StillReturns200(string url)
    {
        var (status, _, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task HostileStory_Get_RendersInert()
    {
        var (status, doc, html) = await GetAsync("/articles/" + Fixtures.SampleStories.HostileSlug);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(doc.QuerySelectorAll("main img"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('headline')</script>", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_KeysetCursor_ReturnsTheNextStories()
    {
        await using var factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Reader:PageSize", "3"));
        using var client = factory.CreateClient();
        var first = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(next)));

        Assert.Equal(3, first.QuerySelectorAll(".story-title a").Length);
        Assert.Equal(["<script>alert('headline')</script> Hostile headline"], second.QuerySelectorAll(".story-title a").Select(a => a.TextContent));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }
}

[Collection(WebAppGroup.Name)]
public sealed class PageHttpSqliteTests(WebAppFixture app) : PageHttpTests(app);

[Collection(PostgresWebAppGroup.Name)]
public sealed class PageHttpPostgresTests(PostgresWebAppFixture app) : PageHttpTests(app);
