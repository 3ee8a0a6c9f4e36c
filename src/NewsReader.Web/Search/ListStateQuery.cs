using NewsReader.Core.Data;
using NewsReader.Core.Stories;

namespace NewsReader.Web.Search;

/// <summary>Reads a <see cref="ListState"/> from an HTTP query string the way the home page reads its URL.</summary>
public static class ListStateQuery
{
    /// <summary>
    /// The state of a query string (feeds, saved searches): the text cut to <paramref name="maxQueryLength"/>
    /// characters as the page cuts it, empty values dropped.
    /// </summary>
    public static ListState FromQuery(IQueryCollection query, int maxQueryLength)
    {
        ArgumentNullException.ThrowIfNull(query);
        string[] Values(string key) => query[key].OfType<string>().ToArray();
        var q = (string?)query[ListState.QueryKey];
        var max = Math.Max(0, maxQueryLength);
        return ListState.From(
            q is { Length: > 0 } && q.Length > max ? q[..max] : q,
            Values(EntityKind.Company.Key), Values(EntityKind.Country.Key), Values(EntityKind.Topic.Key),
            query[ListState.AfterKey], Values(EntityKind.Tag.Key));
    }
}
