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
        var story = await db.Stories.Where(a => a.DeletedAt == null).OrderBy(a => a.Id).Skip(skip).Select(a => new { a.Slug, a.Title }).FirstAsync();
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

    [Fact]
    public async Task Reader_TypesNames_GetsReasonsPrefixMatchesAndKnownCountries()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        // A story with a company on it and without the topic "semiconductors", which another story has.
        var story = await db.Stories.Where(a => a.DeletedAt == null
                && a.Links.Any(l => l.RemovedAt == null && l.Entity!.Kind == EntityKind.Company)
                && !a.Links.Any(l => l.Entity!.Slug == "semiconductors"))
            .OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync();
        var company = await db.EntityLinks.Where(l => l.Story!.Slug == story && l.RemovedAt == null && l.Entity!.Kind == EntityKind.Company)
            .Select(l => l.Entity!.Name).FirstAsync();
        Assert.True(await db.Entities.AnyAsync(e => e.Slug == "semiconductors"), "the seed names the topic somewhere");
        Assert.False(await db.Entities.AnyAsync(e => e.Kind == EntityKind.Country && e.Slug == "japan"), "no seed story names Japan");
        var page = await app.NewSignedInPageAsync(NewsRoles.Reader, "/articles/" + story);
        await new StoryPage(page).WaitInteractiveAsync();
        var tags = new StoryTagsSection(page);
        var options = page.Locator(".mud-popover-open");

        await tags.AddBox.FillAsync(company);
        await Assertions.Expect(tags.Status).ToHaveTextAsync("“" + company + "” is already on this story.");
        await Assertions.Expect(options.GetByText("already on this story").First).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "tag-already-on-story");

        await tags.AddBox.FillAsync("semic");
        await Assertions.Expect(options.GetByText("semiconductors", new() { Exact = true })).ToBeVisibleAsync();

        await tags.AddBox.FillAsync("Japan");
        await Assertions.Expect(options.GetByText("Country", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(options.GetByText("New tag: “Japan”")).ToHaveCountAsync(0);
        await options.GetByText("Japan", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(tags.Status).ToHaveTextAsync("Tagged “Japan”.", new() { Timeout = 20_000 });
        await Assertions.Expect(tags.TagLink("Japan")).ToHaveAttributeAsync("href", "/countries/japan");
    }
}
