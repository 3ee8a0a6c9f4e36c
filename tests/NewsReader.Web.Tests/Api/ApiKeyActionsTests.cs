using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Api;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Api;

/// <summary>The account page's key actions: a reader's own keys only, the secret shown once and working, another reader's key out of reach.</summary>
public abstract class ApiKeyActionsTests(WebAppFixture app)
{
    private async Task<HttpStatusCode> StatusWithKeyAsync(string secret)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var response = await client.GetAsync(new Uri("/api/v1/stories?limit=1", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task CreateAsync_NewKey_ListedByPrefixOnlyAndOpensTheApi()
    {
        var owner = await app.CreateUserAsync(NewsRoles.Reader);
        await using var scope = await app.CreateScopeAsAsync(owner);
        var actions = scope.ServiceProvider.GetRequiredService<ApiKeyActions>();

        var key = await actions.CreateAsync("  my script ");
        var listed = await actions.ListAsync();

        Assert.StartsWith("nr_", key.Secret, StringComparison.Ordinal);
        Assert.True(key.Secret.Length >= 40);
        var row = Assert.Single(listed);
        Assert.Equal("my script", row.Name);
        Assert.StartsWith(row.Prefix, key.Secret, StringComparison.Ordinal);
        Assert.True(row.Prefix.Length < 12);
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(key.Secret));
    }

    [Fact]
    public async Task RevokeAsync_AnotherReadersKey_ChangesNothing_AndTheOwnersRevokeStopsItAtOnce()
    {
        var owner = await app.CreateUserAsync(NewsRoles.Reader);
        var other = await app.CreateUserAsync(NewsRoles.Reader);
        await using var ownerScope = await app.CreateScopeAsAsync(owner);
        await using var otherScope = await app.CreateScopeAsAsync(other);
        var key = await ownerScope.ServiceProvider.GetRequiredService<ApiKeyActions>().CreateAsync("mine");

        var byOther = await otherScope.ServiceProvider.GetRequiredService<ApiKeyActions>().RevokeAsync(key.Info.Id);
        var otherSees = await otherScope.ServiceProvider.GetRequiredService<ApiKeyActions>().ListAsync();
        var stillWorks = await StatusWithKeyAsync(key.Secret);
        var byOwner = await ownerScope.ServiceProvider.GetRequiredService<ApiKeyActions>().RevokeAsync(key.Info.Id);

        Assert.False(byOther);
        Assert.Empty(otherSees);
        Assert.Equal(HttpStatusCode.OK, stillWorks);
        Assert.True(byOwner);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(key.Secret));
        Assert.Empty(await ownerScope.ServiceProvider.GetRequiredService<ApiKeyActions>().ListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tname")]
    public async Task CreateAsync_UnusableName_RefusedWithAMessageAndNothingStored(string name)
    {
        var owner = await app.CreateUserAsync(NewsRoles.Reader);
        await using var scope = await app.CreateScopeAsAsync(owner);
        var actions = scope.ServiceProvider.GetRequiredService<ApiKeyActions>();

        var error = await Assert.ThrowsAsync<ApiKeyException>(() => actions.CreateAsync(name));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Empty(await actions.ListAsync());
    }

    [Fact]
    public async Task CreateAsync_OverTheLimit_RefusedUntilOneIsRevoked()
    {
        var owner = await app.CreateUserAsync(NewsRoles.Reader);
        await using var scope = await app.CreateScopeAsAsync(owner);
        var actions = scope.ServiceProvider.GetRequiredService<ApiKeyActions>();
        for (var i = 0; i < ApiKeyRules.MaxKeysPerUser; i++)
        {
            await actions.CreateAsync("key " + i);
        }

        await Assert.ThrowsAsync<ApiKeyException>(() => actions.CreateAsync("one too many"));
        Assert.True(await actions.RevokeAsync((await actions.ListAsync())[0].Id));
        await actions.CreateAsync("room again");

        Assert.Equal(ApiKeyRules.MaxKeysPerUser, (await actions.ListAsync()).Count);
    }

    [Fact]
    public async Task KeyOfALockedOutAccount_IsRefused()
    {
        var owner = await app.CreateUserAsync(NewsRoles.Reader);
        NewApiKey key;
        await using (var scope = await app.CreateScopeAsAsync(owner))
        {
            key = await scope.ServiceProvider.GetRequiredService<ApiKeyActions>().CreateAsync("locked");
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            var user = (await users.FindByEmailAsync(owner.Email))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(key.Secret));
    }
}

[Collection(WebAppGroup.Name)]
public sealed class ApiKeyActionsSqliteTests(WebAppFixture app) : ApiKeyActionsTests(app);

[Collection(PostgresWebAppGroup.Name)]
public sealed class ApiKeyActionsPostgresTests(PostgresWebAppFixture app) : ApiKeyActionsTests(app);
