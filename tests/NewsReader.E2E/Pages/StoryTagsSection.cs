using Microsoft.Playwright;

namespace NewsReader.E2E.Pages;

/// <summary>The "Tags" section of a story page (Tagging/StoryTags.razor).</summary>
public sealed class StoryTagsSection(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Region => Page.GetByRole(AriaRole.Region, new() { Name = "Tags", Exact = true });

    /// <summary>The add box; only signed-in readers have it.</summary>
    public ILocator AddBox => Region.GetByLabel("Add a tag");

    public ILocator Status => Region.GetByRole(AriaRole.Status);

    public ILocator TagLink(string name) => Region.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator RemoveButton(string name) => Region.GetByRole(AriaRole.Button, new() { Name = "Remove tag " + name, Exact = true });

    /// <summary>Types a name and picks "New tag: …" (or the existing entity of that name) from the suggestions.</summary>
    public async Task AddNewTagAsync(string name)
    {
        await AddBox.FillAsync(name);
        var option = Page.Locator(".mud-popover-open").GetByText("New tag: “" + name + "”", new() { Exact = true });
        await option.ClickAsync();
        // The change is a write transaction that may wait for an import's lock: allow more than the default 5 s.
        await Assertions.Expect(Status).ToHaveTextAsync("Tagged “" + name + "”.", new() { Timeout = 20_000 });
    }
}
