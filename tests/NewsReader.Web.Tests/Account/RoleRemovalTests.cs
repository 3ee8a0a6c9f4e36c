using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Account;

[Collection(WebAppGroup.Name)]
public sealed class RoleRemovalTests(WebAppFixture app)
{
    [Fact]
    public async Task RemovedAdmin_AdminAction_RefusedAtOnceEvenWithOldClaims()
    {
        var user = await app.CreateUserAsync(NewsRoles.Admin);
        // The scope's claims are taken now, as an open circuit's are: they still say Admin below.
        await using var scope = await app.CreateScopeAsAsync(user);
        var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.True((await current.RequireAsync(NewsRoles.Admin)).IsAdmin);

        await app.SetRoleAsync(user, NewsRoles.Reader);

        var error = await Assert.ThrowsAsync<ActionForbiddenException>(() => current.RequireAsync(NewsRoles.Admin));
        Assert.Equal("Only an administrator can do this.", error.Message);
        Assert.False((await current.RequireAsync()).IsAdmin);
    }

    [Fact]
    public async Task RemovedAdmin_AdminPage_RefusedOnceTheCookieIsRevalidated()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        // The host's clock, which the cookie (issued time) and the stamp check (interval) both read.
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock);
            s.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock);
        }));
        var user = await app.CreateUserAsync(NewsRoles.Admin);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.PostSignInAsync(user.Email, user.Password)).Dispose();
        using (var before = await client.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await app.SetRoleAsync(user, NewsRoles.Reader);

        // Within the minute the cookie's claims are trusted (the documented window for pages; actions
        // check the store every time, above). After it, the stamp check refuses the old cookie.
        clock.Advance(TimeSpan.FromSeconds(30));
        using (var within = await client.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(31));
        using var after = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.NotEqual("/admin", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public void StampValidation_Interval_IsOneMinute()
    {
        var options = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), options.ValidationInterval);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
