using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>
/// The admin pages issue 20 touched, at 1280 px and 375 px, light and dark: screenshots as test output,
/// axe clean, the import history not cut off, the merge buttons apart, Delete asking first, a
/// refused upload shown as an error.
/// </summary>
[Collection(AppGroup.Name)]
public sealed class AdminLookTests(AppServer app)
{
    public static TheoryData<int, bool> Views => new() { { 1280, false }, { 1280, true }, { 375, false }, { 375, true } };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task AdminPages_WideNarrowLightDark_ReadableAndAxeClean(int width, bool dark)
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Admin, "/admin/imports");
        await page.SetViewportSizeAsync(width, 900);
        await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        var look = (width == 1280 ? "wide" : "phone") + (dark ? "-dark" : string.Empty);
        var shell = new HomePage(page);

        // Imports: a refused upload (an error alert), then the history with that run in it.
        var imports = await AdminImportsPage.OpenAsync(page);
        await shell.WaitInteractiveAsync();
        await AppServer.ScreenshotAsync(page, $"admin-imports-{look}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var job = await imports.UploadAsync("only-a-byline.txt", "Steve Thomas - IT Consultant\n");
        await job.WaitFinishedAsync();
        await Assertions.Expect(job.Status).ToHaveAttributeAsync("data-state", "refused");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("no article text after the header");
        await AppServer.ScreenshotAsync(page, $"admin-import-refused-{look}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/admin/imports");
        await shell.WaitInteractiveAsync();
        var table = page.Locator(".import-history table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        if (width == 1280)
        {
            // The last column ("Rejected") lies inside the main column, not cut off at its edge.
            var main = await page.Locator("main").BoundingBoxAsync();
            var last = await page.Locator(".import-history th").Last.BoundingBoxAsync();
            Assert.True(last!.X + last.Width <= main!.X + main.Width + 1, $"last column ends at {last.X + last.Width}, main at {main.X + main.Width}");
        }

        await page.EvaluateAsync("() => document.querySelector('.import-history').scrollIntoView()");
        await AppServer.ScreenshotAsync(page, $"admin-imports-history-{look}");

        // Entities: the merge panel of an entity, its buttons apart.
        var (loser, survivor) = await TwoCompaniesAsync();
        await page.GotoAsync("/admin/entities?q=" + Uri.EscapeDataString(loser[^4..]));
        await shell.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Merge {loser} into another", Exact = true }).ClickAsync();
        var mergeInto = page.GetByRole(AriaRole.Button, new() { Name = $"Merge into {survivor}", Exact = true });
        await Assertions.Expect(mergeInto).ToBeVisibleAsync();
        var first = await mergeInto.BoundingBoxAsync();
        var cancel = await page.Locator(".merge-targets").GetByRole(AriaRole.Link, new() { Name = "Cancel" }).BoundingBoxAsync();
        Assert.True(cancel!.X >= first!.X + first.Width + 4 || cancel.Y >= first.Y + first.Height + 4, "the merge panel's buttons touch");
        await AppServer.ScreenshotAsync(page, $"admin-entities-merge-{look}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A story: Split here buttons, and Delete asks first.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            var id = await db.Stories.Where(a => a.DeletedAt == null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await page.GotoAsync("/admin/stories/" + id);
        }

        await shell.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete story…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Delete “", Exact = false }).Filter(new() { HasText = "Readers will no longer see it" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, $"admin-story-{look}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete story…" })).ToBeVisibleAsync();
        await page.Locator(".split-paragraphs").ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, $"admin-story-split-{look}");
    }

    /// <summary>Two companies whose names do not fit one search, each on a story of its own.</summary>
    private async Task<(string Loser, string Survivor)> TwoCompaniesAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var (loser, survivor) = ("Gadget Corp " + tag, "Gizmo Group " + tag);
        await app.AddStoryAsync("gadget-" + tag, "Gadget story " + tag, loser);
        await app.AddStoryAsync("gizmo-" + tag, "Gizmo story " + tag, survivor);
        return (loser, survivor);
    }
}
