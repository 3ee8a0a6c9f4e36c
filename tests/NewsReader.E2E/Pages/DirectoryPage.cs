using Microsoft.Playwright;

namespace NewsReader.E2E.Pages;

/// <summary>A directory (<c>/companies</c>, <c>/countries</c>, <c>/topics</c>) with its filter box.</summary>
public sealed class DirectoryPage(IPage page, string plural) : AppPage(page)
{
    public static async Task<DirectoryPage> OpenAsync(IPage page, string plural)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(plural);
        await page.GotoAsync("/" + plural.ToLowerInvariant());
        return new DirectoryPage(page, plural);
    }

    public ILocator FilterBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Filter " + plural.ToLowerInvariant(), Exact = true });

    public ILocator EntityLinks => Page.GetByRole(AriaRole.List, new() { Name = plural }).GetByRole(AriaRole.Link);
}
