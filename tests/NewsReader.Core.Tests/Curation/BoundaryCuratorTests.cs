using NewsReader.Core.Tests.Splitting;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Importing;
using NewsReader.Core.Search;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Curation.CurationFiles;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Curation;

public abstract class BoundaryCuratorTests(StoreEngine engine)
{
    private static BoundaryCurator Curator(TestStore store) => new(store.Factory, StoryAnalyzer.LoadDefault());

    private static async Task<List<Story>> LiveStoriesAsync(TestStore store)
    {
        await using var db = await store.ContextAsync();
        return await db.Stories.AsNoTracking().Where(a => a.DeletedAt == null).OrderBy(a => a.SourcePosition).ToListAsync();
    }

    [Fact]
    public async Task JoinWithNextAsync_TwoStories_FirstHoldsBothSecondRemoved()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var before = await LiveStoriesAsync(store);

        var result = await Curator(store).JoinWithNextAsync(before[0].Id, Admin);

        var after = await LiveStoriesAsync(store);
        Assert.Equal(2, after.Count);
        Assert.Equal((before[0].Id, before[0].Slug), (after[0].Id, after[0].Slug));
        Assert.Equal(before[0].Body + "\n\n" + before[1].Body, after[0].Body);
        Assert.Equal(before[1].Slug, result.Removed.Slug);
        Assert.Equal((before[2].Id, 1), (after[1].Id, after[1].SourcePosition));
        await using var db = await store.ContextAsync();
        var rule = await db.BoundaryOverrides.SingleAsync();
        Assert.Equal((BoundaryDecision.Join, Admin), (rule.Decision, rule.CreatedBy));
        Assert.Equal(2, await db.StoryRevisions.CountAsync(r => r.StoryId == before[0].Id && r.Reason == RevisionReason.Joined));
        Assert.Contains("Kestrel Bank", after[0].EntityNames, StringComparison.Ordinal);
        Assert.Equal(1, store.Indexed("unions", before[0].Id));
        Assert.Equal(0, store.Scalar($"SELECT count(*) FROM ArticleBands WHERE ArticleId = {before[1].Id}"));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task JoinWithNextAsync_ThenReimportSameFile_UnchangedAndStillJoined()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = await WriteAsync(store, "three.txt", ThreeStories());
        await store.Importer().ImportFileAsync(path);
        var first = (await LiveStoriesAsync(store))[0];
        await Curator(store).JoinWithNextAsync(first.Id, Admin);
        var dump = store.DumpStories();

        var report = await store.Importer().ImportFileAsync(path, Reparse);

