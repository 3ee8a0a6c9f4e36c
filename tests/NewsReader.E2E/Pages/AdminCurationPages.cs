using Microsoft.Playwright;

namespace NewsReader.E2E.Pages;

/// <summary>/admin/entities: the entity list with its rename, merge and hide buttons.</summary>
public sealed class AdminEntitiesPage(IPage page) : AppPage(page)
{
    public static async Task<AdminEntitiesPage> OpenAsync(IPage page, string search)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/admin/entities?q=" + Uri.EscapeDataString(search));
        var admin = new AdminEntitiesPage(page);
        await admin.WaitInteractiveAsync();
        return admin;
    }

    public ILocator Status => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Merged" });

    /// <summary>Merges <paramref name="loser"/> into <paramref name="survivor"/> through the page's buttons.</summary>
    public async Task MergeAsync(string loser, string survivor)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Merge {loser} into another", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Merge into {survivor}", Exact = true }).ClickAsync();
        await Assertions.Expect(Status).ToContainTextAsync($"Merged “{loser}” into “{survivor}”.");
    }
}

/// <summary>/admin/stories/{id}: headline and summary edits, delete, join and split.</summary>
public sealed class AdminStoryPage(IPage page) : AppPage(page)
{
    public static async Task<AdminStoryPage> OpenAsync(IPage page, long id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/admin/stories/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var admin = new AdminStoryPage(page);
        await admin.WaitInteractiveAsync();
        return admin;
    }

    public ILocator HeadlineField => Page.GetByLabel("Headline", new() { Exact = true });

    public async Task SaveHeadlineAsync(string headline)
    {
        await HeadlineField.FillAsync(headline);
        await HeadlineField.BlurAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save headline and summary" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
    }
}
