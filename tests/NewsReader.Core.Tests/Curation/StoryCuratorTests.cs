using NewsReader.Core.Tests.Splitting;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Curation.CurationFiles;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Curation;

public abstract class StoryCuratorTests(StoreEngine engine)
{
    private static async Task<Story> StoryAsync(TestStore store, int position)
    {
        await using var db = await store.ContextAsync();
        return await db.Stories.AsNoTracking().Include(a => a.Revisions).SingleAsync(a => a.SourcePosition == position);
    }

    [Fact]
    public async Task EditAsync_HeadlineAndSummary_MarkedEditedRevisionSavedSearchFollows()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var story = await StoryAsync(store, 1);

        var changed = await new StoryCurator(store.Factory).EditAsync(story.Id, "  Kestrel Bank\ncuts zebrafish jobs ", "A new summary.", Admin);

        Assert.True(changed);
        var after = await StoryAsync(store, 1);
        Assert.Equal(("Kestrel Bank cuts zebrafish jobs", "A new summary."), (after.Title, after.Summary));
        Assert.Equal((Admin, Admin), (after.TitleEditedBy, after.SummaryEditedBy));
        Assert.NotNull(after.TitleEditedAt);
        var revision = Assert.Single(after.Revisions);
        Assert.Equal((RevisionReason.Edited, story.Title, Admin), (revision.Reason, revision.Title, revision.CreatedBy));
        var hits = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("zebrafish"));
        Assert.Equal(story.Id, Assert.Single(hits.Hits).Id);
        store.AssertIntegrity();
    }

    [Fact]
    public async Task EditAsync_OnlySummaryChanged_HeadlineNotMarked()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var story = await StoryAsync(store, 0);

        await new StoryCurator(store.Factory).EditAsync(story.Id, story.Title, "Shorter.", Admin);

        var after = await StoryAsync(store, 0);
        Assert.Null(after.TitleEditedAt);
        Assert.Equal(Admin, after.SummaryEditedBy);
    }

    [Fact]
    public async Task EditAsync_ThenReimportChangedFile_PersonTextsKept()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var text = ThreeStories();
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", text));
        var story = await StoryAsync(store, 0);
        await new StoryCurator(store.Factory).EditAsync(story.Id, "Edited headline", "Edited summary.", Admin);

        // The same text again (reparsed) and a near copy with one sentence changed (an update).
        var same = await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", text), Reparse);
        var changed = text.Replace("up from 20 a year ago", "up from 19 a year ago", StringComparison.Ordinal);
        var updated = await store.Importer().ImportFileAsync(await WriteAsync(store, "three-v2.txt", changed));

        Assert.Equal(3, same.Unchanged);
        Assert.Equal(1, updated.Updated);
        var after = await StoryAsync(store, 0);
        Assert.Contains("up from 19", after.Body, StringComparison.Ordinal);
        Assert.Equal(("Edited headline", "Edited summary."), (after.Title, after.Summary));
    }

    [Fact]
    public async Task EditAsync_EmptyHeadline_RefusedNothingChanged()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var story = await StoryAsync(store, 0);
        var dump = store.DumpStories();

        await Assert.ThrowsAsync<CurationException>(() => new StoryCurator(store.Factory).EditAsync(story.Id, " \n ", "x", Admin));

        Assert.Equal(dump, store.DumpStories());
    }

    [Fact]
    public async Task DeleteAsync_Story_GoneFromSearchAndFacetsAndReimportKeepsItDeleted()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = await WriteAsync(store, "three.txt", ThreeStories());
        await store.Importer().ImportFileAsync(path);
        var story = await StoryAsync(store, 1);
        var search = new StorySearch(store.Factory);
        Assert.Contains((await search.SearchAsync(new SearchRequest(null))).Companies, f => f.Name == "Kestrel Bank");

        await new StoryCurator(store.Factory).DeleteAsync(story.Id, Admin);

        var after = await StoryAsync(store, 1);
        Assert.Equal(Admin, after.DeletedBy);
        Assert.Empty((await search.SearchAsync(new SearchRequest("unions"))).Hits);
        Assert.DoesNotContain((await search.SearchAsync(new SearchRequest(null))).Companies, f => f.Name == "Kestrel Bank");
        var report = await store.Importer().ImportFileAsync(path, Reparse);
        Assert.Equal(3, report.Unchanged);
        Assert.NotNull((await StoryAsync(store, 1)).DeletedAt);
        var list = await new StoryCurator(store.Factory).ListAsync(new StoryQuery(State: StoryState.Deleted));
        Assert.Equal(story.Id, Assert.Single(list.Rows).Id);
    }

    [Fact]
    public async Task RestoreAsync_DeletedStory_BackInSearch()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var story = await StoryAsync(store, 1);
        var curator = new StoryCurator(store.Factory);
        await curator.DeleteAsync(story.Id, Admin);

        await curator.RestoreAsync(story.Id, Admin);

        Assert.Null((await StoryAsync(store, 1)).DeletedAt);
        Assert.Single((await new StorySearch(store.Factory).SearchAsync(new SearchRequest("unions"))).Hits);
    }

    [Fact]
    public async Task ListAsync_TextAndState_FiltersStories()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var curator = new StoryCurator(store.Factory);
        await curator.DeleteAsync((await StoryAsync(store, 2)).Id, Admin);

        var live = await curator.ListAsync(new StoryQuery());
        var all = await curator.ListAsync(new StoryQuery(State: StoryState.All));
        var kestrel = await curator.ListAsync(new StoryQuery("kestrel"));
        var noneLike = await curator.ListAsync(new StoryQuery("100%_"));

        Assert.Equal((2, 3, 1, 0), (live.Total, all.Total, kestrel.Total, noneLike.Total));
    }
}

public sealed class StoryCuratorSqliteTests() : StoryCuratorTests(StoreEngine.Sqlite);

public sealed class StoryCuratorPostgresTests() : StoryCuratorTests(StoreEngine.Postgres);
