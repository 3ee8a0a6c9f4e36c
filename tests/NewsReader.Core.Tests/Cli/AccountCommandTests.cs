using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Cli;
using NewsReader.Core.Accounts;

namespace NewsReader.Core.Tests.Cli;

public sealed class AccountCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nr-cli-accounts-").FullName;

    private string Db => Path.Combine(_dir, "news.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var services = AdminAccounts.CreateServices(Core.Store.NewsDb.ConnectionStringFor(Db));
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        return (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task CreateAdmin_NewEmail_CreatesRolesAndAdminWhoIsAlsoReader()
    {
        var (code, stdout, stderr) = await RunAsync("create-admin", "--email", "boss@example.test", "--password", "Long-enough-pw1", "--db", Db);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("created admin boss@example.test", stdout, StringComparison.Ordinal);
        Assert.Equal([NewsRoles.Admin, NewsRoles.Reader], await RolesOfAsync("boss@example.test"));
    }

    [Fact]
    public async Task CreateAdmin_ExistingReader_PromotesWithoutChangingPassword()
    {
        await RunAsync("create-admin", "--email", "r@example.test", "--password", "Long-enough-pw1", "--db", Db);
        await RunAsync("set-role", "--email", "r@example.test", "--role", "reader", "--db", Db);

        var (code, stdout, _) = await RunAsync("create-admin", "--email", "r@example.test", "--password", "Other-password-2", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("now an admin (password unchanged)", stdout, StringComparison.Ordinal);
        Assert.Contains(NewsRoles.Admin, await RolesOfAsync("r@example.test"));
    }

    [Theory]
    [InlineData("short1A!", "at least 10 characters")]
    [InlineData("alllowercase-long", "uppercase")]
    public async Task CreateAdmin_WeakPassword_Exit2WithIdentityMessagesAndNoAccount(string password, string message)
    {
        var (code, stdout, stderr) = await RunAsync("create-admin", "--email", "weak@example.test", "--password", password, "--db", Db);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        await using var services = AdminAccounts.CreateServices(Core.Store.NewsDb.ConnectionStringFor(Db));
        await using var scope = services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("weak@example.test"));
    }

    [Theory]
    [InlineData("create-admin", "--email", "x@example.test")]
    [InlineData("create-admin", "--password", "Long-enough-pw1")]
    [InlineData("create-admin", "--email", "x@example.test", "--password", "Long-enough-pw1", "--role", "Admin")]
    [InlineData("set-role", "--email", "x@example.test", "--role", "Owner")]
    [InlineData("set-role", "--email", "x@example.test")]
    public async Task AccountCommands_BadUsage_Exit2WithUsage(params string[] args)
    {
        var (code, _, stderr) = await RunAsync([.. args, "--db", Db]);

        Assert.Equal(2, code);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRole_Reader_RemovesAdminAndChangesSecurityStamp()
    {
        await RunAsync("create-admin", "--email", "a@example.test", "--password", "Long-enough-pw1", "--db", Db);
        var before = await StampOfAsync("a@example.test");

        var (code, stdout, _) = await RunAsync("set-role", "--email", "a@example.test", "--role", "Reader", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("now a reader", stdout, StringComparison.Ordinal);
        Assert.Equal([NewsRoles.Reader], await RolesOfAsync("a@example.test"));
        Assert.NotEqual(before, await StampOfAsync("a@example.test"));
    }

    [Fact]
    public async Task SetRole_UnknownEmail_Exit2()
    {
        await RunAsync("create-admin", "--email", "someone@example.test", "--password", "Long-enough-pw1", "--db", Db); // the store exists
        var (code, _, stderr) = await RunAsync("set-role", "--email", "nobody@example.test", "--role", "Admin", "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("No account with e-mail", stderr, StringComparison.Ordinal);
    }

    private async Task<string?> StampOfAsync(string email)
    {
        await using var services = AdminAccounts.CreateServices(Core.Store.NewsDb.ConnectionStringFor(Db));
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.GetSecurityStampAsync((await users.FindByEmailAsync(email))!);
    }
}
