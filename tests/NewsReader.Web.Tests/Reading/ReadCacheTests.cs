using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Search;
using NewsReader.Web.Hosting;
using NewsReader.Web.Reading;
using NewsReader.Web.Search;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Reading;

public sealed class ReadCacheTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await _store.AddStoryAsync("first-story", "First story", "Acme Corp opened a plant.");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private StoryReader Reader(int entries = 100)
    {
        var options = Options.Create(new ReaderOptions { ReadCacheEntries = entries });
        var search = new StorySearch(_store.Factory);
        return new StoryReader(_store.Factory, search, new ReadCache(search, options), options);
    }

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

        await _store.AddStoryAsync("second-story", "Second story", "Globex bought a rival.");
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

        await _store.AddStoryAsync("later-story", "Later story", "Initech hired staff.");

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
        await _store.AddStoryAsync("globex-story", "Globex story", "Globex bought a rival.");

        var all = await reader.ListAsync(ListState.Empty);
        var searched = await reader.ListAsync(ListState.From("globex", null, null, null, null));

        Assert.Equal(2, all.Total);
        Assert.Equal(1, searched.Total);
    }
}
