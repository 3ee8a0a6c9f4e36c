using System.Net;
using NewsReader.Core.Accounts;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Account;

/// <summary>The account forms refuse a POST without this browser's antiforgery token (cross-site request forgery).</summary>
[Collection(WebAppGroup.Name)]
public sealed class CsrfTests(WebAppFixture app)
{
    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

    private static FormUrlEncodedContent SignInForm(TestUser user, string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        };
        if (token is not null)
        {
            fields[TestAccounts.AntiforgeryField] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task SignIn_WithoutToken_Refused400AndNotSignedIn()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.CreateClient();
        using var form = SignInForm(user, token: null);

        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsAuthCookie(response));
    }

    [Fact]
    public async Task SignIn_WithAnotherBrowsersToken_Refused400()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var attacker = app.CreateClient();
        using var victim = app.CreateClient();
        var foreignToken = await attacker.GetAntiforgeryTokenAsync();
        _ = await victim.GetAntiforgeryTokenAsync(); // the victim has its own antiforgery cookie
        using var form = SignInForm(user, foreignToken);

        using var response = await victim.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsAuthCookie(response));
    }

    [Fact]
    public async Task SignOut_WithoutToken_Refused400AndStillSignedIn()
    {
        using var client = await app.CreateClientAsync(Persona.Reader);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });

        using var response = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign out", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithToken_SignsOutAndRedirectsLocally()
    {
        using var client = await app.CreateClientAsync(Persona.Reader);
        var token = await client.GetAntiforgeryTokenAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [TestAccounts.AntiforgeryField] = token,
            ["returnUrl"] = "//evil.example/",
        });

        using var response = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Sign out", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}
