using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using NewsReader.Core.Accounts;

namespace NewsReader.Web.Account;

/// <summary>A signed-in person as the store knows them right now.</summary>
/// <param name="Id">The Identity user id.</param>
/// <param name="UserName">The name recorded on what they change (the <c>…By</c> columns).</param>
public sealed record SignedInUser(string Id, string UserName, bool IsAdmin);

/// <summary>
/// The server-side check behind every action a person takes (tagging, imports, edits). It reads the
/// user and roles from the store at the moment of the action, not from the circuit's cached claims,
/// so a removed role or a locked-out account stops working at once even on a page opened earlier.
/// Hiding a button is never the control; calling <see cref="RequireAsync"/> is.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IServiceScopeFactory scopes)
{
    /// <summary>The signed-in user, or null for an anonymous reader or an account that no longer exists or is locked out.</summary>
    public async Task<SignedInUser?> GetAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        // A fresh scope (so a fresh DbContext) per check: a circuit's scope lives for hours, and its
        // context would answer the role question from entities it tracked at the first check.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var isAdmin = await users.IsInRoleAsync(user, NewsRoles.Admin);
        return new SignedInUser(user.Id, user.UserName ?? user.Id, isAdmin);
    }

    /// <summary>The signed-in user, who must hold <paramref name="role"/> (any signed-in user when null).</summary>
    /// <exception cref="ActionForbiddenException">Not signed in, or without the role.</exception>
    public async Task<SignedInUser> RequireAsync(string? role = null)
    {
        var user = await GetAsync() ?? throw new ActionForbiddenException("Sign in to do this.");
        if (role == NewsRoles.Admin && !user.IsAdmin)
        {
            throw new ActionForbiddenException("Only an administrator can do this.");
        }

        return user;
    }
}

/// <summary>Thrown when a person tries an action their account does not allow; the message is safe to show.</summary>
public sealed class ActionForbiddenException : Exception
{
    public ActionForbiddenException()
    {
    }

    public ActionForbiddenException(string message)
        : base(message)
    {
    }

    public ActionForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
