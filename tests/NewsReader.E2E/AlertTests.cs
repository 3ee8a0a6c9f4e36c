using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>
/// Issue 19: a reader saves a search and turns its alerts on; an admin's import brings a matching
/// story; the app bar's count rises and the alerts page lists the story. Screenshots at 1280/375, light/dark.
/// </summary>
[Collection(AppGroup.Name)]
public sealed class AlertTests(AppServer app)
{
    [Fact]
    public async Task SavedSearchWithAlerts_AdminImportsAMatch_CountRisesAndStoryListed()
    {
        var word = "kelp" + Guid.NewGuid().ToString("N")[..8];
        var headline = $"Seaweed farmers harvest a record {word} crop";
        var page = await app.NewSignedInPageAsync(NewsRoles.Admin, "/?q=" + word);
        var home = new HomePage(page);
        await home.WaitInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save search" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Seaweed watch");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved “Seaweed watch”", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync("/account/saved");
        await home.WaitInteractiveAsync();
        var alerts = page.GetByLabel("Alerts for Seaweed watch");
        await alerts.CheckAsync();
        await Assertions.Expect(alerts).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Alerts: nothing new" })).ToBeVisibleAsync();

        var imports = await AdminImportsPage.OpenAsync(page);
        await imports.WaitInteractiveAsync();
        var job = await imports.UploadAsync($"alerts-{word}.md", string.Join("\n\n",
            "# " + headline,
            $"Growers along the fjord said the {word} harvest was the largest since the cooperative began.",
            "# Town library extends its opening hours",
            "The library will open on Sunday afternoons from next month, the council said.") + "\n");
        await job.WaitFinishedAsync();
        await Assertions.Expect(job.Status).ToHaveAttributeAsync("data-state", "succeeded");

        await page.GotoAsync("/");
        await home.WaitInteractiveAsync();
        var bell = page.GetByRole(AriaRole.Link, new() { Name = "Alerts: 1 new story" });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "alert-count-1280");
        await bell.ClickAsync();
        await page.WaitForURLAsync("**/account/alerts");
        var list = page.GetByRole(AriaRole.List, new() { Name = "Your alerts, newest first" });
        await Assertions.Expect(list).ToContainTextAsync(headline);
        await Assertions.Expect(list).ToContainTextAsync("Seaweed watch");
        await Assertions.Expect(list).ToContainTextAsync("New");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Alerts: nothing new" })).ToBeVisibleAsync();
        await home.ScreenshotAndAxeInEveryWidthAndThemeAsync("alerts", () => AssertBarItemsOnOneRowAsync(page));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await list.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        await Assertions.Expect(new StoryPage(page).Heading).ToHaveTextAsync(headline);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The app bar's first row (menu, name, an admin's links, the bell, account, sign out, theme) stays
    /// one row: each item's middle within a few pixels of the name's. At 375 px the bell once pushed
    /// the theme button onto a row of its own.
    /// </summary>
    private static async Task AssertBarItemsOnOneRowAsync(IPage page)
    {
        var bar = page.Locator(".app-bar");
        static float Middle(LocatorBoundingBoxResult? box) => box is null ? float.NaN : box.Y + (box.Height / 2);
        var row = Middle(await bar.GetByRole(AriaRole.Link, new() { Name = "NewsReader home" }).BoundingBoxAsync());
        foreach (var item in new[]
        {
            bar.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }),
            bar.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Alerts:") }),
            bar.GetByRole(AriaRole.Button, new() { Name = "Sign out" }),
            bar.Locator(".theme-menu button").First,
        })
        {
            var middle = Middle(await item.BoundingBoxAsync());
            Assert.True(Math.Abs(middle - row) < 8, $"{item} sits at {middle}, the app's name at {row}: the app bar wrapped");
        }
    }
}