        Assert.Equal((2, 0, 0, 2), (report.Found, report.New, report.Updated, report.Unchanged));
        Assert.Equal(first.Id, report.Stories[0].StoryId);
        Assert.Equal(dump, store.DumpStories());
    }

    [Fact]
    public async Task JoinWithNextAsync_ThenImportRenamedFileWithAnotherStory_StillJoined()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var first = (await LiveStoriesAsync(store))[0];
        await Curator(store).JoinWithNextAsync(first.Id, Admin);
        var extra = "\n\nVantor Energy said on Monday that it will build a 300-megawatt solar farm in Chile, its largest project so far, with construction starting next year.\n\n" +
            "The plant will sell its power to mining companies in the Atacama region under long-term contracts, the company said in a statement.\n\n" +
            "Vantor expects the farm to cut the mines' electricity costs by about a fifth once it reaches full output in 2027.\n";

        var report = await store.Importer().ImportFileAsync(await WriteAsync(store, "renamed.txt", ThreeStories() + extra));

        Assert.Equal((3, 1, 2), (report.Found, report.New, report.Unchanged));
        Assert.Equal(StoryOutcome.Unchanged, report.Stories[0].Outcome);
        Assert.Equal(3, (await LiveStoriesAsync(store)).Count);
    }

    [Fact]
    public async Task JoinWithNextAsync_PersonTagOnSecond_MovesToJoinedStory()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var stories = await LiveStoriesAsync(store);
        await using (var db = await store.ContextAsync())
        {
            var tag = new NewsEntity { Kind = EntityKind.Tag, Name = "layoffs", Slug = "layoffs", CreatedBy = "reader" };
            db.Entities.Add(tag);
            await db.SaveChangesAsync();
            db.EntityLinks.Add(new EntityLink { StoryId = stories[1].Id, EntityId = tag.Id, Origin = LinkOrigin.Person, AddedBy = "reader" });
            await db.SaveChangesAsync();
        }

        await Curator(store).JoinWithNextAsync(stories[0].Id, Admin);

        await using var check = await store.ContextAsync();
        var link = await check.EntityLinks.SingleAsync(l => l.Entity!.Kind == EntityKind.Tag);
        Assert.Equal((stories[0].Id, LinkOrigin.Person, "reader"), (link.StoryId, link.Origin, link.AddedBy));
    }

    [Fact]
    public async Task JoinWithNextAsync_LastStoryOfFile_Refused()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var last = (await LiveStoriesAsync(store))[2];
        var dump = store.DumpStories();

        await Assert.ThrowsAsync<CurationException>(() => Curator(store).JoinWithNextAsync(last.Id, Admin));

        Assert.Equal(dump, store.DumpStories());
    }

    [Fact]
    public async Task SplitAsync_AtParagraph_FirstKeepsSlugNewStoryGetsRest()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var stories = await LiveStoriesAsync(store);
        var kestrel = stories[1];
        var paragraphs = StoredBody.Paragraphs(kestrel.Body);

        var result = await Curator(store).SplitAsync(kestrel.Id, 3, Admin);

        var after = await LiveStoriesAsync(store);
        Assert.Equal(4, after.Count);
        Assert.Equal((kestrel.Id, kestrel.Slug), (after[1].Id, after[1].Slug));
        Assert.Equal(paragraphs.Take(3), StoredBody.Paragraphs(after[1].Body));
        var created = after[2];
        Assert.Equal((result.Second.Id, 2, 1.0), (created.Id, created.SourcePosition, created.StartConfidence));
        Assert.Equal(paragraphs.Skip(3), StoredBody.Paragraphs(created.Body));
        Assert.StartsWith("Kestrel", created.Title, StringComparison.Ordinal);
        Assert.NotEqual(kestrel.Slug, created.Slug);
        Assert.Equal(3, after[3].SourcePosition);
        var hits = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("unions"));
        Assert.Equal(created.Id, Assert.Single(hits.Hits).Id);
        await using var db = await store.ContextAsync();
        Assert.Equal(BoundaryDecision.Split, (await db.BoundaryOverrides.SingleAsync()).Decision);
        Assert.True(await db.EntityLinks.AnyAsync(l => l.StoryId == created.Id));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task SplitAsync_ThenReimportSameFile_UnchangedAndStillSplit()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = await WriteAsync(store, "three.txt", ThreeStories());
        await store.Importer().ImportFileAsync(path);
        var kestrel = (await LiveStoriesAsync(store))[1];
        await Curator(store).SplitAsync(kestrel.Id, 3, Admin);
        var dump = store.DumpStories();

        var report = await store.Importer().ImportFileAsync(path, Reparse);

        Assert.Equal((4, 0, 0, 4), (report.Found, report.New, report.Updated, report.Unchanged));
        Assert.Equal(dump, store.DumpStories());
    }

    [Fact]
    public async Task SplitAsync_FirstParagraph_RefusedNothingChanged()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var story = (await LiveStoriesAsync(store))[0];
        var dump = store.DumpStories();

        await Assert.ThrowsAsync<CurationException>(() => Curator(store).SplitAsync(story.Id, 0, Admin));

        Assert.Equal(dump, store.DumpStories());
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM BoundaryOverrides"));
    }

    [Fact]
    public async Task LeastCertainAsync_Stories_NearestThresholdFirstWithTextAround()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportFileAsync(await WriteAsync(store, "three.txt", ThreeStories()));
        var stories = await LiveStoriesAsync(store);
        await using (var db = await store.ContextAsync())
        {
            await db.Stories.Where(a => a.Id == stories[1].Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartConfidence, 0.9));
            await db.Stories.Where(a => a.Id == stories[2].Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartConfidence, 0.55));
        }

        var reviews = await Curator(store).LeastCertainAsync(10);

        Assert.Equal([stories[2].Id, stories[1].Id], reviews.Select(r => r.Story.Id));
        Assert.Equal(stories[1].Id, reviews[0].Previous!.Id);
        Assert.Equal(StoredBody.Paragraphs(stories[1].Body)[^1].Text, reviews[0].LastParagraphBefore);
        Assert.Equal(StoredBody.Paragraphs(stories[2].Body)[0].Text, reviews[0].FirstParagraphs[0]);
    }

    [Fact]
    public async Task KeepAsync_Boundary_RememberedAsSplitAndOffTheList()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var path = await WriteAsync(store, "three.txt", ThreeStories());
        await store.Importer().ImportFileAsync(path);
        var stories = await LiveStoriesAsync(store);

        await Curator(store).KeepAsync(stories[2].Id, Admin);

        var reviews = await Curator(store).LeastCertainAsync(10);
        Assert.DoesNotContain(reviews, r => r.Story.Id == stories[2].Id);
        Assert.Equal(1, store.Scalar($"SELECT count(*) FROM BoundaryOverrides WHERE Decision = {(int)BoundaryDecision.Split}"));
        var report = await store.Importer().ImportFileAsync(path, Reparse);
        Assert.Equal(3, report.Unchanged);
    }
}

public sealed class BoundaryCuratorSqliteTests() : BoundaryCuratorTests(StoreEngine.Sqlite);

public sealed class BoundaryCuratorPostgresTests() : BoundaryCuratorTests(StoreEngine.Postgres);
