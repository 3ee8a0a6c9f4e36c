using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>axe-core on every kind of page, light and dark: no serious or critical violations.</summary>
[Collection(AppGroup.Name)]
public sealed class AccessibilityTests(AppServer app)
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/", true)]
    [InlineData("/?q=Tencent", false)]
    [InlineData("/?q=zzzznotfoundzzzz", false)]
    [InlineData("/companies", false)]
    [InlineData("/countries", true)]
    [InlineData("/topics", false)]
    [InlineData("/articles/no-such-story", false)]
    [InlineData("/companies?country=china", false)]
    [InlineData("/companies?country=china", true)]
    [InlineData("/articles/the-dynamic-between-chinese-and-united-states-tech-companies-has-undergone", true)]
    public async Task Page_Axe_NoSeriousViolations(string url, bool dark)
    {
        var page = await app.NewPageAsync(colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(url);
        await new HomePage(page).WaitInteractiveAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    // Account pages are rendered on the server only (they set cookies): no circuit to wait for.
    [Theory]
    [InlineData("/account/register", false)]
    [InlineData("/account/register", true)]
    [InlineData("/account/sign-in", true)]
    public async Task AccountPage_Axe_NoSeriousViolations(string url, bool dark)
    {
        var page = await app.NewPageAsync(colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(url);
        await Assertions.Expect(new HomePage(page).Heading).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "account" + url.Replace('/', '-') + (dark ? "-dark" : string.Empty));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ThemeMenuOpen_Axe_NoSeriousViolations(bool dark)
    {
        var page = await app.NewPageAsync(colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        var home = await HomePage.OpenAsync(page);
        await home.WaitInteractiveAsync();

        await home.ThemeButton.ClickAsync();
        await Assertions.Expect(home.ThemeChoice("Light")).ToBeVisibleAsync();
        await home.WaitForOpenPopoverAsync(); // axe measured the items' contrast halfway through the fade once

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task AdminPages_Axe_NoSeriousViolations()
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Admin, "/admin/imports");
        var home = new HomePage(page);
        foreach (var url in new[] { "/admin", "/admin/imports", "/admin/imports/runs/1", "/admin/stories", "/admin/boundaries", "/admin/entities" })
        {
            await page.GotoAsync(url);
            await home.WaitInteractiveAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.GotoAsync("/admin/stories");
        await page.Locator("main td a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/stories/", StringComparison.Ordinal));
        await home.WaitInteractiveAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task StoryAndEntityPages_Axe_NoSeriousViolations()
    {
        var page = await app.NewPageAsync();
        var home = await HomePage.OpenAsync(page);
        await home.StoryLinks.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/articles/", StringComparison.Ordinal));
        await home.WaitInteractiveAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var chip = page.Locator("a[href*='/companies/'], a[href*='/countries/'], a[href*='/topics/']").First;
        if (await chip.CountAsync() == 0)
        {
            await page.GotoAsync("/companies");
            chip = page.Locator(".directory-list a").First;
        }

        if (await chip.CountAsync() > 0)
        {
            await chip.ClickAsync();
            await home.WaitInteractiveAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
