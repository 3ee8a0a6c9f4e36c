using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Search;

namespace NewsReader.Web.Tests.Search;

[Collection(BunitGroup.Name)]
public sealed class SearchBoxTests(BunitFixture fixture)
{
    private NavigationManager Nav => fixture.Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Render_Box_IsALabelledSearchForm()
    {
        Nav.NavigateTo("/");
        var cut = fixture.Context.Render<SearchBox>();

        Assert.Equal("search", cut.Find("form").GetAttribute("role"));
        var input = cut.Find("input#search");
        Assert.Equal("q", input.GetAttribute("name"));
        Assert.Equal("Search stories", cut.Find("label[for='search']").TextContent);
    }

    [Fact]
    public void Render_UrlWithQuery_ShowsTheQuery()
    {
        Nav.NavigateTo("/?q=chip%20export");
        var cut = fixture.Context.Render<SearchBox>();

        Assert.Equal("chip export", cut.Find("input#search").GetAttribute("value"));
    }

    // Admin pages filter their own tables with ?q=; the app bar searches stories and must not echo it.
    [Fact]
    public void Render_AnotherPagesQ_LeavesTheBoxEmpty()
    {
        Nav.NavigateTo("/admin/entities?q=gizmo");
        var cut = fixture.Context.Render<SearchBox>();

        Assert.True(string.IsNullOrEmpty(cut.Find("input#search").GetAttribute("value")));
    }

    [Fact]
    public void Submit_OnHomeWithFilters_KeepsFiltersAndDropsCursor()
    {
        Nav.NavigateTo("/?company=nvidia&after=abc");
        var cut = fixture.Context.Render<SearchBox>();

        cut.Find("input#search").Input("Tencent");
        cut.Find("form").Submit();

        var uri = new Uri(Nav.Uri);
        Assert.Equal("/", uri.AbsolutePath);
        Assert.Contains("q=Tencent", uri.Query, StringComparison.Ordinal);
        Assert.Contains("company=nvidia", uri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("after=", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_OnAStoryPage_GoesToHomeResults()
    {
        Nav.NavigateTo("/articles/some-story");
        var cut = fixture.Context.Render<SearchBox>();

        cut.Find("input#search").Input("chip export");
        cut.Find("form").Submit();

        var uri = new Uri(Nav.Uri);
        Assert.Equal("/", uri.AbsolutePath);
        Assert.Equal("?q=chip%20export", uri.Query);
    }
}
