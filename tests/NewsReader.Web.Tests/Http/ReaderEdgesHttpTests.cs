using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Http;

/// <summary>
/// Issue 20's rough edges of the reader pages, over a store of their own: a chip deal naming more
/// companies than a facet lists, and a story that only mentions its company among many others.
/// </summary>
public class ReaderEdgesHttpTests : OwnStoreHttpTests
{
    private const int Firms = 60;

    protected override async Task FillAsync(TestStore store)
    {
        var named = new List<(EntityKind, string, bool)> { (EntityKind.Company, "Nvidia", true) };
        named.AddRange(Enumerable.Range(0, Firms).Select(i => (EntityKind.Company, $"Firm {i:00}", false)));
        await store.AddStoryAsync("chip-deal", "Nvidia buys a chip designer", "Nvidia agreed to buy a chip designer.", age: 1, entities: [.. named]);

        // Nvidia only mentioned, after eight companies the story is about: no room for it among six chips.
        var other = Enumerable.Range(0, 8).Select(i => (EntityKind.Company, $"Maker {i}", true)).ToList();
        other.Add((EntityKind.Company, "Nvidia", false));
        await store.AddStoryAsync("phone-makers", "Phone makers meet", "Eight phone makers met; Nvidia sent no one.", age: 2, entities: [.. other]);

        await store.AddStoryAsync("long-lead", "Chip rules tighten", LongLead + "\n\nA second paragraph.", age: 3, summary: LongLead[..300] + "…");
        await store.AddStoryAsync("written-summary", "Chip rules tighten again", LongLead, age: 4, summary: "Export rules for chips tighten for the third time this year.");
    }

    private static readonly string LongLead = string.Join(' ', Enumerable.Repeat("Export rules for advanced chips were tightened again on Monday, the third change this year.", 5));

    [Theory]
    [InlineData("/articles/long-lead", false)]
    [InlineData("/articles/written-summary", true)]
    public async Task StoryPage_SummaryThatOnlyRepeatsTheOpening_NotShownTwice(string url, bool shown)
    {
        var doc = await GetAsync(url);

        Assert.Equal(shown, doc.QuerySelector("p.summary") is not null);
    }

    [Fact]
    public async Task Home_FacetWithMoreValuesThanListed_LinksToTheDirectoryOfTheseResults()
    {
        var doc = await GetAsync("/?company=nvidia");

        var facet = doc.QuerySelector("aside #facet-company")!.ParentElement!;
        Assert.Equal(50, facet.QuerySelectorAll(".facet-link").Length);
        Assert.Equal("More companies (40+)", facet.QuerySelector("details summary")!.TextContent);
        var all = facet.QuerySelector(".facet-all a")!;
        Assert.Equal("All companies in these results", all.TextContent);
        Assert.EndsWith("/companies?company=nvidia", all.GetAttribute("href"), StringComparison.Ordinal);

        var directory = await GetAsync("/companies?company=nvidia");

        Assert.Equal("Companies in these results", directory.QuerySelector("h1")!.TextContent);
        var names = directory.QuerySelectorAll(".directory-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(Firms + 9, names.Count); // every firm, the eight makers and Nvidia
        Assert.Equal("Nvidia", names[0]);
        Assert.Contains("Firm 59", names);
        Assert.Contains("the 2 stories in Nvidia", directory.QuerySelector(".directory-view")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/companies", directory.QuerySelectorAll(".directory-view a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task DirectoryOfResults_FilterForm_KeepsTheResultsItIsNarrowedTo()
    {
        var doc = await GetAsync("/companies?company=nvidia&filter=firm+5");

        var hidden = doc.QuerySelectorAll("form.directory-filter input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}");
        Assert.Equal(["company=nvidia"], hidden);
        var names = doc.QuerySelectorAll(".directory-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(10, names.Count); // Firm 50-59
        Assert.All(names, n => Assert.StartsWith("Firm ", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_FacetWithFewValues_NoDirectoryLink()
    {
        var doc = await GetAsync("/?company=maker-0");

        Assert.Null(doc.QuerySelector("aside .facet-all"));
    }

    [Fact]
    public async Task Home_FilteredByACompany_EveryCardShowsItsChip()
    {
        var doc = await GetAsync("/?company=nvidia");

        var cards = doc.QuerySelectorAll("ol.story-list .story-card");
        Assert.Equal(2, cards.Length);
        Assert.All(cards, card => Assert.Equal("Nvidia", card.QuerySelector("ul[aria-label='About'] a")!.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/?q=%22chip+designer%22", "Results for \"chip designer\"")]
    [InlineData("/?q=chip", "Results for “chip”")]
    public async Task Home_Search_HeadingQuotesTheQueryOnce(string url, string heading)
    {
        var doc = await GetAsync(url);

        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Story_ManyMentioned_FoldsThemBehindTheirHeading()
    {
        var doc = await GetAsync("/articles/chip-deal");

        Assert.Equal("About", doc.QuerySelector(".entity-groups > h2")!.TextContent);
        var folded = doc.QuerySelector(".entity-groups details.mentioned-more")!;
        Assert.False(folded.HasAttribute("open"));
        Assert.Equal("Also mentioned (60)", folded.QuerySelector("summary")!.TextContent);
        Assert.Equal(Firms, folded.QuerySelectorAll("ul a").Length);
    }
}

/// <summary>The same pages over PostgreSQL.</summary>
public sealed class ReaderEdgesHttpPostgresTests : ReaderEdgesHttpTests
{
    protected override StoreEngine Engine => StoreEngine.Postgres;
}
