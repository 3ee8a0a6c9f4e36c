using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>Issue 6: a reader tags a story and finds it on the tag page; a hostile tag name stays text.</summary>
[Collection(AppGroup.Name)]
public sealed class TaggingTests(AppServer app)
{
    private const string Hostile = "<img src=x onerror=window.__pwned=1>";

    private async Task<(string Slug, string Title)> SomeStoryAsync(int skip)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var story = await db.Articles.Where(a => a.DeletedAt == null).OrderBy(a => a.Id).Skip(skip).Select(a => new { a.Slug, a.Title }).FirstAsync();
        return (story.Slug, story.Title);
    }

    private static Task<bool> PwnedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__pwned !== undefined");

    [Fact]
    public async Task Reader_TagsAStory_FindsItOnTheTagPage()
    {
        var (slug, title) = await SomeStoryAsync(skip: 1);
        var page = await app.NewSignedInPageAsync(NewsRoles.Reader, "/articles/" + slug);
        var story = new StoryPage(page);
        await story.WaitInteractiveAsync();
        var tags = new StoryTagsSection(page);
        var name = "Reading list " + Guid.NewGuid().ToString("N")[..6];

        await tags.AddNewTagAsync(name);

        await Assertions.Expect(tags.TagLink(name)).ToBeVisibleAsync();
        await Assertions.Expect(tags.Region).ToContainTextAsync("added by reader-");
        await AppServer.ScreenshotAsync(page, "story-tagged");
        await tags.TagLink(name).ClickAsync();

        await Assertions.Expect(story.Heading).ToHaveTextAsync(name);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tags/reading-list-"));
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Stories" }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "tag-page");
    }

    [Fact]
    public async Task Reader_HostileTagName_RendersInertEverywhere()
    {
        var (slug, _) = await SomeStoryAsync(skip: 2);
        var page = await app.NewSignedInPageAsync(NewsRoles.Reader, "/articles/" + slug);
        var story = new StoryPage(page);
        await story.WaitInteractiveAsync();
        var tags = new StoryTagsSection(page);

        await tags.AddNewTagAsync(Hostile);

        await Assertions.Expect(tags.TagLink(Hostile)).ToHaveTextAsync(Hostile);
        Assert.False(await PwnedAsync(page));

        // Prerendered and then interactive: the tag page (heading and title), and the home facet.
        await page.GotoAsync("/tags/img-src-x-onerror-window-pwned-1");
        await story.WaitInteractiveAsync();
        await Assertions.Expect(story.Heading).ToHaveTextAsync(Hostile);
        await Assertions.Expect(page).ToHaveTitleAsync(Hostile + " – Tags – NewsReader");
        Assert.False(await PwnedAsync(page));

        await page.GotoAsync("/?tag=img-src-x-onerror-window-pwned-1");
        await story.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("aside .facet-name", new() { HasText = Hostile })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("img[onerror]").CountAsync());
        Assert.False(await PwnedAsync(page));
    }
}
