using Microsoft.AspNetCore.Components;

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

    /// <summary>The current page's URL with a different list state (entity pages page through their own list).</summary>
    public static string Here(NavigationManager nav, ListState state)
    {
        ArgumentNullException.ThrowIfNull(nav);
        ArgumentNullException.ThrowIfNull(state);
        return nav.GetUriWithQueryParameters(state.ToParameters());
    }
}
