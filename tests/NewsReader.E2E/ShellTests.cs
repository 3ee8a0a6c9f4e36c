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
}
