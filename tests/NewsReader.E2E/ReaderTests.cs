using Microsoft.Playwright;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>The reader's journeys from issue 5, in headless Chromium over the seeds imported at start-up.</summary>
[Collection(AppGroup.Name)]
public sealed class ReaderTests(AppServer app)
{
    [Fact]
    public async Task Home_OpenFirstStory_ShowsTheStory()
    {
        var home = await HomePage.OpenAsync(await app.NewPageAsync());
        await Assertions.Expect(home.Heading).ToHaveTextAsync("Latest stories");
        await Assertions.Expect(home.StoryLinks.First).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(home.Page, "home");
        var headline = (await home.StoryLinks.First.InnerTextAsync()).Trim();

        await home.StoryLinks.First.ClickAsync();

        var story = new StoryPage(home.Page);
        await Assertions.Expect(story.Heading).ToHaveTextAsync(headline);
        await Assertions.Expect(story.Body).Not.ToBeEmptyAsync();
        await Assertions.Expect(home.Page).ToHaveTitleAsync(headline + " – NewsReader");
        await AppServer.ScreenshotAsync(story.Page, "story");
    }

    [Fact]
    public async Task Home_LinkClickedOnceInteractive_NavigatesWithoutReloadingThePage()
    {
        var home = await HomePage.OpenAsync(await app.NewPageAsync());
        await home.WaitInteractiveAsync();
        await home.Page.EvaluateAsync("() => { window.newsReaderSamePage = true; }");
        var headline = (await home.StoryLinks.First.InnerTextAsync()).Trim();

        await home.StoryLinks.First.ClickAsync();

        await Assertions.Expect(new StoryPage(home.Page).Heading).ToHaveTextAsync(headline);
        Assert.True(await home.Page.EvaluateAsync<bool>("() => window.newsReaderSamePage === true"));
    }

    [Fact]
    public async Task Search_Tencent_OpensTheVspnStory()
    {
        var home = await HomePage.OpenAsync(await app.NewPageAsync());

        var results = await home.SearchAsync("Tencent");

        await Assertions.Expect(results.Heading).ToHaveTextAsync("Results for “Tencent”");
        await Assertions.Expect(results.StoryList.Locator("mark").First).ToHaveTextAsync("Tencent", new() { IgnoreCase = true });
        await AppServer.ScreenshotAsync(results.Page, "search");
        var story = await results.OpenStoryMentioningAsync("VSPN");
        await Assertions.Expect(story.Body).ToContainTextAsync("VSPN");
        await Assertions.Expect(story.Body).ToContainTextAsync("Tencent");
    }

    [Fact]
    public async Task Filter_CompanyThenCountry_CountsNarrowAndBackRestores()
    {
        var home = await HomePage.OpenAsync(await app.NewPageAsync());
        var all = await home.CountAsync();

        var company = home.FacetLinks("Companies").First;
        var companyName = (await company.Locator(".facet-name").InnerTextAsync()).Trim();
        await company.ClickAsync();
        await home.Page.WaitForURLAsync(url => url.Contains("company=", StringComparison.Ordinal));
        await Assertions.Expect(home.RemoveFilterChip("Company", companyName)).ToBeVisibleAsync();
        var byCompany = await home.CountAsync();
        var companyUrl = home.Page.Url;

        var country = home.FacetLinks("Countries").First;
        await country.ClickAsync();
        await home.Page.WaitForURLAsync(url => url.Contains("country=", StringComparison.Ordinal));
        var byBoth = await home.CountAsync();
        await AppServer.ScreenshotAsync(home.Page, "filtered");

        Assert.InRange(byCompany, 1, all);
        Assert.InRange(byBoth, 1, byCompany);
        Assert.True(byBoth < all, $"filters should narrow the list: {all} → {byCompany} → {byBoth}");
        await Assertions.Expect(home.Facets.Locator("a[aria-current=true]")).ToHaveCountAsync(2);

        await home.Page.GoBackAsync();
        await home.Page.WaitForURLAsync(companyUrl);
        await home.ExpectCountAsync(byCompany);
        await Assertions.Expect(home.Facets.Locator("a[aria-current=true]")).ToHaveCountAsync(1);

        await home.Page.GoBackAsync();
        await Assertions.Expect(home.Heading).ToHaveTextAsync("Latest stories");
        await home.ExpectCountAsync(all);
    }

