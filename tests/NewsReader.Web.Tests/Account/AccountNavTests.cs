using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Account;

namespace NewsReader.Web.Tests.Account;

/// <summary>The account's navigation marks the page being shown.</summary>
public sealed class AccountNavTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData("/account/saved", "Saved searches")]
    [InlineData("/account/alerts", "Alerts")]
    [InlineData("/account/api-keys?created=1", "API keys")]
    public void Render_OnAnAccountPage_MarksThatPageOnly(string url, string page)
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);

        var nav = _context.Render<AccountNav>();

        var current = nav.FindAll("a[aria-current=page]");
        Assert.Equal(page, Assert.Single(current).TextContent);
        Assert.Equal(AccountNav.Pages.Count, nav.FindAll("a").Count);
    }

    [Fact]
    public void Render_ElsewhereInTheAccount_MarksNoPage()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/account/sign-in");

        var nav = _context.Render<AccountNav>();

        Assert.Empty(nav.FindAll("a[aria-current]"));
    }
}
