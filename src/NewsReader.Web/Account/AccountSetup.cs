using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using NewsReader.Core.Data;

namespace NewsReader.Web.Account;

/// <summary>Registers ASP.NET Core Identity (cookie sign-in) over the news store, and the access checks.</summary>
public static class AccountSetup
{
    /// <summary>Adds Identity with roles on <see cref="NewsDbContext"/>, the auth state for components, and <see cref="CurrentUser"/>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddAuthorization();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // The cookie's claims (roles included) are re-read from the store at least once a minute, so a
        // removed role stops opening admin pages within a minute; admin actions check the store every time.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }
}
