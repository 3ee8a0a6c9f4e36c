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

    public ILocator FindBox => Page.GetByLabel("Find entities (name or alias)");

    /// <summary>Starts a merge of <paramref name="loser"/>, finds <paramref name="survivor"/> with the search box (Enter), and merges.</summary>
    public async Task MergeFindingTheTargetAsync(string loser, string survivor)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Merge {loser} into another", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Merge “{loser}” into…" })).ToBeVisibleAsync();
        await FindBox.FillAsync(survivor);
        await FindBox.PressAsync("Enter");
        await Page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal) && url.Contains("merge=", StringComparison.Ordinal));
        await WaitInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Merge into {survivor}", Exact = true }).ClickAsync();
        await Assertions.Expect(Status).ToContainTextAsync($"Merged “{loser}” into “{survivor}”.");
    }

    /// <summary>Renames an entity by typing the new name and pressing Enter (no click on Save).</summary>
    public async Task RenameWithEnterAsync(string name, string newName)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Rename {name}", Exact = true }).ClickAsync();
        var box = Page.GetByLabel($"New name for {name}");
        await box.FillAsync(newName);
        await box.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Renamed to" })).ToContainTextAsync($"Renamed to “{newName}”");
    }

    /// <summary>Merges <paramref name="loser"/> into <paramref name="survivor"/> through the page's buttons.</summary>
    public async Task MergeAsync(string loser, string survivor)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Merge {loser} into another", Exact = true }).ClickAsync();
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
