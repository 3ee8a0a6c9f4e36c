using NewsReader.Core.Stories;
using NewsReader.Core.Data;
using NewsReader.Web.Entities;
using NewsReader.Web.Search;

namespace NewsReader.Web.Feeds;

/// <summary>The addresses of feeds: <c>/feed?…</c> with a list's URL state, <c>/companies/{slug}/feed</c> for an entity page.</summary>
public static class FeedLinks
{
    public const string HomePath = "/feed";

    /// <summary>The site-relative feed URL of the home list at <paramref name="state"/> (its first page unless a cursor is given).</summary>
    public static string ForList(ListState state, FeedFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return HomePath + Query(state, format);
    }

    /// <summary>The site-relative feed URL of an entity page.</summary>
    public static string ForEntity(EntityKind field, string slug, string? after = null, FeedFormat? format = null) => field.PageUrl(slug) + "/feed" + Query(ListState.Empty with { After = after }, format);

    /// <summary>The site-relative address of a saved search's private feed.</summary>
    public static string ForSavedSearch(string token, string? after = null, FeedFormat? format = null) =>
        HomePath + "/saved/" + Uri.EscapeDataString(token) + Query(ListState.Empty with { After = after }, format);

    /// <summary>The site-relative page URL of the home list at <paramref name="state"/>.</summary>
    public static string ListPage(ListState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return "/" + Query(state, null);
    }

    /// <summary>The query string of a list state (<c>?q=…&amp;company=…</c>, or empty), in the page's key order.</summary>
    private static string Query(ListState state, FeedFormat? format)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in state.ToParameters())
        {
            switch (value)
            {
                case string text:
                    pairs.Add(new(key, text));
                    break;
                case string[] values:
                    pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
                    break;
            }
        }

        if (format is not null && format != FeedFormat.Atom)
        {
            pairs.Add(new(FeedFormat.QueryKey, format.Key));
        }

        return QueryString.Create(pairs).ToUriComponent();
    }
}
