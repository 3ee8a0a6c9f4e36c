using NewsReader.Core.Data;
using NewsReader.Core.Stories;
using NewsReader.Core.Search.Model;
using NewsReader.Web.Entities;
using NewsReader.Web.Search;
using NewsReader.Web.Stories;

namespace NewsReader.Web.Tests.Stories;

[Collection(BunitGroup.Name)]
public sealed class StoryCardTests(BunitFixture fixture)
{
    private static StoryCardModel Story(IReadOnlyList<SnippetPart>? snippet = null) => new(
        "tencent-buys-stake",
        "Tencent buys a stake in VSPN",
        "The deal values the esports firm at $1bn.",
        4,
        [
            new EntityChip(EntityKind.Country, "china", "China", About: false),
            new EntityChip(EntityKind.Company, "tencent", "Tencent", About: true),
            new EntityChip(EntityKind.Topic, "acquisitions", "Acquisitions", About: true),
        ],
        snippet);

    private IRenderedComponent<StoryCard> Render(StoryCardModel story) =>
        fixture.Context.Render<StoryCard>(p => p.Add(c => c.Story, story));

    [Fact]
    public void Render_Story_HeadlineLinksToStoryPage()
    {
        var cut = Render(Story());

        var link = cut.Find("h2 a");
        Assert.Equal("Tencent buys a stake in VSPN", link.TextContent);
        Assert.Equal("/articles/tencent-buys-stake", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("data-nav-item"));
    }

    [Fact]
    public void Render_Story_ShowsSummaryAndReadingTime()
    {
        var cut = Render(Story());

        Assert.Equal("The deal values the esports firm at $1bn.", cut.Find(".story-summary").TextContent);
        Assert.Contains("4 min read", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Story_ChipsLinkToEntityPagesAboutFirst()
    {
        var cut = Render(Story());

        var chips = cut.FindAll("ul[aria-label='About'] a");
        Assert.Equal(["Tencent", "Acquisitions", "China"], chips.Select(a => a.TextContent.Trim()));
        Assert.Equal("/companies/tencent", chips[0].GetAttribute("href"));
        Assert.Equal("/countries/china", chips[2].GetAttribute("href"));
        // MudBlazor's chip classes: filled for "about", outlined for a mention; a colour per kind.
        Assert.Equal("mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-primary mud-clickable", chips[0].GetAttribute("class"));
        Assert.Equal("mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-secondary mud-clickable", chips[2].GetAttribute("class"));
        Assert.Equal("Company", chips[0].GetAttribute("title"));
    }

    [Fact]
    public void Render_Snippet_MarksMatchesAndKeepsMarkupAsText()
    {
        SnippetPart[] snippet = [new("…<b>bold</b> ", false), new("Tencent", true), new(" agreed…", false)];

        var cut = Render(Story(snippet));

        Assert.Equal("Tencent", Assert.Single(cut.FindAll("mark")).TextContent);
        Assert.Empty(cut.FindAll(".story-snippet b"));
        Assert.Contains("<b>bold</b>", cut.Find(".story-snippet").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".story-summary"));
    }

    [Fact]
    public void Render_HostileHeadline_IsText()
    {
        var cut = Render(Story() with { Title = "<img src=x onerror=alert(1)>" });

        Assert.Empty(cut.FindAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)>", cut.Find("h2 a").TextContent);
    }

    [Fact]
    public void Render_HostileEntityName_ChipIsText()
    {
        var cut = Render(Story() with { Entities = [new EntityChip(EntityKind.Company, "x", "<script>alert(1)</script>", About: true)] });

        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", cut.Find("ul[aria-label='About'] a").TextContent);
    }

    [Fact]
    public void Render_HeadingLevel3_UsesH3()
    {
        var cut = fixture.Context.Render<StoryCard>(p => p.Add(c => c.Story, Story()).Add(c => c.HeadingLevel, 3));

        Assert.Empty(cut.FindAll("h2"));
        Assert.Single(cut.FindAll("h3"));
    }

    [Fact]
    public void Render_FilteredByAMentionedEntity_ShowsItsChipFirstEvenPastTheLimit()
    {
        var story = Story() with
        {
            Entities = [.. Enumerable.Range(0, 8).Select(i => new EntityChip(EntityKind.Company, $"maker-{i}", $"Maker {i}", About: true)),
                new EntityChip(EntityKind.Company, "nvidia", "Nvidia", About: false)],
        };

        var cut = fixture.Context.Render<StoryCard>(p => p
            .Add(c => c.Story, story)
            .Add(c => c.Filters, [new ActiveFilter(EntityKind.Company, "nvidia", "Nvidia")]));

        var chips = cut.FindAll("ul[aria-label='About'] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(6, chips.Count);
        Assert.Equal("Nvidia", chips[0]);
    }

    [Fact]
    public void Render_NoFilters_MentionedEntityPastTheLimitNotShown()
    {
        var story = Story() with
        {
            Entities = [.. Enumerable.Range(0, 8).Select(i => new EntityChip(EntityKind.Company, $"maker-{i}", $"Maker {i}", About: true)),
                new EntityChip(EntityKind.Company, "nvidia", "Nvidia", About: false)],
        };

        var cut = Render(story);

        Assert.DoesNotContain("Nvidia", cut.FindAll("ul[aria-label='About'] a").Select(a => a.TextContent.Trim()));
    }
}
