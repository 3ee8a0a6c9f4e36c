using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Account;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Account;

public sealed class FirstAdminTests
{
    private static WebApplicationFactory<Program> Start(TestStore store, string email, string password) =>
        TestApp.For(store.Folder, b =>
        {
            b.UseSetting(FirstAdmin.EmailVariable, email);
            b.UseSetting(FirstAdmin.PasswordVariable, password);
        });

    private static async Task<IReadOnlyList<string>> AdminsAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return (await users.GetUsersInRoleAsync(NewsRoles.Admin)).Select(u => u.Email!).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Start_WithVariablesAndNoAdmin_CreatesAdminOnceOnly()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var first = Start(store, "first@example.test", "First-admin-pw1"))
        {
            Assert.Equal(["first@example.test"], await AdminsAsync(first));
        }

        await using var second = Start(store, "second@example.test", "Second-admin-pw1");

        Assert.Equal(["first@example.test"], await AdminsAsync(second));
    }

    [Fact]
    public async Task Start_WithWeakPassword_StartsWithoutAdmin()
    {
        await using var store = await TestStore.CreateAsync();
        await using var app = Start(store, "weak@example.test", "weak");

        Assert.Empty(await AdminsAsync(app));
        using var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}
