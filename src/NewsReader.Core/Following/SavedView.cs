using System.Web;
using NewsReader.Core.Data;
using NewsReader.Core.Stories;

namespace NewsReader.Core.Following;

/// <summary>A saved search's view (the list page's query string, <c>q=…&amp;company=…</c>) read back as a list state.</summary>
public static class SavedView
{
    /// <summary>
    /// The list state of a view, read as the list page reads its URL: empty values dropped, no cursor,
    /// the text cut to <paramref name="maxQueryLength"/> characters as the page cuts it.
    /// </summary>
    public static ListState Parse(string view, int maxQueryLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        var query = HttpUtility.ParseQueryString(view);
        string[] Values(string key) => query.GetValues(key) ?? [];
        var q = query[ListState.QueryKey];
        var max = Math.Max(0, maxQueryLength);
        return ListState.From(
            q is { Length: > 0 } && q.Length > max ? q[..max] : q,
            Values(EntityKind.Company.Key), Values(EntityKind.Country.Key), Values(EntityKind.Topic.Key),
            after: null, Values(EntityKind.Tag.Key));
    }

    /// <summary>The view of one entity's stories (<c>company=tencent</c>), as the list page writes it.</summary>
    public static string OfEntity(EntityKind kind, string slug) => kind.Key + "=" + Uri.EscapeDataString(slug);
}
