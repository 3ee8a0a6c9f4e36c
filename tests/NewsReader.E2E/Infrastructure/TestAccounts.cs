using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Accounts;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E.Infrastructure;

/// <summary>An account created for a browser test.</summary>
public sealed record TestUser(string Email, string Password);

/// <summary>
/// Accounts in the running app's temp store, and pages signed in through the real sign-in form:
/// <c>var page = await app.NewSignedInPageAsync(NewsRoles.Admin);</c> gives a fresh browser context
/// signed in as a new admin, on the home page. For a test about signing in itself, use
/// <c>CreateUserAsync</c> and <see cref="SignInPage"/>.
/// </summary>
public static class TestAccounts
{
    /// <summary>The password of every test account (meets the app's password rules).</summary>
    public const string Password = "Test-Password-0123";

    /// <summary>Creates an account with <paramref name="role"/> (unique e-mail) in the app's store.</summary>
    public static async Task<TestUser> CreateUserAsync(this AppServer app, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateOrPromoteAsync(email, Password, role);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the test account: " + string.Join(" ", result.Errors));
        }

        return new TestUser(email, Password);
    }

    /// <summary>A new browser context signed in as a new account with <paramref name="role"/>, left on <paramref name="returnUrl"/>.</summary>
    public static async Task<IPage> NewSignedInPageAsync(this AppServer app, string role, string returnUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = await app.CreateUserAsync(role);
        var page = await app.NewPageAsync();
        var signIn = await SignInPage.OpenAsync(page, returnUrl);
        await signIn.SignInAsync(user);
        return page;
    }
}
