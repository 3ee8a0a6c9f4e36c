using Microsoft.Playwright;

namespace NewsReader.E2E.Pages;

/// <summary>A story at <c>/articles/{slug}</c>.</summary>
public sealed class StoryPage(IPage page) : AppPage(page)
{
    public ILocator Body => Page.Locator(".article-body");

    public ILocator Related => Page.GetByRole(AriaRole.Region, new() { Name = "Related stories" });

    public ILocator PreviousNext => Page.GetByRole(AriaRole.Navigation, new() { Name = "Previous and next stories" });
}
