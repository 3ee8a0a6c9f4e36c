using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Accounts;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Account;

[Collection(WebAppGroup.Name)]
public sealed class LockoutAndRateLimitTests(WebAppFixture app)
{
    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountEvenForTheRightPassword()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.CreateClient();
        var pages = new List<string>();
        for (var i = 0; i < AccountRules.MaxFailedAttempts; i++)
        {
            using var wrong = await client.PostSignInAsync(user.Email, "Wrong-password-" + i);
            pages.Add(await wrong.Content.ReadAsStringAsync());
        }

        using var right = await client.PostSignInAsync(user.Email, user.Password);

        Assert.All(pages.Take(AccountRules.MaxFailedAttempts - 1), p => Assert.Contains("Wrong e-mail or password.", p, StringComparison.Ordinal));
        Assert.Contains("locked", pages[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(SetsAuthCookie(right));
    }

    [Fact]
    public async Task SignIn_FourWrongThenRight_SignsInAndResetsTheCount()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.CreateClient();
        for (var i = 0; i < AccountRules.MaxFailedAttempts - 1; i++)
        {
            (await client.PostSignInAsync(user.Email, "Wrong-password-" + i)).Dispose();
        }

        using var right = await client.PostSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Found, right.StatusCode);
        Assert.True(SetsAuthCookie(right));
    }

    [Fact]
    public async Task SignIn_MorePostsThanTheLimit_Answers429WithMessageAndPagesStillLoad()
    {
        await using var limited = app.Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:SignInPermitLimit", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostSignInAsync($"nobody{i}@example.test", "Wrong-password-1");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many sign-in attempts", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