    [Fact]
    public async Task Keyboard_JAndKMoveThroughStoriesAndEnterOpens()
    {
        var home = await HomePage.OpenAsync(await app.NewPageAsync());
        await home.WaitInteractiveAsync();
        var links = home.StoryLinks;
        if (await links.CountAsync() < 2)
        {
            return; // one story only: nothing to move between (the seeds decide)
        }

        await home.Page.Keyboard.PressAsync("j");
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();
        await home.Page.Keyboard.PressAsync("j");
        await Assertions.Expect(links.Nth(1)).ToBeFocusedAsync();
        await home.Page.Keyboard.PressAsync("k");
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();
        var headline = (await links.Nth(0).InnerTextAsync()).Trim();

        await home.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(new StoryPage(home.Page).Heading).ToHaveTextAsync(headline);
    }

    [Fact]
    public async Task Theme_FollowsSystemDarkThenSwitchesAndIsRemembered()
    {
        var page = await app.NewPageAsync(colorScheme: ColorScheme.Dark);
        var home = await HomePage.OpenAsync(page);
        await home.WaitInteractiveAsync();

        await home.WaitForThemeAsync(dark: true);
        await AppServer.ScreenshotAsync(page, "home-dark");

        // The first click always shows something: the menu, with the current choice marked.
        await home.ThemeButton.ClickAsync();
        await Assertions.Expect(home.ThemeChoice("Follow system")).ToHaveAccessibleNameAsync("Follow system (current)");
        await home.WaitForOpenPopoverAsync();
        await AppServer.ScreenshotAsync(page, "theme-menu-dark");
        await home.ThemeChoice("Light").ClickAsync();
        await Assertions.Expect(home.ThemeButton).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Theme: light"));
        await home.WaitForThemeAsync(dark: false);

        await page.ReloadAsync();
        Assert.True(await home.BackgroundLuminanceAsync() > 0.7, "the choice is remembered across a reload, already in the prerendered page");
        await home.WaitInteractiveAsync();
        await home.ChooseThemeAsync("Dark");
        await home.WaitForThemeAsync(dark: true);
    }

    [Fact]
    public async Task Phone_375Wide_FitsAndShowsFacetsInADrawer()
    {
        var page = await app.NewPageAsync(width: 375, height: 800);
        var home = await HomePage.OpenAsync(page);
        await home.WaitInteractiveAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the phone");
        await Assertions.Expect(home.Facets).ToBeHiddenAsync();

        // The app's name stays, and the search box (a row of its own) shows its whole placeholder.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "NewsReader home" })).ToBeVisibleAsync();
        var placeholderFits = await page.EvaluateAsync<bool>(
            "() => { const i = document.querySelector('#search'); const s = getComputedStyle(i);"
            + " const c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
            + " return c.measureText(i.placeholder).width <= i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }");
        Assert.True(placeholderFits, "the search placeholder is cut");
        var firstHeadline = await home.StoryLinks.First.BoundingBoxAsync();
        var appBar = await page.GetByRole(AriaRole.Banner).BoundingBoxAsync();
        Assert.True(firstHeadline!.Y >= appBar!.Y + appBar.Height, "the app bar covers the first story");
        await AppServer.ScreenshotAsync(page, "phone");

        await home.FiltersButton.ClickAsync();

        var drawer = page.GetByRole(AriaRole.Heading, new() { Name = "Companies", Exact = true });
        await Assertions.Expect(drawer).ToBeVisibleAsync();

        // The drawer slides in: it must end up wholly on screen.
        await page.WaitForFunctionAsync(
            "() => { const d = document.querySelector('.mud-drawer--open'); return !!d && d.getBoundingClientRect().right <= window.innerWidth + 1 && d.getBoundingClientRect().left >= 0; }");
        await AppServer.ScreenshotAsync(page, "phone-filters");
    }

    [Fact]
    public async Task Directory_FilterBox_NarrowsTheList()
    {
        var directory = await DirectoryPage.OpenAsync(await app.NewPageAsync(), "Companies");
        await directory.WaitInteractiveAsync();
        var total = await directory.EntityLinks.CountAsync();
        if (total == 0)
        {
            return; // no companies extracted from the seeds
        }

        var first = (await directory.EntityLinks.First.InnerTextAsync()).Trim();

        await directory.FilterBox.FillAsync(first);

        await Assertions.Expect(directory.EntityLinks.First).ToHaveTextAsync(first);
        Assert.True(await directory.EntityLinks.CountAsync() <= total);
        await directory.Page.WaitForURLAsync(url => url.Contains("filter=", StringComparison.Ordinal));
    }
}
