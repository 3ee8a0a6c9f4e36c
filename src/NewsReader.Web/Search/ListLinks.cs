using Microsoft.AspNetCore.Components;
using NewsReader.Core.Data;
using NewsReader.Core.Stories;
using NewsReader.Web.Entities;

namespace NewsReader.Web.Search;

/// <summary>Links to the story list (the home page) for a given URL state.</summary>
public static class ListLinks
{
    /// <summary>The home page URL showing <paramref name="state"/>.</summary>
    public static string Home(NavigationManager nav, ListState state)
    {
        ArgumentNullException.ThrowIfNull(nav);
        ArgumentNullException.ThrowIfNull(state);
        return nav.GetUriWithQueryParameters(nav.BaseUri, state.ToParameters());
    }

    /// <summary>The directory of a kind of entity, narrowed to those named in the stories of <paramref name="state"/>.</summary>
    public static string Directory(NavigationManager nav, EntityKind field, ListState state)
    {
        ArgumentNullException.ThrowIfNull(nav);
        ArgumentNullException.ThrowIfNull(state);
        return nav.GetUriWithQueryParameters(nav.BaseUri + field.PathSegment, (state with { After = null }).ToParameters());
    }

    /// <summary>The current page's URL with a different list state (entity pages page through their own list).</summary>
    public static string Here(NavigationManager nav, ListState state)
    {
        ArgumentNullException.ThrowIfNull(nav);
        ArgumentNullException.ThrowIfNull(state);
        return nav.GetUriWithQueryParameters(state.ToParameters());
    }
}
