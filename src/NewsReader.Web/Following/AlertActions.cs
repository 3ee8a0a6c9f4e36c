using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Core.Store;
using NewsReader.Web.Account;

namespace NewsReader.Web.Following;

/// <summary>
/// A signed-in reader's alerts, for the app bar's count, <c>/account/alerts</c> and the entity pages'
/// "Alert me" button. Every call first asks <see cref="CurrentUser"/>, then acts on that reader's own only.
/// </summary>
public sealed class AlertActions(CurrentUser currentUser, AlertInbox inbox, SavedSearches searches)
{
    /// <summary>Raised when the reader's unseen count changed here (marked seen), so the app bar asks again.</summary>
    public event Action? Changed;

    /// <summary>How many of the reader's alerts are unseen; 0 when nobody is signed in (the app bar asks on every page).</summary>
    public async Task<int> UnseenCountAsync(CancellationToken ct = default) =>
        await currentUser.GetAsync() is { } user ? await inbox.UnseenCountAsync(user.Id, ct) : 0;

    /// <summary>The reader's alerts, newest first.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<IReadOnlyList<AlertItem>> ListAsync(CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await inbox.ListAsync(user.Id, AlertInbox.MaxListed, ct);
    }

    /// <summary>Marks all the reader's alerts seen; how many were unseen.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="SavedSearchException">The store is busy.</exception>
    public async Task<int> MarkAllSeenAsync(CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        var marked = await SavedSearchActions.Busy(() => inbox.MarkAllSeenAsync(user.Id, ct));
        if (marked > 0)
        {
            Changed?.Invoke();
        }

        return marked;
    }

    /// <summary>"Alert me about this": alerts on for the reader's saved search of the entity's page, made if needed.</summary>
    /// <returns>The saved search, and whether it was made now.</returns>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="SavedSearchException">Too many saved searches, or the store is busy.</exception>
    public async Task<(SavedSearchInfo Search, bool Created)> AlertOnEntityAsync(EntityKind kind, string slug, string name, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await SavedSearchActions.Busy(() => searches.AlertOnEntityAsync(user.Id, kind, slug, name, ct));
    }
}
