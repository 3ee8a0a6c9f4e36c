using NewsReader.Core.Stories;
using NewsReader.Core.Accounts;
using NewsReader.Core.Store;
using NewsReader.Web.Account;

namespace NewsReader.Web.Api;

/// <summary>
/// A signed-in reader's own API keys, for the account page. Every call first asks <see cref="CurrentUser"/>
/// (the account as the store knows it now), then acts on that account's keys only.
/// </summary>
public sealed class ApiKeyActions(CurrentUser currentUser, ApiKeys keys)
{
    /// <summary>The reader's live keys, newest first.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await keys.ListAsync(user.Id, ct);
    }

    /// <summary>Makes a key for the reader; its secret is in the result and nowhere else.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="ApiKeyException">No usable name, too many keys, or the store is busy.</exception>
    public async Task<NewApiKey> CreateAsync(string? name, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        try
        {
            return await keys.CreateAsync(user.Id, name, ct);
        }
        catch (StoreBusyException e)
        {
            throw new ApiKeyException("The store is busy (an import is running); try again in a moment.", e);
        }
    }

    /// <summary>Revokes one of the reader's keys; false when it is not theirs or already revoked.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="ApiKeyException">The store is busy.</exception>
    public async Task<bool> RevokeAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        try
        {
            return await keys.RevokeAsync(user.Id, id, ct);
        }
        catch (StoreBusyException e)
        {
            throw new ApiKeyException("The store is busy (an import is running); try again in a moment.", e);
        }
    }
}
