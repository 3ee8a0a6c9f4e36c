using NewsReader.Core.Data;
using NewsReader.Core.Stories;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Stories;

/// <summary>The read side in Core: lists with their filter chips, and story pages, without the web app.</summary>
public sealed class StoryReaderTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await _store.Importer().ImportAsync(
            Document(
                "a.txt",
                Story(0, "Acme opens a solar plant in Spain", "Acme Corp opened a solar plant.\n\n" + Text("acme"), Company("Acme Corp"), Country("Spain")),
                Story(1, "Globex builds a solar farm", "Globex built a solar farm.\n\n" + Text("globex"), Company("Globex"), Country("Kenya")),
                Story(2, "Initech hires staff", "Initech hired staff.\n\n" + Text("initech"), Company("Initech"))),
            Source("a.txt"));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private StoryReader Reader() => _store.Reader();

    [Fact]
    public async Task ListAsync_FilterSlugs_MatchingStoriesAndChipsInTheStatesOrder()
    {
        var result = await Reader().ListAsync(ListState.From(null, ["ACME-CORP"], ["spain"], null, null));

        Assert.Equal(1, result.Total);
        Assert.Equal("Acme opens a solar plant in Spain", Assert.Single(result.Stories).Title);
        Assert.Equal(
            [new ActiveFilter(EntityKind.Company, "acme-corp", "Acme Corp"), new ActiveFilter(EntityKind.Country, "spain", "Spain")],
            result.Filters);
        Assert.Contains(result.Facets.Single(f => f.Kind == EntityKind.Company).Items, i => i is { Slug: "acme-corp", Selected: true });
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("Globex Inc")]
    [InlineData("Acme Corp")] // a name, not a slug: a page's filters are slugs
    public async Task ListAsync_OneFilterNamesNoEntityBySlug_NothingAndTheFoundChipsKept(string unknown)
    {
        var result = await Reader().ListAsync(ListState.From(null, ["globex", unknown], null, null, null));

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Stories);
        Assert.Equal([new ActiveFilter(EntityKind.Company, "globex", "Globex")], result.Filters);
        Assert.Equal([EntityKind.Company, EntityKind.Country, EntityKind.Topic], result.Facets.Select(f => f.Kind));
        Assert.All(result.Facets, f => Assert.Empty(f.Items));
    }

    [Fact]
    public async Task ListAsync_TextQuery_CardsCarryTheSnippet()
    {
        var result = await Reader().ListAsync(ListState.From("solar", null, null, null, null));

        Assert.Equal(2, result.Total);
        Assert.All(result.Stories, s => Assert.Contains(s.Snippet!, p => p.Marked));
    }

    [Fact]
    public async Task GetStoryAsync_RelatedByHeadlineWords_CardsWithoutSnippets()
    {
        // The story shares no entity with the others: its related stories come from its headline's words.
        var story = await Reader().GetStoryAsync("globex-builds-a-solar-farm");

        Assert.NotNull(story);
        var related = Assert.Single(story.Related);
        Assert.Equal("acme-opens-a-solar-plant-in-spain", related.Slug);
        Assert.Null(related.Snippet);
        Assert.Contains(related.Entities, e => e.Slug == "acme-corp");
    }

    [Fact]
    public async Task DirectoryForViewAsync_FilteredView_CountsOfItsStoriesOnly()
    {
        var reader = Reader();

        var countries = await reader.DirectoryForViewAsync(EntityKind.Country, ListState.From("solar", null, null, null, null));
        var none = await reader.DirectoryForViewAsync(EntityKind.Country, ListState.From(null, ["nobody"], null, null, null));

        Assert.Equal(["kenya", "spain"], countries.Select(c => c.Slug).Order());
        Assert.Empty(none);
    }
}
