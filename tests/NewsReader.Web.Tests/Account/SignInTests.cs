using System.Net;
using NewsReader.Core.Accounts;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Account;

[Collection(WebAppGroup.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task SignIn_RightPassword_SetsHttpOnlyLaxCookieAndRedirectsToLocalReturnUrl()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.CreateClient();

        using var response = await client.PostSignInAsync(user.Email, user.Password, "/companies");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/companies", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_ForeignReturnUrl_RedirectsHome(string returnUrl)
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.CreateClient();

        using var response = await client.PostSignInAsync(user.Email, user.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", location.ToString());
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndSetsNoCookie()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.CreateClient();

        using var response = await client.PostSignInAsync(user.Email, "wrong-password-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong e-mail or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Helpers_AdminPersona_SeesAdminLinkAndSignOut()
    {
        using var admin = await app.CreateClientAsync(Persona.Admin);
        using var reader = await app.CreateClientAsync(Persona.Reader);
        using var anonymous = await app.CreateClientAsync(Persona.Anonymous);

        var adminHtml = await admin.GetStringAsync(new Uri("/", UriKind.Relative));
        var readerHtml = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
        var anonymousHtml = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("href=\"/admin\"", adminHtml, StringComparison.Ordinal);
        Assert.Contains("Sign out", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", readerHtml, StringComparison.Ordinal);
        Assert.Contains("reader@example.test", readerHtml, StringComparison.Ordinal);
        Assert.Contains("Sign in", anonymousHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", anonymousHtml, StringComparison.Ordinal);
    }
}
