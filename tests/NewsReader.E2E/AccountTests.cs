using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

[Collection(AppGroup.Name)]
public sealed class AccountTests(AppServer app)
{
    [Fact]
    public async Task Admin_SignsInOpensAdminAndSignsOut()
    {
        var admin = await app.CreateUserAsync(NewsRoles.Admin);
        var page = await app.NewPageAsync();
        var errors = CollectConsoleErrors(page);
        var home = await HomePage.OpenAsync(page);
        await home.WaitInteractiveAsync();

        await home.SignInLink.ClickAsync();
        var signIn = new SignInPage(page);
        await Assertions.Expect(signIn.Heading).ToHaveTextAsync("Sign in");
        await signIn.SignInAsync(admin);

        await home.WaitInteractiveAsync();
        await Assertions.Expect(home.AdminLink).ToBeVisibleAsync();
        await home.AdminLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Imports" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "admin-home");

        await home.WaitInteractiveAsync();
        await home.SignOutButton.ClickAsync();
        await Assertions.Expect(home.SignInLink).ToBeVisibleAsync();
        await Assertions.Expect(home.AdminLink).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Reader_OpeningAdmin_IsSentToAccessDenied()
    {
        var page = await app.NewSignedInPageAsync(NewsRoles.Reader);

        var response = await page.GotoAsync("/admin");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReaderPages_BecomeInteractiveWithoutCspViolations()
    {
        var page = await app.NewPageAsync();
        var errors = CollectConsoleErrors(page);
        var home = await HomePage.OpenAsync(page);
        await home.WaitInteractiveAsync();

        await home.ChooseThemeAsync("Dark"); // a MudBlazor interaction over the WebSocket
        var results = await home.SearchAsync("company");
        await results.WaitInteractiveAsync();
        await page.GotoAsync("/companies");
        await new HomePage(page).WaitInteractiveAsync();

        // Chromium reports every CSP refusal ("Refused to execute inline script ...") as a console error.
        Assert.Empty(errors);
    }

    /// <summary>Console errors, CSP violations included (Chromium reports them there).</summary>
    internal static List<string> CollectConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
