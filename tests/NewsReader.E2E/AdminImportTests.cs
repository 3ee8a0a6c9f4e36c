using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

[Collection(AppGroup.Name)]
public sealed class AdminImportTests(AppServer app)
{
    // A hostile name too (no slash: the server keeps only the last path segment of a client's name).
    private const string FileName = "made-up <img src=x onerror=window.__pwned=1>.md";

    private const string Hostile = "Lighthouse keepers vote <script>window.__pwned=1</script> to strike";

    // Made-up stories (the test's own file), one of them carrying markup that must render as text.
    private static readonly string SeedFile = string.Join("\n\n",
        "# Orchard growers try frost fans on hillside farms",
        "Apple growers on the northern slopes installed tall frost fans this spring after two cold snaps ruined the blossom.",
        "The fans mix warmer air from above into the orchards on still nights, the growers' association said.",
        "# Ferry operator adds a night crossing to the islands",
        "The island ferry company will run a late crossing on weekends from June, answering years of requests from hotel workers.",
        "Tickets for the new sailing go on sale next week at the harbour office and online.",
        "# " + Hostile,
        "Keepers at the three remaining staffed lighthouses voted to strike <img src=x onerror=\"window.__pwned=1\"> over night-shift pay.",
        "Their union said <script>window.__pwned=1</script> talks with the maritime authority had stalled since the winter.") + "\n";

    [Fact]
    public async Task Admin_UploadsFile_WatchesProgressReadsReportStoriesPublicSecondUploadUnchanged()
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Admin, "/admin/imports");
        var errors = AccountTests.CollectConsoleErrors(page);
        var imports = new AdminImportsPage(page);
        await Assertions.Expect(imports.Heading).ToHaveTextAsync("Imports");
        await imports.WaitInteractiveAsync();

        var job = await imports.UploadAsync(FileName, SeedFile);
        await job.WaitInteractiveAsync();
        await Assertions.Expect(job.Progress).ToBeVisibleAsync();
        await job.WaitFinishedAsync();
        await Assertions.Expect(job.Status).ToHaveAttributeAsync("data-state", "succeeded");
        await Assertions.Expect(job.Heading).ToContainTextAsync(FileName);
        await Assertions.Expect(job.Count("found")).ToHaveTextAsync("3");
        await Assertions.Expect(job.Count("new")).ToHaveTextAsync("3");
        await Assertions.Expect(job.NewStories).ToHaveCountAsync(3);
        await Assertions.Expect(job.NewStories.Filter(new() { HasText = "Lighthouse keepers vote" })).ToContainTextAsync("<script>");
        await AppServer.ScreenshotAsync(page, "admin-import-report");
        var links = await job.NewStories.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned !== undefined"));

        // The stories are public: an anonymous reader opens each, and the hostile one stays inert.
        var reader = await app.NewPageAsync();
        foreach (var link in links)
        {
            await reader.GotoAsync(link);
            var story = new StoryPage(reader);
            await Assertions.Expect(story.Heading).ToBeVisibleAsync();
            await story.WaitInteractiveAsync();
            Assert.False(await reader.EvaluateAsync<bool>("() => window.__pwned !== undefined"), "script from the file ran on " + link);
        }

        await Assertions.Expect(new StoryPage(reader).Heading).ToBeVisibleAsync();
        await reader.GotoAsync(links.Single(l => l.Contains("lighthouse", StringComparison.Ordinal)));
        await Assertions.Expect(new StoryPage(reader).Heading).ToHaveTextAsync(Hostile);
        await Assertions.Expect(new StoryPage(reader).Body).ToContainTextAsync("<img src=x onerror=");
        Assert.Equal(0, await reader.Locator("main img[src=x]").CountAsync());

        // The same file again: every story unchanged.
        imports = await AdminImportsPage.OpenAsync(page);
        await imports.WaitInteractiveAsync();
        var again = await imports.UploadAsync(FileName, SeedFile);
        await again.WaitFinishedAsync();
        await Assertions.Expect(again.Count("unchanged")).ToHaveTextAsync("3");
        await Assertions.Expect(again.Count("new")).ToHaveTextAsync("0");
        await Assertions.Expect(again.Count("updated")).ToHaveTextAsync("0");

        // Both runs in the history, with who started them.
        imports = await AdminImportsPage.OpenAsync(page);
        await Assertions.Expect(imports.History.GetByRole(AriaRole.Row).Filter(new() { HasText = FileName })).ToHaveCountAsync(2);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned !== undefined"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Admin_UploadsBinaryFile_SeesItRefused()
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Admin, "/admin/imports");
        var imports = new AdminImportsPage(page);
        await imports.WaitInteractiveAsync();

        await imports.FileInput.SetInputFilesAsync(new FilePayload { Name = "photo.txt", MimeType = "text/plain", Buffer = [0x89, 0x50, 0x4E, 0x47, .. new byte[512]] });
        await imports.UploadButton.ClickAsync();

        var job = new ImportJobPage(page);
        await job.WaitFinishedAsync();
        await Assertions.Expect(job.Status).ToHaveAttributeAsync("data-state", "refused");
        await Assertions.Expect(job.Status).ToContainTextAsync("Nothing was stored");
    }
}
