using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Account;

/// <summary>Registers ASP.NET Core Identity (cookie sign-in) over the news store, and the access checks.</summary>
public static class AccountSetup
{
    /// <summary>The folder inside the data folder that holds the keys protecting sign-in and form cookies.</summary>
    public const string KeysFolderName = "keys";

    /// <summary>Adds Identity with roles on <see cref="NewsDbContext"/>, the auth state for components, and <see cref="CurrentUser"/>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(AccountOptions.SectionName);
        services.Configure<AccountOptions>(section);
        var options = section.Get<AccountOptions>() ?? new AccountOptions();
        AddKeys(services, configuration, environment);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AdminAccounts>();
        AddIdentity(services);
        AddSignInRateLimit(services, options);
        return services;
    }

    private static void AddKeys(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Sign-in and antiforgery cookies are encrypted with Data Protection keys. ASP.NET keeps them in
        // ~/.aspnet by default (lost where the process has no home folder, as in many containers, which
        // signs everyone out at each restart) and ties them to the content root path (moving the app
        // does the same). Kept beside news.db under a fixed name, they survive restarts and move with the data.
        // On PostgreSQL, where several app instances may share the store, they live in the store
        // (table DataProtectionKeys), so a cookie issued by one instance is accepted by all.
        var keys = services.AddDataProtection().SetApplicationName("NewsReader");
        if (StoreStartup.EngineOf(configuration) == StoreEngine.Sqlite)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(ReaderOptions.DataFolderPath(configuration, environment), KeysFolderName)));
        }
        else
        {
            keys.PersistKeysToDbContext<NewsDbContext>();
        }
    }

    /// <summary>Identity over the store with cookie sign-in, the cookies' rules, and antiforgery.</summary>
    private static void AddIdentity(IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountUrls.SignIn;
            o.AccessDeniedPath = AccountUrls.AccessDenied;
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: a reader arriving from a link on another site is still signed in on
            // the first page; cross-site POSTs carry no cookie either way (and need the antiforgery token).
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Pages (GET) send the browser to sign in; a POST or an upload from a script gets a plain
            // status it can report, not an HTML page it cannot use.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // The cookie's claims (roles included) are re-read from the store at least once a minute, so a
        // removed role stops opening admin pages within a minute; admin actions check the store every time.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
    }

    private static void AddSignInRateLimit(IServiceCollection services, AccountOptions options) =>
        services.AddRateLimiter(o =>
        {
            // One global limiter that only counts the credential-guessing requests (sign-in and register
            // POSTs), per client address; every other request passes untouched. Lockout protects one
            // account; this slows one address trying many accounts.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsCredentialPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = Math.Max(1, options.SignInPermitLimit),
                            Window = TimeSpan.FromSeconds(Math.Max(1, options.SignInWindowSeconds)),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("other"));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Too many sign-in attempts from your address. Wait a minute, then try again.", ct);
            };
        });

    /// <summary>Maps the sign-out POST, which needs a valid antiforgery token (a cross-site page must not sign people out).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountUrls.SignOut, async (HttpContext context, SignInManager<IdentityUser> signIn) =>
            {
                // UseAntiforgery validated the token (RequireAntiforgeryToken below) and recorded the
                // outcome; refuse here with 400 instead of letting the form read throw.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                {
                    return Results.BadRequest("The form has expired or did not come from this site. Reload the page and try again.");
                }

                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                await signIn.SignOutAsync();
                return Results.LocalRedirect(AccountUrls.LocalOrHome(form["returnUrl"]));
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static bool IsCredentialPost(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return false;
        }

        // Routing ignores a trailing slash and letter case, so the limit must too.
        var path = (request.Path.Value ?? "").TrimEnd('/');
        return path.Equals(AccountUrls.SignIn, StringComparison.OrdinalIgnoreCase)
            || path.Equals(AccountUrls.Register, StringComparison.OrdinalIgnoreCase);
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(redirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
