using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Admin;

namespace NewsReader.Web.Tests.Admin;

/// <summary>The admin navigation marks the section being shown, its sub-pages included.</summary>
public sealed class AdminNavTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData("/admin/imports", "Imports")]
    [InlineData("/admin/imports/runs/3", "Imports")]
    [InlineData("/admin/stories?q=huawei&state=all", "Stories")]
    [InlineData("/admin/stories/12", "Stories")]
    [InlineData("/admin/entities", "Entities")]
    public void Render_OnASectionPage_MarksThatSectionOnly(string url, string section)
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);

        var nav = _context.Render<AdminNav>();

        var current = nav.FindAll("a[aria-current=page]");
        Assert.Equal(section, Assert.Single(current).TextContent);
        Assert.Equal(AdminNav.Sections.Count, nav.FindAll("a").Count);
    }

    [Fact]
    public void Render_OnTheAdminHome_MarksNoSection()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/admin");

        var nav = _context.Render<AdminNav>();

        Assert.Empty(nav.FindAll("a[aria-current]"));
    }

    [Fact]
    public void Render_OnAPathThatOnlyStartsLikeASection_MarksNoSection()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/storiesx");

        var nav = _context.Render<AdminNav>();

        Assert.Empty(nav.FindAll("a[aria-current]"));
    }
}
