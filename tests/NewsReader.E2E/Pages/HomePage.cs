using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsReader.E2E.Pages;

/// <summary>The story list at <c>/</c>: latest stories, search results and filtered lists.</summary>
public sealed partial class HomePage(IPage page) : AppPage(page)
{
    public static async Task<HomePage> OpenAsync(IPage page, string query = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/" + query);
        return new HomePage(page);
    }

    public ILocator StoryList => Page.GetByRole(AriaRole.List, new() { Name = "Stories" });

    /// <summary>Headline links of the listed stories.</summary>
    public ILocator StoryLinks => StoryList.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);

    public ILocator ResultCount => Page.GetByRole(AriaRole.Status).First;

    /// <summary>The facet column (wide screens).</summary>
    public ILocator Facets => Page.GetByRole(AriaRole.Complementary, new() { Name = "Filter stories" });

    /// <summary>The values of one facet ("Companies", "Countries", "Topics") in the facet column.</summary>
    public ILocator FacetLinks(string plural) =>
        Facets.GetByRole(AriaRole.Region, new() { Name = plural }).GetByRole(AriaRole.Link);

    public ILocator FiltersButton => Page.GetByRole(AriaRole.Button, new() { Name = "Filters", Exact = true });

    /// <summary>Waits until the result count reads <paramref name="count"/> (the page re-renders after navigation).</summary>
    public Task ExpectCountAsync(int count) =>
        Assertions.Expect(ResultCount).ToHaveTextAsync(count switch
        {
            0 => "No stories",
            1 => "1 story",
            _ => count.ToString("N0", CultureInfo.InvariantCulture) + " stories",
        });

    public ILocator RemoveFilterChip(string kind, string name) =>
        Page.GetByRole(AriaRole.Link, new() { Name = $"Remove filter {kind}: {name}" });

    /// <summary>The number in "N stories".</summary>
    public async Task<int> CountAsync()
    {
        var text = await ResultCount.InnerTextAsync();
        var match = Number().Match(text);
        return match.Success ? int.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Opens the story whose card mentions <paramref name="text"/> (headline or snippet).</summary>
    public async Task<StoryPage> OpenStoryMentioningAsync(string text)
    {
        await Assertions.Expect(StoryLinks.First).ToBeVisibleAsync();
        var cards = StoryList.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

        // The card shows a headline and a snippet; when neither names it, the best-ranked story is the candidate.
        var card = await cards.CountAsync() > 0 ? cards.First : StoryList.GetByRole(AriaRole.Listitem).First;
        await card.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/articles/", StringComparison.Ordinal));
        return new StoryPage(Page);
    }

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Number();
}
