using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Search;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Curation;

public abstract class EntityCuratorTests(StoreEngine engine)
{
    private const string Admin = CurationFiles.Admin;

    private static NewsReader.Core.Parsing.ParsedDocument Stories() => Document("bd.txt",
        Story(0, "Bytedance hires", Text("alpha"), Company("Byte Dance"), Country("Kenya")),
        Story(1, "ByteDance grows", Text("beta"), Company("ByteDance"), Company("Byte Dance", about: false)),
        Story(2, "ByteDance ships", Text("gamma"), Company("ByteDance")));

    private static async Task<NewsEntity> EntityAsync(TestStore store, string name)
    {
        await using var db = await store.ContextAsync();
        return await db.Entities.AsNoTracking().SingleAsync(e => e.Name == name);
    }

    private static async Task<IReadOnlyList<FacetCount>> CompaniesAsync(TestStore store) =>
        (await new StorySearch(store.Factory).SearchAsync(new SearchRequest(null))).Companies;

    [Fact]
    public async Task MergeAsync_TwoCompanies_LinksMoveOnceAliasesFollowLoserRemoved()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Stories(), Source("bd.txt"));
        var loser = await EntityAsync(store, "Byte Dance");
        var survivor = await EntityAsync(store, "ByteDance");
        Assert.Equal(2, (await CompaniesAsync(store)).Single(f => f.Name == "Byte Dance").Count);

        await new EntityCurator(store.Factory).MergeAsync(loser.Id, survivor.Id, Admin);

        var facet = Assert.Single(await CompaniesAsync(store), f => f.Slug == survivor.Slug);
        Assert.Equal(3, facet.Count);
        Assert.DoesNotContain(await CompaniesAsync(store), f => f.Name == "Byte Dance");
        await using var db = await store.ContextAsync();
        Assert.False(await db.Entities.AnyAsync(e => e.Id == loser.Id));
        Assert.Equal(3, await db.EntityLinks.CountAsync(l => l.EntityId == survivor.Id));
        var both = await db.EntityLinks.SingleAsync(l => l.EntityId == survivor.Id && l.Story!.Slug == "bytedance-grows");
        Assert.Equal((true, 4), (both.About, both.Mentions));
        Assert.Equal(survivor.Id, (await db.EntityAliases.SingleAsync(a => a.Key == NameKey.Of("Byte Dance") && a.Kind == EntityKind.Company)).EntityId);
        Assert.DoesNotContain(await db.Stories.Select(a => a.EntityNames).ToListAsync(), names => names.Split('\n').Contains("Byte Dance"));
        Assert.Equal(survivor.Slug, await EntitySlugs.CurrentSlugAsync(store.Factory, EntityKind.Company, loser.Slug));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task MergeAsync_ThenImportOldName_MapsToSurvivor()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        await importer.ImportAsync(Stories(), Source("bd.txt"));
        var loser = await EntityAsync(store, "Byte Dance");
        var survivor = await EntityAsync(store, "ByteDance");
        await new EntityCurator(store.Factory).MergeAsync(loser.Id, survivor.Id, Admin);

        var report = await importer.ImportAsync(Document("new.txt", Story(0, "Bytedance again", Text("delta"), Company("Byte Dance"))), Source("new.txt"));

        Assert.Equal(1, report.New);
        await using var db = await store.ContextAsync();
        Assert.False(await db.Entities.AnyAsync(e => e.Name == "Byte Dance"));
        Assert.Equal(survivor.Id, (await db.EntityLinks.SingleAsync(l => l.StoryId == report.Stories[0].StoryId && l.Entity!.Kind == EntityKind.Company)).EntityId);
    }

    [Fact]
    public async Task MergeAsync_DifferentKinds_RefusedNothingChanged()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Stories(), Source("bd.txt"));
        var dump = store.DumpStories();

        await Assert.ThrowsAsync<CurationException>(async () =>
            await new EntityCurator(store.Factory).MergeAsync((await EntityAsync(store, "Kenya")).Id, (await EntityAsync(store, "ByteDance")).Id, Admin));

        Assert.Equal(dump, store.DumpStories());
    }

    [Fact]
    public async Task RenameAsync_NewName_NewSlugOldNameAliasOldSlugLeadsHere()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Stories(), Source("bd.txt"));
        var entity = await EntityAsync(store, "Kenya");

        var slug = await new EntityCurator(store.Factory).RenameAsync(entity.Id, "Republic of Kenya", Admin);

        Assert.Equal("republic-of-kenya", slug);
        var after = await EntityAsync(store, "Republic of Kenya");
        Assert.Equal((entity.Id, slug), (after.Id, after.Slug));
        await using var db = await store.ContextAsync();
        Assert.Equal(2, await db.EntityAliases.CountAsync(a => a.EntityId == entity.Id));
        Assert.Equal(slug, await EntitySlugs.CurrentSlugAsync(store.Factory, EntityKind.Country, entity.Slug));
        Assert.Null(await EntitySlugs.CurrentSlugAsync(store.Factory, EntityKind.Country, slug));
        var hits = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("republic"));
        Assert.Single(hits.Hits);
        store.AssertIntegrity();
    }

    [Fact]
    public async Task RenameAsync_NameOfAnotherEntity_RefusedNothingChanged()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Stories(), Source("bd.txt"));
        var loser = await EntityAsync(store, "Byte Dance");
        var dump = store.DumpStories();

        var e = await Assert.ThrowsAsync<CurationException>(() => new EntityCurator(store.Factory).RenameAsync(loser.Id, "BYTEDANCE ", Admin));

        Assert.Contains("merge", e.Message, StringComparison.Ordinal);
        Assert.Equal(dump, store.DumpStories());
    }

    [Fact]
    public async Task SetHiddenAsync_Hidden_GoneFromFacetsBackWhenShown()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Stories(), Source("bd.txt"));
        var entity = await EntityAsync(store, "ByteDance");
        var curator = new EntityCurator(store.Factory);

        await curator.SetHiddenAsync(entity.Id, true, Admin);
        var hidden = await CompaniesAsync(store);
        await curator.SetHiddenAsync(entity.Id, false, Admin);

        Assert.DoesNotContain(hidden, f => f.Slug == entity.Slug);
        Assert.Contains(await CompaniesAsync(store), f => f.Slug == entity.Slug);
        var list = await curator.ListAsync(new EntityQuery(EntityKind.Company, "byte"));
        Assert.Equal(2, list.Total);
    }
}

public sealed class EntityCuratorSqliteTests() : EntityCuratorTests(StoreEngine.Sqlite);

public sealed class EntityCuratorPostgresTests() : EntityCuratorTests(StoreEngine.Postgres);
