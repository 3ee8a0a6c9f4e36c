using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Accounts;

/// <summary>The outcome of an account operation: success, or the reasons it was refused (safe to show).</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, bool Created = false)
{
    public static AccountResult Ok(bool created = false) => new(true, [], created);

    public static AccountResult Refused(params string[] errors) => new(false, errors);

    public static AccountResult From(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? Ok() : new(false, result.Errors.Select(e => e.Description).ToList());
    }
}

/// <summary>
/// Creating accounts and changing roles outside the sign-in pages: the CLI's <c>create-admin</c> and
/// <c>set-role</c>, the web app's first-start admin, and the tests. Admins also hold the Reader role,
/// so everything a reader may do an admin may do.
/// </summary>
public sealed class AdminAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Creates the roles of <see cref="NewsRoles.All"/> that are missing.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in NewsRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                var result = await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    /// <summary>True when at least one account holds the Admin role.</summary>
    public async Task<bool> AnyAdminAsync()
    {
        if (!await roles.RoleExistsAsync(NewsRoles.Admin).ConfigureAwait(false))
        {
            return false;
        }

        return (await users.GetUsersInRoleAsync(NewsRoles.Admin).ConfigureAwait(false)).Count > 0;
    }

    /// <summary>
    /// Creates an account with <paramref name="role"/> (Admin implies Reader), or, when the e-mail
    /// already has an account, gives it the role (the password is then left as it is).
    /// </summary>
    public async Task<AccountResult> CreateOrPromoteAsync(string email, string password, string role)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        if (!NewsRoles.All.Contains(role))
        {
            return AccountResult.Refused($"Unknown role '{role}' (use {string.Join(" or ", NewsRoles.All)}).");
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        var created = false;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var create = await users.CreateAsync(user, password).ConfigureAwait(false);
            if (!create.Succeeded)
            {
                return AccountResult.From(create);
            }

            created = true;
        }

        var result = await SetRoleAsync(user, role).ConfigureAwait(false);
        return result.Succeeded ? AccountResult.Ok(created) : result;
    }

    /// <summary>
    /// Sets the account's role: Admin (with Reader) or Reader only. The security stamp changes, so
    /// signed-in sessions pick up the change at their next revalidation.
    /// </summary>
    public async Task<AccountResult> SetRoleAsync(string email, string role)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!NewsRoles.All.Contains(role))
        {
            return AccountResult.Refused($"Unknown role '{role}' (use {string.Join(" or ", NewsRoles.All)}).");
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        return user is null
            ? AccountResult.Refused($"No account with e-mail '{email}'.")
            : await SetRoleAsync(user, role).ConfigureAwait(false);
    }

    private async Task<AccountResult> SetRoleAsync(IdentityUser user, string role)
    {
        var wanted = role == NewsRoles.Admin ? NewsRoles.All : [NewsRoles.Reader];
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        var add = wanted.Except(current).ToList();
        var remove = current.Intersect(NewsRoles.All).Except(wanted).ToList();
        if (add.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, add).ConfigureAwait(false);
            if (!added.Succeeded)
            {
                return AccountResult.From(added);
            }
        }

        if (remove.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, remove).ConfigureAwait(false);
            if (!removed.Succeeded)
            {
                return AccountResult.From(removed);
            }
        }

        // Role changes do not touch the stamp by themselves; without this a removed admin's cookie
        // would keep its Admin claim until it expires.
        if (add.Count > 0 || remove.Count > 0)
        {
            return AccountResult.From(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        }

        return AccountResult.Ok();
    }

    /// <summary>
    /// Identity over a store without a web host (CLI, tests): user and role managers with
    /// <see cref="AccountRules"/>. Dispose the returned provider when done.
    /// </summary>
    public static ServiceProvider CreateServices(string connectionString, StoreEngine? engine = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<NewsDbContext>(o => NewsDb.Configure(o, connectionString, engine));
        services.AddIdentityCore<IdentityUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsDbContext>();
        services.AddScoped<AdminAccounts>();
        return services.BuildServiceProvider();
    }
}
