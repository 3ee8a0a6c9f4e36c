using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Core.Tagging;
using NewsReader.Web.Account;
using NewsReader.Web.Tagging;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Tagging;

/// <summary>
/// A temp store with the sample stories and two accounts (<see cref="Reader"/> in role Reader,
/// <see cref="Admin"/> in role Admin), and the services tagging needs with a switchable signed-in
/// user, so the same checks run as in the app: <see cref="CurrentUser"/> reads the store.
/// </summary>
public sealed class TaggingHarness : IAsyncDisposable
{
    public const string Reader = "reader@example.test";
    public const string Admin = "admin@example.test";

    private TaggingHarness(TestStore store)
    {
        Store = store;
    }

    public TestStore Store { get; }

    /// <summary>Who the fake authentication state says is signed in.</summary>
    public FakeAuthState Auth { get; } = new();

    private ServiceProvider? _services;

    private readonly Dictionary<string, string> _ids = [];

    public static async Task<TaggingHarness> CreateAsync()
    {
        var harness = new TaggingHarness(await TestStore.CreateAsync());
        await SampleStories.AddAllAsync(harness.Store);
        var services = new ServiceCollection();
        harness.AddServices(services);
        harness._services = services.BuildServiceProvider();
        await using var scope = harness._services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var (name, role) in new[] { (Reader, NewsRoles.Reader), (Admin, NewsRoles.Admin) })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(role))).Succeeded);
            }

            var user = new IdentityUser(name) { Email = name };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            harness._ids[name] = user.Id;
        }

        return harness;
    }

    /// <summary>Registers the store, Identity over it, the fake auth state and tagging into a container (a bUnit context's too).</summary>
    public void AddServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddNewsStore(NewsDb.ConnectionStringFor(Store.DatabasePath));
        services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsDbContext>();
        services.AddSingleton<AuthenticationStateProvider>(Auth);
        services.AddScoped<CurrentUser>();
        services.AddTagging();
    }

    /// <summary>Signs in as one of the harness's accounts, or out (null).</summary>
    public void SignInAs(string? userName) =>
        Auth.User = userName is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _ids[userName]), new Claim(ClaimTypes.Name, userName)], "test"));

    /// <summary>The actions as a circuit would get them (a new scope).</summary>
    public TagActions Actions() => _services!.CreateScope().ServiceProvider.GetRequiredService<TagActions>();

    /// <summary>Core's tagger, for setting up data without any check.</summary>
    public StoryTagger Tagger() => new(Store.Factory);

    /// <summary>Every entity, alias and link row as text: equal dumps mean tagging changed nothing.</summary>
    public async Task<string> DumpAsync()
    {
        await using var db = await Store.Factory.CreateDbContextAsync();
        var sb = new System.Text.StringBuilder();
        foreach (var e in db.Entities.OrderBy(e => e.Id))
        {
            sb.Append(e.Id).Append('|').Append(e.Kind).Append('|').Append(e.Name).Append('|').Append(e.Slug).Append('\n');
        }

        foreach (var a in db.EntityAliases.OrderBy(a => a.Id))
        {
            sb.Append(a.EntityId).Append('|').Append(a.Key).Append('\n');
        }

        foreach (var l in db.EntityLinks.OrderBy(l => l.StoryId).ThenBy(l => l.EntityId))
        {
            sb.Append(l.StoryId).Append('|').Append(l.EntityId).Append('|').Append(l.Origin).Append('|').Append(l.AddedBy)
                .Append('|').Append(l.RemovedAt).Append('|').Append(l.RemovedBy).Append('\n');
        }

        foreach (var a in db.Stories.OrderBy(a => a.Id))
        {
            sb.Append(a.Id).Append('|').Append(a.EntityNames).Append('\n');
        }

        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Store.DisposeAsync();
    }
}

/// <summary>An authentication state whose user the test sets.</summary>
public sealed class FakeAuthState : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}
