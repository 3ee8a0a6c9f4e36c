using Microsoft.AspNetCore.Components;

namespace NewsReader.Web.Layout;

/// <summary>Where the page being shown is, for components that mark or change with it.</summary>
public static class NavigationPaths
{
    /// <summary>The current page's path from the app's root, without query or fragment: <c>/</c>, <c>/admin/stories/12</c>.</summary>
    public static string CurrentPath(this NavigationManager nav)
    {
        ArgumentNullException.ThrowIfNull(nav);
        return "/" + nav.ToBaseRelativePath(nav.Uri).Split('?', '#')[0];
    }

    /// <summary>The current page's path and query from the app's root (<c>/companies/tencent?after=…</c>): where a sign-in link comes back to.</summary>
    public static string CurrentPathAndQuery(this NavigationManager nav)
    {
        ArgumentNullException.ThrowIfNull(nav);
        return "/" + nav.ToBaseRelativePath(nav.Uri);
    }

    /// <summary>Whether the current page is <paramref name="href"/> or one of its own pages (<c>/admin/stories/12</c> under <c>/admin/stories</c>, not <c>/admin/storiesx</c>).</summary>
    public static bool IsAtOrUnder(this NavigationManager nav, string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        var path = nav.CurrentPath();
        return path.Equals(href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
    }
}
