using System.Text;
using Microsoft.Playwright;

namespace NewsReader.E2E.Pages;

/// <summary>The admin's import page at <c>/admin/imports</c>: the upload form, the seeds re-import and the history.</summary>
public sealed class AdminImportsPage(IPage page) : AppPage(page)
{
    public static async Task<AdminImportsPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/admin/imports");
        return new AdminImportsPage(page);
    }

    public ILocator FileInput => Page.Locator("input[type=file]#seed-files");

    public ILocator UploadButton => Page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" });

    public ILocator History => Page.GetByRole(AriaRole.Region, new() { Name = "History" });

    /// <summary>Chooses a file made in the test and submits the form; waits for the job page.</summary>
    public async Task<ImportJobPage> UploadAsync(string fileName, string text)
    {
        await FileInput.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(text) });
        await UploadButton.ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/imports/[0-9a-f-]{36}$"));
        return new ImportJobPage(Page);
    }
}

/// <summary>One import's page at <c>/admin/imports/{id}</c>: live progress, then the report.</summary>
public sealed class ImportJobPage(IPage page) : AppPage(page)
{
    public ILocator Status => Page.Locator("main [role=status][data-state], main [role=alert][data-state]");

    public ILocator Progress => Page.GetByRole(AriaRole.Progressbar);

    public ILocator NewStories => Page.GetByRole(AriaRole.List, new() { Name = "New stories" }).GetByRole(AriaRole.Link);

    /// <summary>A count of the report's table: found, new, updated, unchanged, duplicates, rejected.</summary>
    public ILocator Count(string name) => Page.Locator($"td[data-count={name}]");

    /// <summary>Waits until the import has finished (the page refreshes itself while it runs).</summary>
    public Task WaitFinishedAsync() =>
        Assertions.Expect(Status).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("succeeded|refused|failed"), new() { Timeout = 60_000 });
}
