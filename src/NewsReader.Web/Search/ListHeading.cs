using NewsReader.Core.Stories;
namespace NewsReader.Web.Search;

/// <summary>How a story list names itself: the page's heading and its browser title (feeds use the heading too).</summary>
public sealed record ListHeading(string Heading, string Title)
{
    /// <summary>The heading and title of the list at <paramref name="state"/> with its resolved filters.</summary>
    public static ListHeading For(ListState state, IReadOnlyList<ActiveFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(filters);
        var filterNames = string.Join(", ", filters.Select(f => f.Name));
        return (state.Query, filterNames.Length) switch
        {
            (not null, 0) => new($"Results for {QueryText.Quoted(state.Query)}", $"{state.Query} – search"),
            (not null, _) => new($"Results for {QueryText.Quoted(state.Query)}", $"{state.Query} in {filterNames} – search"),
            (null, > 0) => new($"Stories: {filterNames}", $"{filterNames} – stories"),
            _ => new("Latest stories", "Latest stories"),
        };
    }
}
