using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Web.Tagging;

namespace NewsReader.Web.Tests.Tagging;

/// <summary>
/// The tag section of a story page. Each test has its own bUnit context (not the shared one): the
/// services differ per test (the signed-in user, a store of its own), and a context's services are
/// fixed once it renders.
/// </summary>
public sealed class StoryTagsTests
{
    private const string Nvidia = "nvidia-chip-export-rules";
    private const string Hostile = "<img src=x onerror=window.__pwned=1>";

    // The first render of a context starts MudBlazor and Identity; on a loaded machine that takes
    // seconds. A cap on waiting for the markup, not a timing assertion.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static BunitContext ContextFor(TaggingHarness h)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        h.AddServices(context.Services);
        return context;
    }

    [Fact]
    public async Task Render_Anonymous_ShowsTagsWithWhoAddedThemButNoControls()
    {
        await using var h = await TaggingHarness.CreateAsync();
        await h.Tagger().AddNamedAsync(Nvidia, "Green Deal", TaggingHarness.Reader);
        h.SignInAs(null);
        await using var context = ContextFor(h);

        var cut = context.Render<StoryTags>(p => p.Add(c => c.Slug, Nvidia));

        cut.WaitForAssertion(() => Assert.Equal("Green Deal", cut.Find("a.tag-link").TextContent), Wait);
        Assert.Equal("/tags/green-deal", cut.Find("a.tag-link").GetAttribute("href"));
        Assert.StartsWith($"added by {TaggingHarness.Reader}, ", cut.Find(".tag-added").TextContent, StringComparison.Ordinal);
        Assert.Matches(@", \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} UTC$", cut.Find(".tag-added").TextContent);
        Assert.Empty(cut.FindAll("input"));
        Assert.Empty(cut.FindAll("button"));
        Assert.Empty(cut.FindAll("details")); // the extracted companies are the page's chips, not listed here
    }

    [Fact]
    public async Task Render_Reader_ShowsAddBoxAndRemoveButtons()
    {
        await using var h = await TaggingHarness.CreateAsync();
        await h.Tagger().AddNamedAsync(Nvidia, "Green Deal", TaggingHarness.Admin);
        h.SignInAs(TaggingHarness.Reader);
        await using var context = ContextFor(h);

        var cut = context.Render<StoryTags>(p => p.Add(c => c.Slug, Nvidia));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("input#add-tag")), Wait);
        Assert.NotNull(cut.Find("button[aria-label='Remove tag Green Deal']"));
        Assert.NotNull(cut.Find("details button[aria-label='Remove tag Nvidia']"));
    }

    [Fact]
    public async Task RemoveButton_Reader_RemovesTheTagAndSaysSo()
    {
        await using var h = await TaggingHarness.CreateAsync();
        await h.Tagger().AddNamedAsync(Nvidia, "Green Deal", TaggingHarness.Admin);
        h.SignInAs(TaggingHarness.Reader);
        await using var context = ContextFor(h);
        var changed = 0;
        var cut = context.Render<StoryTags>(p => p.Add(c => c.Slug, Nvidia).Add(c => c.Changed, () => changed++));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[aria-label='Remove tag Green Deal']")), Wait);

        await cut.Find("button[aria-label='Remove tag Green Deal']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Removed “Green Deal”.", cut.Find("[role=status]").TextContent), Wait);
        Assert.DoesNotContain(cut.FindAll("a.tag-link"), a => a.TextContent == "Green Deal");
        Assert.Equal(1, changed);
        Assert.Contains($"|{TaggingHarness.Reader}\n", await h.DumpAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HostileTagName_RendersAsText()
    {
        await using var h = await TaggingHarness.CreateAsync();
        await h.Tagger().AddNamedAsync(Nvidia, Hostile, TaggingHarness.Reader);
        h.SignInAs(TaggingHarness.Reader);
        await using var context = ContextFor(h);

        var cut = context.Render<StoryTags>(p => p.Add(c => c.Slug, Nvidia));

        cut.WaitForAssertion(() => Assert.Equal(Hostile, cut.Find("a.tag-link").TextContent), Wait);
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("[onerror]"));
        Assert.NotNull(cut.Find($"button[aria-label='Remove tag {Hostile}']"));
    }
}
