using NewsReader.Core.Data;
using NewsReader.Core.Stories;
using NewsReader.Web.Entities;
using NewsReader.Web.Search;

namespace NewsReader.Web.Tests.Search;

[Collection(BunitGroup.Name)]
public sealed class FilterChipsTests(BunitFixture fixture)
{
    private IRenderedComponent<FilterChips> Render(IReadOnlyList<ActiveFilter> filters) =>
        fixture.Context.Render<FilterChips>(p => p
            .Add(c => c.Filters, filters)
            .Add(c => c.RemoveHref, f => "/?without=" + f.Slug)
            .Add(c => c.ClearAllHref, "/?q=chips"));

    [Fact]
    public void Render_TwoFilters_RemovableChipsAndClearAll()
    {
        var cut = Render(
        [
            new ActiveFilter(EntityKind.Company, "nvidia", "Nvidia"),
            new ActiveFilter(EntityKind.Country, "china", "China"),
        ]);

        var group = cut.Find("[role='group']");
        Assert.Equal("Active filters", group.GetAttribute("aria-label"));
        var remove = cut.FindAll("a[aria-label^='Remove filter']");
        Assert.Equal(2, remove.Count);
        Assert.Equal("Remove filter Company: Nvidia", remove[0].GetAttribute("aria-label"));
        Assert.Equal("/?without=nvidia", remove[0].GetAttribute("href"));
        Assert.Contains("Country: China", remove[1].TextContent, StringComparison.Ordinal);
        var clear = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Clear all");
        Assert.Equal("/?q=chips", clear.GetAttribute("href"));
    }

    [Fact]
    public void Render_NoFilters_RendersNothing()
    {
        var cut = Render([]);

        Assert.Equal(string.Empty, cut.Markup.Trim());
    }

    [Fact]
    public void Render_HostileName_IsText()
    {
        var cut = Render([new ActiveFilter(EntityKind.Topic, "x", "<script>alert(1)</script>")]);

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", cut.Find("a").TextContent, StringComparison.Ordinal);
    }
}
