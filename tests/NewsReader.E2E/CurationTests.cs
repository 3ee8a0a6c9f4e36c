using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Importing;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>An admin's corrections seen by readers: merged companies in the facets, an edited headline kept inert.</summary>
[Collection(AppGroup.Name)]
public sealed class CurationTests(AppServer app)
{
    [Fact]
    public async Task Admin_MergesTwoCompanies_ReaderFacetCountsFollow()
    {
        var word = "quokka" + Guid.NewGuid().ToString("N")[..8];
        var loser = "Gizmo Works " + word[^4..];
        var survivor = "GizmoWorks Group " + word[^4..];
        await AddStoryAsync($"{word}-one", $"Gizmo story one {word}", loser);
        await AddStoryAsync($"{word}-two", $"Gizmo story two {word}", survivor);
        await AddStoryAsync($"{word}-three", $"Gizmo story three {word}", survivor);
        var reader = await app.NewPageAsync();
        var home = await HomePage.OpenAsync(reader, "?q=" + word);
        await Assertions.Expect(home.FacetLinks("Companies").Filter(new() { HasText = survivor })).ToHaveAttributeAsync("aria-label", $"{survivor}, 2 stories");
        await Assertions.Expect(home.FacetLinks("Companies").Filter(new() { HasText = loser })).ToHaveAttributeAsync("aria-label", $"{loser}, 1 story");

        var admin = await AdminEntitiesPage.OpenAsync(await app.NewSignedInPageAsync(NewsRoles.Admin), word[^4..]);
        await admin.MergeAsync(loser, survivor);
        await AppServer.ScreenshotAsync(admin.Page, "admin-entities-merged");

        home = await HomePage.OpenAsync(reader, "?q=" + word);
        await Assertions.Expect(home.FacetLinks("Companies").Filter(new() { HasText = survivor })).ToHaveAttributeAsync("aria-label", $"{survivor}, 3 stories");
        await Assertions.Expect(home.FacetLinks("Companies").Filter(new() { HasText = loser })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_MergeTargetFoundBySearch_TheMergeIsKeptAndDone()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var loser = "Geey Motors " + tag;
        var survivor = "Geely Auto " + tag;
        await AddStoryAsync($"geey-{tag}", $"Geey story {tag}", loser);
        await AddStoryAsync($"geely-{tag}", $"Geely story {tag}", survivor);

        // The two names do not fit one search: the target is found by a second search, Enter in the box.
        var admin = await AdminEntitiesPage.OpenAsync(await app.NewSignedInPageAsync(NewsRoles.Admin), "Geey Motors " + tag);
        await admin.MergeFindingTheTargetAsync(loser, survivor);
        await AppServer.ScreenshotAsync(admin.Page, "admin-entities-merged-after-search");

        Assert.DoesNotContain("merge=", admin.Page.Url, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Entities.AnyAsync(e => e.Name == loser));
        Assert.Equal(2, await db.EntityLinks.CountAsync(l => l.Entity!.Name == survivor && l.RemovedAt == null));
    }

    [Fact]
    public async Task Admin_RenameEntity_EnterSaves()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = "Renamable Corp " + tag;
        await AddStoryAsync($"renamable-{tag}", $"Renamable story {tag}", name);

        var admin = await AdminEntitiesPage.OpenAsync(await app.NewSignedInPageAsync(NewsRoles.Admin), name);
        await admin.RenameWithEnterAsync(name, "Renamed Corp " + tag);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Entities.AnyAsync(e => e.Name == "Renamed Corp " + tag));
    }

    [Fact]
    public async Task Admin_EditsHeadlineWithHostileText_RendersInertForReaders()
    {
        var word = "wombat" + Guid.NewGuid().ToString("N")[..8];
        var id = await AddStoryAsync(word, "Plain headline " + word, null);
        const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"> Edited";

        var admin = await AdminStoryPage.OpenAsync(await app.NewSignedInPageAsync(NewsRoles.Admin), id);
        await admin.SaveHeadlineAsync(Hostile);

        var reader = await app.NewPageAsync();
        var errors = AccountTests.CollectConsoleErrors(reader);
        await reader.GotoAsync("/articles/" + word);
        var story = new StoryPage(reader);
        await story.WaitInteractiveAsync();
        await Assertions.Expect(story.Heading).ToHaveTextAsync(Hostile);
        var home = await HomePage.OpenAsync(reader, "?q=" + word);
        await Assertions.Expect(home.StoryLinks.First).ToHaveTextAsync(Hostile);
        Assert.Null(await reader.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await reader.Locator("main img[src=x], main script").CountAsync());
        await AppServer.ScreenshotAsync(reader, "hostile-headline-inert");
        Assert.DoesNotContain(errors, e => e.Contains("pwned", StringComparison.Ordinal));
    }

    private Task<long> AddStoryAsync(string slug, string title, string? company) => app.AddStoryAsync(slug, title, company);
}
