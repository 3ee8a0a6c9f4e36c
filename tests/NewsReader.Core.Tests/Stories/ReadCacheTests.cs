using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Stories;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Stories;

public sealed class ReadCacheTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await AddAsync("First story", "Acme Corp opened a plant.");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    /// <summary>Imports one story; its slug is its headline's ("First story" is first-story).</summary>
    private async Task AddAsync(string title, string lead)
    {
        var file = Guid.NewGuid().ToString("N") + ".txt";
        await _store.Importer().ImportAsync(Document(file, Story(0, title, lead + "\n\n" + Text(title))), Source(file));
    }

    private StoryReader Reader(int entries = 100) => _store.Reader(entries);

    [Fact]
    public async Task ListAsync_StoreUnchanged_ReturnsTheSameResult()
    {
        var reader = Reader();

        var first = await reader.ListAsync(ListState.Empty);
        var second = await reader.ListAsync(ListState.Empty);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task ListAsync_AfterAnyCommit_SeesTheChange()
    {
        var reader = Reader();
        var before = await reader.ListAsync(ListState.Empty);

        await AddAsync("Second story", "Globex bought a rival.");
        var after = await reader.ListAsync(ListState.Empty);

        Assert.Equal(1, before.Total);
        Assert.Equal(2, after.Total);
        Assert.Equal("Second story", after.Stories[0].Title);
    }

    [Fact]
    public async Task GetStoryAsync_HeadlineEdited_NextReadShowsTheEdit()
    {
        var reader = Reader();
        Assert.Equal("First story", (await reader.GetStoryAsync("first-story"))!.Title);

        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            await db.Stories.Where(a => a.Slug == "first-story").ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "Edited headline"));
        }

        Assert.Equal("Edited headline", (await reader.GetStoryAsync("first-story"))!.Title);
    }

    [Fact]
    public async Task GetStoryAsync_UnknownSlug_NullAndNotKept()
    {
        var reader = Reader();
        Assert.Null(await reader.GetStoryAsync("later-story"));

        await AddAsync("Later story", "Initech hired staff.");

        Assert.NotNull(await reader.GetStoryAsync("later-story"));
    }

    [Fact]
    public async Task ListAsync_CacheOff_LoadsEachTime()
    {
        var reader = Reader(entries: 0);

        var first = await reader.ListAsync(ListState.Empty);
        var second = await reader.ListAsync(ListState.Empty);

        Assert.NotSame(first, second);
        Assert.Equal(first.Total, second.Total);
    }

    [Fact]
    public async Task ListAsync_DifferentStates_KeptApart()
    {
        var reader = Reader();
        await AddAsync("Globex story", "Globex bought a rival.");

        var all = await reader.ListAsync(ListState.Empty);
        var searched = await reader.ListAsync(ListState.From("globex", null, null, null, null));

        Assert.Equal(2, all.Total);
        Assert.Equal(1, searched.Total);
    }
}
