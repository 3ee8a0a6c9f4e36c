using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>
/// The whole app on the test server over its own temp store, with users admin and reader in the
/// store. Requests sign in with an <c>X-Test-User</c> header (a test scheme replaces the cookie, so
/// these tests do not depend on the sign-in pages); roles and the admin check still come from the store.
/// </summary>
internal sealed class ImportApp : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User";

    private readonly TestStore _store;

    private ImportApp(TestStore store, WebApplicationFactory<Program> factory)
    {
        _store = store;
        Factory = factory;
    }

    public WebApplicationFactory<Program> Factory { get; }

    public IImportJobs Jobs => Factory.Services.GetRequiredService<IImportJobs>();

    /// <summary>What the app logged at warning level or above, as text.</summary>
    public LogLines Warnings => Factory.Services.GetRequiredService<LogLines>();

    public string UploadFolder => Factory.Services.GetRequiredService<UploadReceiver>().Folder;

    /// <param name="kestrel">On real Kestrel on a loopback port rather than the test server: for what only
    /// the real server does (its request body limit, chunked bodies).</param>
    public static async Task<ImportApp> CreateAsync(long maxUploadBytes = 64 * 1024, bool kestrel = false)
    {
        var store = await TestStore.CreateAsync();
        var factory = TestApp.For(store.Folder, b =>
        {
            b.UseSetting("Admin:MaxUploadBytes", maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureTestServices(services =>
            {
                var warnings = new LogLines();
                services.AddSingleton(warnings);
                services.AddSingleton<ILoggerProvider>(warnings);
                services.AddAuthentication(o =>
                    {
                        o.DefaultScheme = HeaderAuth.SchemeName;
                        o.DefaultAuthenticateScheme = HeaderAuth.SchemeName;
                        o.DefaultChallengeScheme = HeaderAuth.SchemeName;
                        o.DefaultForbidScheme = HeaderAuth.SchemeName;
                    })
                    .AddScheme<AuthenticationSchemeOptions, HeaderAuth>(HeaderAuth.SchemeName, null);
            });
        });
        if (kestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            factory.ClientOptions.BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            _ = factory.Server; // starts the app (migrations run at start-up)
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            foreach (var role in new[] { NewsRoles.Admin, NewsRoles.Reader })
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            foreach (var (name, role) in new[] { ("admin", NewsRoles.Admin), ("reader", NewsRoles.Reader) })
            {
                var user = new IdentityUser(name) { Email = name + "@example.test" };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }

        return new ImportApp(store, factory);
    }

    /// <summary>A client without redirects following, signed in as <paramref name="user"/> (null: anonymous).</summary>
    public HttpClient Client(string? user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Factory.ClientOptions.BaseAddress });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(UserHeader, user);
        }

        return client;
    }

    /// <summary>The antiforgery token of the import page's upload form (the client keeps the cookie).</summary>
    public static async Task<string> UploadTokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/admin/imports", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var input = doc.QuerySelector("form[action='/admin/imports/upload'] input[name=__RequestVerificationToken]");
        return input?.GetAttribute("value") ?? throw new InvalidOperationException("no antiforgery token on the import page");
    }

    /// <summary>A multipart upload: the token field first (when given), then the files.</summary>
    public static MultipartFormDataContent Upload(string? token, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }

        return content;
    }

    public async Task WaitForJobsAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await Jobs.AnyActiveAsync())
        {
            await Task.Delay(50, guard.Token);
        }
    }

    public async Task<T> QueryAsync<T>(Func<NewsDbContext, Task<T>> query)
    {
        await using var db = await _store.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _store.DisposeAsync();
    }

    /// <summary>Signs in the user named by the header, with the roles the store gives them.</summary>
    private sealed class HeaderAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[UserHeader].FirstOrDefault() is not { Length: > 0 } name)
            {
                return AuthenticateResult.NoResult();
            }

            var users = Context.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                return AuthenticateResult.Fail("unknown test user");
            }

            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, name) };
            claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
        }
    }
}

/// <summary>A logger provider keeping every warning or worse the app writes, for tests that expect one.</summary>
internal sealed class LogLines : ILoggerProvider, ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _lines.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
