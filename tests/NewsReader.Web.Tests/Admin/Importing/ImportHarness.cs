using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Web.Account;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Hosting;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>
/// The import services over a temp store without the web host: real Identity users (admin, reader)
/// in the store, a settable signed-in user, and the worker started by the test.
/// </summary>
internal sealed class ImportHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ImportHarness(TestStore store, ServiceProvider services, string seeds)
    {
        Store = store;
        _services = services;
        SeedsFolder = seeds;
    }

    public TestStore Store { get; }

    public string SeedsFolder { get; }

    public InProcessImportJobs Jobs => _services.GetRequiredService<InProcessImportJobs>();

    public ImportWorker Worker => _services.GetRequiredService<ImportWorker>();

    public UploadReceiver Receiver => _services.GetRequiredService<UploadReceiver>();

    public static async Task<ImportHarness> CreateAsync(long maxUploadBytes = 50L * 1024 * 1024)
    {
        var store = await TestStore.CreateAsync();
        var seeds = Directory.CreateDirectory(Path.Combine(store.Folder, "seeds")).FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(store.Factory);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext());
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<NewsDbContext>();
        services.AddScoped<SettableAuthState>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<SettableAuthState>());
        services.AddScoped<CurrentUser>();
        services.AddSingleton<IOptions<AdminImportOptions>>(Options.Create(new AdminImportOptions { MaxUploadBytes = maxUploadBytes }));
        services.AddSingleton<IOptions<ReaderOptions>>(Options.Create(new ReaderOptions { SeedsFolder = seeds }));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = store.Folder, EnvironmentName = "Production" });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new UploadReceiver(Path.Combine(store.Folder, "uploads")));
        services.AddSingleton<InProcessImportJobs>();
        services.AddSingleton<IImportJobs>(sp => sp.GetRequiredService<InProcessImportJobs>());
        services.AddSingleton<ImportHistory>();
        services.AddScoped<ImportActions>();
        services.AddSingleton<ImportWorker>();
        var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            foreach (var role in new[] { NewsRoles.Admin, NewsRoles.Reader })
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            foreach (var (name, role) in new[] { ("admin", NewsRoles.Admin), ("reader", NewsRoles.Reader) })
            {
                var user = new IdentityUser(name) { Email = name + "@example.test" };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }

        return new ImportHarness(store, provider, seeds);
    }

    /// <summary>The actions as <paramref name="userName"/> (null: anonymous) in a new scope, like one circuit.</summary>
    public async Task<(ImportActions Actions, AsyncServiceScope Scope)> ActionsAsAsync(string? userName)
    {
        var scope = _services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (userName is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("no user " + userName);
            principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName)], "Test"));
        }

        scope.ServiceProvider.GetRequiredService<SettableAuthState>().User = principal;
        return (scope.ServiceProvider.GetRequiredService<ImportActions>(), scope);
    }

    /// <summary>Receives bytes as an upload's file part would be: a server-named file in the upload folder, hashed and checked.</summary>
    public async Task<ReceivedFile> ReceivedAsync(string displayName, byte[] bytes)
    {
        using var body = new MemoryStream(bytes);
        var (file, _) = await Receiver.ReceiveFileAsync(body, displayName, long.MaxValue, CancellationToken.None);
        return file!;
    }

    /// <summary>Waits until every job is finished (a guard against hangs, not a timing assertion).</summary>
    public async Task WaitForJobsAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (Jobs.AnyActive)
        {
            await Task.Delay(50, guard.Token);
        }
    }

    public async Task<int> CountAsync<T>(Func<NewsDbContext, IQueryable<T>> query)
    {
        await using var db = await Store.Factory.CreateDbContextAsync();
        return await query(db).CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }

    private sealed class SettableAuthState : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }
}
