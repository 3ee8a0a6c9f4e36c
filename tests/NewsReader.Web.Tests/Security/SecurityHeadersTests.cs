using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsReader.Core.Accounts;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Security;

[Collection(WebAppGroup.Name)]
public sealed class SecurityHeadersTests(WebAppFixture app)
{
    [Theory]
    [InlineData("GET", "/", HttpStatusCode.OK)]
    [InlineData("GET", "/articles/nvidia-chip-export-rules", HttpStatusCode.OK)]
    [InlineData("GET", "/account/sign-in", HttpStatusCode.OK)]
    [InlineData("GET", "/app.css", HttpStatusCode.OK)]
    [InlineData("GET", "/_content/MudBlazor/MudBlazor.min.js", HttpStatusCode.OK)]
    [InlineData("GET", "/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("GET", "/no-such-file.js", HttpStatusCode.NotFound)]
    [InlineData("HEAD", "/", HttpStatusCode.OK)]
    [InlineData("GET", "/admin", HttpStatusCode.Found)]
    [InlineData("POST", "/account/sign-out", HttpStatusCode.BadRequest)]
    public async Task AnyResponse_HasSecurityHeaders(string method, string url, HttpStatusCode status)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Page_InlineImportMap_CarriesThisResponsesNonce()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        var doc = await new HtmlParser().ParseDocumentAsync(await first.Content.ReadAsStringAsync());
        var inline = doc.QuerySelectorAll("script:not([src])").ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, s => Assert.Contains($"'nonce-{s.GetAttribute("nonce")}'", csp, StringComparison.Ordinal));
        Assert.NotEqual(csp, Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Cookies_OverHttps_AreSecureHttpOnlyAndSameSite()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost/"),
        });

        using var response = await client.PostSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var auth = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var antiforgery = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)) : null;
        // The antiforgery cookie was set by the first GET (in PostSignInAsync); check it there if not re-sent.
        if (antiforgery is not null)
        {
            Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AntiforgeryCookie_OverHttps_IsSecureHttpOnlyStrict()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/") });

        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
