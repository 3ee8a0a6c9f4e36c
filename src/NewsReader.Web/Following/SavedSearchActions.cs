using Microsoft.Extensions.Options;
using NewsReader.Core.Following;
using NewsReader.Core.Search;
using NewsReader.Core.Store;
using NewsReader.Web.Account;
using NewsReader.Web.Feeds;
using NewsReader.Web.Hosting;
using NewsReader.Core.Stories;
using NewsReader.Web.Search;

namespace NewsReader.Web.Following;

/// <summary>A saved search on the reader's list: how many stories arrived since they last opened it.</summary>
/// <param name="NewCount">Stories added to the view since it was last opened (at most <see cref="SavedSearchActions.MaxCounted"/>).</param>
/// <param name="MoreNew">More than <see cref="SavedSearchActions.MaxCounted"/> are new.</param>
public sealed record SavedSearchRow(SavedSearchInfo Search, string Url, int NewCount, bool MoreNew);

/// <summary>
/// A signed-in reader's saved searches, for the list page's save dialog and <c>/account/saved</c>.
/// Every call first asks <see cref="CurrentUser"/>, then acts on that reader's own searches only.
/// </summary>
public sealed class SavedSearchActions(CurrentUser currentUser, SavedSearches searches, StoryReader reader, StoryTimes times, IOptions<ReaderOptions> options)
{
    /// <summary>The most new stories counted per saved search.</summary>
    public const int MaxCounted = 100;

    /// <summary>Saves the list's current view (its first page) under a name.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="SavedSearchException">No usable name, too many, or the store is busy.</exception>
    public async Task<SavedSearchInfo> SaveAsync(string? name, ListState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.SaveAsync(user.Id, name, ViewOf(state), ct));
    }

    /// <summary>The reader's saved searches with their new-story counts, by name.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<IReadOnlyList<SavedSearchRow>> ListAsync(CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        var rows = new List<SavedSearchRow>();
        foreach (var search in await searches.ListAsync(user.Id, ct))
        {
            // The same search as the page's, newest first; only the first MaxCounted are looked at.
            var state = StateOf(search.View, options.Value.MaxQueryLength);
            var list = await reader.ListAsync(state, SearchSort.Newest, MaxCounted, ct);
            var stamps = await times.OfAsync(list.Stories.Select(s => s.Slug).ToList(), ct);
            var fresh = stamps.Values.Count(t => t.Added > search.LastOpenedAt);
            rows.Add(new SavedSearchRow(search, FeedLinks.ListPage(state), fresh, fresh == MaxCounted && list.NextAfter is not null));
        }

        return rows;
    }

    /// <summary>Marks a saved search opened now and returns its page's address; null when it is not the reader's.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<string?> OpenAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        var search = await searches.GetAsync(user.Id, id, ct);
        if (search is null)
        {
            return null;
        }

        await Busy(() => searches.MarkOpenedAsync(user.Id, id, ct));
        return FeedLinks.ListPage(StateOf(search.View, options.Value.MaxQueryLength));
    }

    /// <summary>Renames one of the reader's saved searches; false when it is not theirs.</summary>
    /// <exception cref="SavedSearchException">No usable name, or the store is busy.</exception>
    public async Task<bool> RenameAsync(long id, string? name, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.RenameAsync(user.Id, id, name, ct));
    }

    /// <summary>Deletes one of the reader's saved searches; false when it is not theirs.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.DeleteAsync(user.Id, id, ct));
    }

    /// <summary>A new private feed address for one of the reader's saved searches (any earlier one stops); null when it is not theirs.</summary>
    public async Task<string?> NewFeedAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        var token = await Busy(() => searches.NewFeedTokenAsync(user.Id, id, ct));
        return token is null ? null : FeedLinks.ForSavedSearch(token);
    }

    /// <summary>Turns a saved search's private feed off; false when it is not theirs.</summary>
    public async Task<bool> RevokeFeedAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.RevokeFeedTokenAsync(user.Id, id, ct));
    }

    /// <summary>Turns a saved search's alerts on or off; false when it is not the reader's.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<bool> SetAlertsAsync(long id, bool on, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.SetAlertsAsync(user.Id, id, on, ct));
    }

    /// <summary>Sets a saved search's webhook (alerts on with it); the new signing secret is in the result only. Null when it is not the reader's.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    /// <exception cref="SavedSearchException">Not a usable webhook address, or the store is busy.</exception>
    public async Task<NewWebhook?> SetWebhookAsync(long id, string? url, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.SetWebhookAsync(user.Id, id, url, ct));
    }

    /// <summary>Removes a saved search's webhook; false when it is not the reader's.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in.</exception>
    public async Task<bool> RemoveWebhookAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync();
        return await Busy(() => searches.RemoveWebhookAsync(user.Id, id, ct));
    }

    /// <summary>The view a saved search keeps: the list's query string without the cursor or a leading '?'.</summary>
    public static string ViewOf(ListState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return FeedLinks.ListPage(state with { After = null }).TrimStart('/').TrimStart('?');
    }

    /// <summary>The list state a saved view describes, read as the home page reads its URL.</summary>
    public static ListState StateOf(string view, int maxQueryLength) => SavedView.Parse(view, maxQueryLength);

    /// <summary>Runs a store write, turning a busy store into a message for the reader.</summary>
    internal static async Task<T> Busy<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (StoreBusyException e)
        {
            throw new SavedSearchException("The store is busy (an import is running); try again in a moment.", e);
        }
    }
}
