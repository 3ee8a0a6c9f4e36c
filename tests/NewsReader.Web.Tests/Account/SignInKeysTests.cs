using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Store;
using NewsReader.Web.Account;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Account;

/// <summary>The keys that protect sign-in cookies outlive a restart (data folder on SQLite) and are shared by every instance (the store, on PostgreSQL).</summary>
public sealed class SignInKeysTests
{
    [Fact]
    public async Task SignIn_ThenRestartOnTheSameDataFolder_StillSignedIn()
    {
        await using var store = await TestStore.CreateAsync();
        var email = $"reader-{Guid.NewGuid():N}@example.test";
        var cookies = new CookieContainer();
        await using (var first = TestApp.For(store.Folder))
        {
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateOrPromoteAsync(email, TestAccounts.Password, NewsRoles.Reader);
                Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            }

            using var client = first.CreateDefaultClient(new CookieContainerHandler(cookies));
            using var signIn = await client.PostSignInAsync(email, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(store.Folder, AccountSetup.KeysFolderName), "key-*.xml"));
        await using var second = TestApp.For(store.Folder);
        using var again = second.CreateDefaultClient(new CookieContainerHandler(cookies));

        var html = await again.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OnOneInstance_AcceptedByAnotherOnTheSamePostgresStore()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var otherFolder = Path.Combine(store.Folder, "second-instance");
        Directory.CreateDirectory(otherFolder);
        var email = $"reader-{Guid.NewGuid():N}@example.test";
        var cookies = new CookieContainer();
        await using var first = TestApp.For(store);
        await using var second = TestApp.For(otherFolder, b =>
        {
            b.UseSetting("Store:Provider", store.Engine.Name);
            b.UseSetting("ConnectionStrings:News", store.ConnectionString);
        });
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateOrPromoteAsync(email, TestAccounts.Password, NewsRoles.Reader);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        }

        using (var client = first.CreateDefaultClient(new CookieContainerHandler(cookies)))
        using (var signIn = await client.PostSignInAsync(email, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        }

        using var other = second.CreateDefaultClient(new CookieContainerHandler(cookies));
        var html = await other.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in<", html, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(store.Folder, AccountSetup.KeysFolderName)));
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
