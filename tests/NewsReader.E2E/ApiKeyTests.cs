using System.Net;
using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>Issue 19: a reader makes an API key on the account page, uses it, and revokes it; the page at 1280/375, light/dark.</summary>
[Collection(AppGroup.Name)]
public sealed class ApiKeyTests(AppServer app)
{
    private async Task<HttpStatusCode> ApiStatusAsync(string key)
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await client.GetAsync(new Uri("/api/v1/stories?limit=1", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task Reader_CreatesUsesAndRevokesAKey()
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Reader, "/");
        var home = new HomePage(page);
        await home.WaitInteractiveAsync();
        // The account name opens the account's pages (saved searches first); API keys is one of them.
        await page.GetByRole(AriaRole.Link, new() { Name = "reader-", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync("**/account/saved");
        await home.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.WaitForURLAsync("**/account/api-keys");
        await Assertions.Expect(home.Heading).ToHaveTextAsync("API keys");
        await home.WaitInteractiveAsync();

        await page.GetByLabel("Name of the new key").FillAsync("e2e script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secretBox = page.GetByLabel("Key", new() { Exact = true });
        await Assertions.Expect(secretBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^nr_"));
        var secret = await secretBox.InputValueAsync();
        var list = page.GetByRole(AriaRole.List, new() { Name = "Your API keys" });
        await Assertions.Expect(list).ToContainTextAsync("e2e script");
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(secret));

        await home.ScreenshotAndAxeInEveryWidthAndThemeAsync("api-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key e2e script" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No keys yet.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(secret));
        await page.Context.CloseAsync();
    }
}
