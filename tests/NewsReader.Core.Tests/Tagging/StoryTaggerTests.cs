using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Tagging;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Tagging;

public abstract class StoryTaggerTests(StoreEngine engine)
{
    private const string Solar = "solar-panels-get-cheaper";
    private const string Wind = "wind-farms-expand";

    private static NewsReader.Core.Parsing.ParsedDocument News(string windBody) => Document("news.txt",
        Story(0, "Solar panels get cheaper", "Solar power prices fell again this year.\n\n" + Text("solar"), Company("Sunny Corp"), Country("Spain"), Topic("Energy")),
        Story(1, "Wind farms expand", windBody, Company("Breeze Ltd"), Country("Spain"), Topic("Energy")));

    private static string WindBody => "Wind power grew. Solar was flat.\n\n" + Text("wind");

    private async Task<TestStore> StoreAsync()
    {
        var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(News(WindBody), Source("news.txt"));
        return store;
    }

    private static async Task<long> EntityIdAsync(TestStore store, EntityKind kind, string slug)
    {
        await using var db = await store.ContextAsync();
        return await db.Entities.Where(e => e.Kind == kind && e.Slug == slug).Select(e => e.Id).SingleAsync();
    }

    private static async Task<EntityLink?> LinkAsync(TestStore store, string articleSlug, long entityId)
    {
        await using var db = await store.ContextAsync();
        return await db.EntityLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Story!.Slug == articleSlug && l.EntityId == entityId);
    }

    [Fact]
    public async Task AddEntityAsync_ExistingCompany_PersonLinkWithWhoAndWhen()
    {
        await using var store = await StoreAsync();
        var time = new FixedTime(new DateTimeOffset(2026, 11, 27, 21, 30, 0, TimeSpan.Zero));
        var tagger = new StoryTagger(store.Factory, time);
        var breeze = await EntityIdAsync(store, EntityKind.Company, "breeze-ltd");

        var change = await tagger.AddEntityAsync(Solar, breeze, "alice");

        Assert.Equal(TagOutcome.Added, change.Outcome);
        Assert.Equal("Breeze Ltd", change.Entity.Name);
        var link = await LinkAsync(store, Solar, breeze);
        Assert.NotNull(link);
        Assert.Equal((LinkOrigin.Person, "alice", time.Now.UtcDateTime, (DateTime?)null), (link.Origin, link.AddedBy, link.AddedAt, link.RemovedAt));
        var tags = await tagger.ListAsync(Solar);
        var shown = Assert.Single(tags!, t => t.EntityId == breeze);
        Assert.Equal(("alice", (DateTime?)time.Now.UtcDateTime), (shown.AddedBy, shown.AddedAt));
        Assert.All(tags!.Where(t => t.EntityId != breeze), t => Assert.Null(t.AddedBy));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task AddNamedAsync_NewName_CreatesFreeTagWithAliasAndSlug()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);

        var change = await tagger.AddNamedAsync(Solar, "  Green\u0007   Deal  ", "bob");

        Assert.Equal(TagOutcome.Added, change.Outcome);
        await using var db = await store.ContextAsync();
        var tag = await db.Entities.Include(e => e.Aliases).SingleAsync(e => e.Kind == EntityKind.Tag);
        Assert.Equal(("Green Deal", "green-deal", "bob"), (tag.Name, tag.Slug, tag.CreatedBy));
        Assert.Equal("green deal", Assert.Single(tag.Aliases).Key);
        Assert.Equal(LinkOrigin.Person, (await LinkAsync(store, Solar, tag.Id))!.Origin);
    }

    [Fact]
    public async Task AddNamedAsync_SameNameSpelledDifferently_ReusesTheTag()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        var first = await tagger.AddNamedAsync(Solar, "Green Deal", "bob");

        var second = await tagger.AddNamedAsync(Wind, "green-DEAL.", "carol");

        Assert.Equal(first.Entity, second.Entity);
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM Entities WHERE Kind = 3"));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM EntityAliases WHERE Kind = 3"));
    }

    [Fact]
    public async Task AddNamedAsync_NameOfAnExistingCompany_LinksTheCompany()
    {
        await using var store = await StoreAsync();
        var change = await new StoryTagger(store.Factory).AddNamedAsync(Solar, "breeze ltd", "bob");

        Assert.Equal((EntityKind.Company, "Breeze Ltd"), (change.Entity.Kind, change.Entity.Name));
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Entities WHERE Kind = 3"));
    }

    [Theory]
    [InlineData("Japan", EntityKind.Country, "Japan", "japan")]
    [InlineData("japan", EntityKind.Country, "Japan", "japan")]
    [InlineData("south korea", EntityKind.Country, "South Korea", "south-korea")]
    [InlineData("Thomson Reuters", EntityKind.Company, "Reuters", "reuters")]
    [InlineData("semiconductors", EntityKind.Topic, "semiconductors", "semiconductors")]
    public async Task AddNamedAsync_NameTheKnowledgeKnowsButNoStoryHas_MakesThatEntityNotAFreeTag(
        string typed, EntityKind kind, string name, string slug)
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);

        var change = await tagger.AddNamedAsync(Solar, typed, "bob");
        var again = await tagger.AddNamedAsync(Wind, typed, "carol");

        Assert.Equal((kind, name, slug), (change.Entity.Kind, change.Entity.Name, change.Entity.Slug));
        Assert.Equal(change.Entity, again.Entity);
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Entities WHERE Kind = 3"));
        Assert.Equal(1, store.Scalar($"SELECT count(*) FROM EntityAliases WHERE EntityId = {change.Entity.EntityId}"));
    }

    [Theory]
    [InlineData("us")] // an abbreviation is not guessed from lower case
    [InlineData("sharp")] // a company named by an ordinary word needs its capital
    [InlineData("Reading list")]
    public async Task AddNamedAsync_NameTheKnowledgeDoesNotMean_IsAFreeTag(string typed)
    {
        await using var store = await StoreAsync();

        var change = await new StoryTagger(store.Factory).AddNamedAsync(Solar, typed, "bob");

        Assert.Equal(EntityKind.Tag, change.Entity.Kind);
    }

    [Fact]
    public async Task AddNamedAsync_DifferentNamesSameSlug_SecondGetsNumberedSlug()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);

        // Names without Latin letters have no ASCII slug of their own: both start from "tag".
        var japan = await tagger.AddNamedAsync(Solar, "日本", "bob");
        var korea = await tagger.AddNamedAsync(Solar, "한국", "bob");

        Assert.Equal(("tag", "tag-2"), (japan.Entity.Slug, korea.Entity.Slug));
        Assert.Equal(("日本", "한국"), (japan.Entity.Name, korea.Entity.Name));
    }

    [Fact]
    public async Task AddNamedAsync_UnusableName_RefusedAndNothingStored()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        var before = store.DumpStories();

        await Assert.ThrowsAsync<TaggingException>(() => tagger.AddNamedAsync(Solar, "  !!! ", "bob"));
        await Assert.ThrowsAsync<TaggingException>(() => tagger.AddNamedAsync(Solar, new string('x', StoryTagger.MaxNameLength + 1), "bob"));
        await Assert.ThrowsAsync<TaggingException>(() => tagger.AddNamedAsync("no-such-story", "fine", "bob"));

        Assert.Equal(before, store.DumpStories());
    }

    [Fact]
    public async Task AddEntityAsync_AlreadyLinked_IdempotentNothingWritten()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        var sunny = await EntityIdAsync(store, EntityKind.Company, "sunny-corp");
        await tagger.AddNamedAsync(Solar, "Green Deal", "bob");
        var before = store.DumpStories();

        var extracted = await tagger.AddEntityAsync(Solar, sunny, "alice");
        var again = await tagger.AddNamedAsync(Solar, "green deal", "alice");

        Assert.Equal((TagOutcome.AlreadyThere, TagOutcome.AlreadyThere), (extracted.Outcome, again.Outcome));
        Assert.Equal(before, store.DumpStories());
        Assert.Equal(LinkOrigin.Extracted, (await LinkAsync(store, Solar, sunny))!.Origin);
    }

    [Fact]
    public async Task RemoveAsync_ExtractedLink_TombstoneSurvivesReimports()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        var breeze = await EntityIdAsync(store, EntityKind.Company, "breeze-ltd");

        var change = await tagger.RemoveAsync(Wind, breeze, "alice");

        Assert.Equal(TagOutcome.Removed, change.Outcome);
        var link = await LinkAsync(store, Wind, breeze);
        Assert.Equal("alice", link!.RemovedBy);
        Assert.NotNull(link.RemovedAt);

        // The same file again (stories unchanged), then a new version of the story that the extractor
        // links to the same company again (stories updated, links re-synced).
        var same = await store.Importer().ImportAsync(News(WindBody), Source("news.txt"));
        var edited = WindBody[..^10] + " with a small change at the end and a new closing sentence.";
        var updated = await store.Importer().ImportAsync(News(edited), Source("news.txt"));

        Assert.Equal(2, same.Unchanged);
        Assert.Equal(1, updated.Updated);
        Assert.NotNull((await LinkAsync(store, Wind, breeze))!.RemovedAt);
        Assert.DoesNotContain(await tagger.ListAsync(Wind) ?? [], t => t.EntityId == breeze);
        var search = new StorySearch(store.Factory);
        Assert.Equal(0, (await search.SearchAsync(new SearchRequest(null, Companies: ["breeze-ltd"]))).Total);
        Assert.Equal(0, (await search.SearchAsync(new SearchRequest("breeze"))).Total);
        store.AssertIntegrity();
    }

    [Fact]
    public async Task RemoveAsync_PersonTag_TombstonedAndReAddBringsItBack()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        var added = await tagger.AddNamedAsync(Solar, "Green Deal", "bob");

        var removed = await tagger.RemoveAsync(Solar, added.Entity.EntityId, "carol");
        var twice = await tagger.RemoveAsync(Solar, added.Entity.EntityId, "carol");

        Assert.Equal((TagOutcome.Removed, TagOutcome.NotThere), (removed.Outcome, twice.Outcome));
        Assert.Equal("carol", (await LinkAsync(store, Solar, added.Entity.EntityId))!.RemovedBy);
        Assert.Equal(0, (await new StorySearch(store.Factory).SearchAsync(new SearchRequest("tag:\"green deal\""))).Total);

        var back = await tagger.AddEntityAsync(Solar, added.Entity.EntityId, "dave");

        Assert.Equal(TagOutcome.Added, back.Outcome);
        var link = await LinkAsync(store, Solar, added.Entity.EntityId);
        Assert.Equal((LinkOrigin.Person, "dave", (DateTime?)null), (link!.Origin, link.AddedBy, link.RemovedAt));
    }

    [Fact]
    public async Task SuggestAsync_Prefix_ExistingNamesOfAllKindsBestFirst()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        await tagger.AddNamedAsync(Solar, "Spain trip", "bob");
        await tagger.AddNamedAsync(Solar, "Energy storage", "bob");

        var sp = await tagger.SuggestAsync("sp");
        var energy = await tagger.SuggestAsync("ENERGY");
        var word = await tagger.SuggestAsync("stor");

        Assert.Equal(["Spain", "Spain trip"], sp.Select(s => s.Name));
        Assert.Equal([EntityKind.Country, EntityKind.Tag], sp.Select(s => s.Kind));
        Assert.Equal(["Energy", "Energy storage"], energy.Select(s => s.Name));
        Assert.Equal(["Energy storage"], word.Select(s => s.Name));
        Assert.Empty(await tagger.SuggestAsync("  "));
        Assert.Empty(await tagger.SuggestAsync("%"));
    }

    [Fact]
    public async Task SuggestAsync_ManyLongerNamesWithThePrefix_ExactNameStillFirst()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        for (var i = 0; i < 60; i++)
        {
            await tagger.AddNamedAsync(Wind, $"Spa{i:00} long name", "bob");
        }

        var found = await tagger.SuggestAsync("spain", limit: 3);
        var spa = await tagger.SuggestAsync("spa", limit: 3);

        Assert.Equal("Spain", found[0].Name);
        Assert.Equal(["Spain", "Spa00 long name", "Spa01 long name"], spa.Select(s => s.Name));
    }

    [Fact]
    public async Task AddNamedAsync_NewTag_TagSearchAndTextSearchFindTheStory()
    {
        await using var store = await StoreAsync();
        await new StoryTagger(store.Factory).AddNamedAsync(Wind, "Offshore Wind", "bob");
        var search = new StorySearch(store.Factory);

        var byTag = await search.SearchAsync(new SearchRequest("tag:\"offshore wind\""));
        var bySlug = await search.SearchAsync(new SearchRequest(null, Tags: ["offshore-wind"]));
        var byText = await search.SearchAsync(new SearchRequest("offshore"));

        Assert.Equal("Wind farms expand", Assert.Single(byTag.Hits).Title);
        Assert.Equal("Wind farms expand", Assert.Single(bySlug.Hits).Title);
        Assert.Equal("Wind farms expand", Assert.Single(byText.Hits).Title);
        store.AssertIntegrity();
    }

    [Fact]
    public async Task SearchAsync_AfterTagging_FacetCountsIncludeTags()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);
        await tagger.AddNamedAsync(Solar, "Green Deal", "bob");
        await tagger.AddNamedAsync(Wind, "Green Deal", "carol");
        await tagger.AddNamedAsync(Wind, "Offshore", "carol");

        var all = await new StorySearch(store.Factory).SearchAsync(new SearchRequest(null));
        var spain = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("solar", Countries: ["spain"]));

        Assert.Equal([("Green Deal", 2), ("Offshore", 1)], all.Tags.Select(t => (t.Name, t.Count)));
        Assert.Contains(spain.Tags, t => t.Name == "Green Deal");
    }

    [Fact]
    public async Task RemoveAsync_UnknownEntity_RefusedAndLockReleased()
    {
        await using var store = await StoreAsync();
        var tagger = new StoryTagger(store.Factory);

        await Assert.ThrowsAsync<TaggingException>(() => tagger.RemoveAsync(Solar, 999_999, "bob"));
        var after = await tagger.AddNamedAsync(Solar, "Next", "bob");

        Assert.Equal(TagOutcome.Added, after.Outcome);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class StoryTaggerSqliteTests() : StoryTaggerTests(StoreEngine.Sqlite);

public sealed class StoryTaggerPostgresTests() : StoryTaggerTests(StoreEngine.Postgres);
