using Microsoft.Playwright;
using NewsReader.E2E.Infrastructure;

namespace NewsReader.E2E;

[Collection(AppGroup.Name)]
public sealed class ShellTests(AppServer app)
{
    [Fact]
    public async Task UnknownStory_ShowsNotFoundPageWith404()
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync("/articles/no-such-story");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Not found – NewsReader");
    }

    // A closed drawer waits just off the edge; its shadow used to show as a 1-2 px line down the page.
    [Fact]
    public async Task Desktop_ClosedDrawers_CastNoShadowOnThePage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new Pages.HomePage(page).WaitInteractiveAsync();

        var shadows = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('aside.mud-drawer--closed')].map(d => getComputedStyle(d).boxShadow)");

        Assert.NotEmpty(shadows);
        Assert.All(shadows, s => Assert.Equal("none", s));
    }
}
