using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>Issue 19: a reader saves a filtered view from the list page and finds it on /account/saved; screenshots at 1280/375, light/dark.</summary>
[Collection(AppGroup.Name)]
public sealed class SavedSearchTests(AppServer app)
{
    [Fact]
    public async Task Reader_SavesAView_FindsItOnTheSavedPage()
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Reader, "/?company=tencent");
        var home = new HomePage(page);
        await home.WaitInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save search" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByLabel("Name")).ToHaveValueAsync("Stories: Tencent");
        await AppServer.ScreenshotAsync(page, "save-search-dialog-1280");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByLabel("Name").FillAsync("Tencent watch");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved “Tencent watch”", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync("/account/saved");
        await home.WaitInteractiveAsync();
        var list = page.GetByRole(AriaRole.List, new() { Name = "Your saved searches" });
        await Assertions.Expect(list).ToContainTextAsync("Tencent watch");
        await Assertions.Expect(list).ToContainTextAsync("nothing new");
        await home.ScreenshotAndAxeInEveryWidthAndThemeAsync("saved-searches");
        await list.GetByRole(AriaRole.Link, new() { Name = "Tencent watch" }).ClickAsync();
        await page.WaitForURLAsync("**/?company=tencent");
        await page.Context.CloseAsync();
    }
}
