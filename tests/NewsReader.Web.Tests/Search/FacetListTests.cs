using NewsReader.Core.Data;
using NewsReader.Core.Stories;
using NewsReader.Web.Entities;
using NewsReader.Web.Search;

namespace NewsReader.Web.Tests.Search;

[Collection(BunitGroup.Name)]
public sealed class FacetListTests(BunitFixture fixture)
{
    private IRenderedComponent<FacetList> Render(IReadOnlyList<FacetItem> items) =>
        fixture.Context.Render<FacetList>(p => p
            .Add(c => c.Kind, EntityKind.Company)
            .Add(c => c.Items, items)
            .Add(c => c.ToggleHref, item => "/?company=" + item.Slug));

    private static List<FacetItem> Items(int n) =>
        Enumerable.Range(1, n).Select(i => new FacetItem($"c{i}", $"Company {i}", 100 - i, Selected: i == 2)).ToList();

    [Fact]
    public void Render_TwelveValues_ShowsTopTenThenMore()
    {
        var cut = Render(Items(12));

        Assert.Equal("Companies", cut.Find("h2").TextContent);
        var top = cut.FindAll("section > ul > li");
        Assert.Equal(10, top.Count);
        Assert.Equal("More companies (2)", cut.Find("details summary").TextContent);
        Assert.Equal(2, cut.FindAll("details li").Count);
    }

    [Fact]
    public void Render_Values_ShowNamesCountsAndToggleLinks()
    {
        var cut = Render(Items(3));

        var first = cut.FindAll("a")[0];
        Assert.Equal("/?company=c1", first.GetAttribute("href"));
        Assert.Equal("Company 1", first.QuerySelector(".facet-name")!.TextContent);
        Assert.Equal("99", first.QuerySelector(".facet-count")!.TextContent);
        Assert.Equal("Company 1, 99 stories", first.GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("details"));
    }

    [Fact]
    public void Render_SelectedValue_IsMarkedCurrent()
    {
        var cut = Render(Items(3));

        var selected = Assert.Single(cut.FindAll("a[aria-current='true']"));
        Assert.Contains("Company 2", selected.TextContent, StringComparison.Ordinal);
        Assert.Contains("selected", selected.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoValues_SaysSo()
    {
        var cut = Render([]);

        Assert.Empty(cut.FindAll("a"));
        Assert.Contains("None in these results", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MoreThanListed_LinksToAllInTheseResults()
    {
        var cut = fixture.Context.Render<FacetList>(p => p
            .Add(c => c.Kind, EntityKind.Company)
            .Add(c => c.Items, Items(50))
            .Add(c => c.More, true)
            .Add(c => c.AllHref, "/companies?q=chip")
            .Add(c => c.ToggleHref, item => "/?company=" + item.Slug));

        Assert.Equal("More companies (40+)", cut.Find("details summary").TextContent);
        var all = cut.Find("details .facet-all a");
        Assert.Equal("All companies in these results", all.TextContent);
        Assert.Equal("/companies?q=chip", all.GetAttribute("href"));
    }

    [Fact]
    public void Render_AllListed_NoLinkToAll()
    {
        var cut = fixture.Context.Render<FacetList>(p => p
            .Add(c => c.Kind, EntityKind.Company)
            .Add(c => c.Items, Items(12))
            .Add(c => c.AllHref, "/companies?q=chip")
            .Add(c => c.ToggleHref, item => "/?company=" + item.Slug));

        Assert.Empty(cut.FindAll(".facet-all"));
    }
}
