using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Parsing;
using NewsReader.Core.Stories;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Stories;

/// <summary>The one story writer: the rules the importer, curation and tagging share.</summary>
public abstract class StoryWriterTests(StoreEngine engine)
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static Task<T> WriteAsync<T>(TestStore store, Func<StoryWriter, Task<T>> work) =>
        StoreWrite.RunAsync(store.Factory, TimeSpan.FromSeconds(5), async db =>
        {
            using var writer = StoryWriter.Open(db, Now);
            return await work(writer);
        }, CancellationToken.None);

    private static StoryContent Content(string title, string body) => new(title, "A summary.", body, Guid.NewGuid().ToString("N"), []);

    [Fact]
    public async Task ReplaceTextAsync_PersonEditedHeadline_HeadlineKeptBodyReplaced()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var id = await ImportOneAsync(store, Story(0, "Machine headline", Text("alpha")));
        store.Execute($"UPDATE Articles SET Title = 'A person''s headline', TitleEditedAt = '2026-12-01' WHERE Id = {id}");

        await WriteAsync(store, async w =>
        {
            await w.ReplaceTextAsync(id, Content("New machine headline", "New body."), CancellationToken.None);
            return true;
        });

        Assert.Equal(1, store.Scalar($"SELECT count(*) FROM Articles WHERE Id = {id} AND Title = 'A person''s headline' AND Body = 'New body.' AND Summary = 'A summary.'"));
    }

    [Fact]
    public async Task SyncLinksAsync_PersonsLinkAndRemoval_BothStayExtractedOnesReplaced()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var id = await ImportOneAsync(store, Story(0, "Beta", Text("beta"), Company("Acme"), Company("Globex"), Country("Kenya")));
        var tag = await WriteAsync(store, w => w.CreateEntityAsync(EntityKind.Tag, "Solar", "solar", "bob", CancellationToken.None));
        store.Execute(
            $"INSERT INTO ArticleEntities (ArticleId, EntityId, Origin, About, Mentions, Score, AddedAt) VALUES ({id}, {tag}, {(int)LinkOrigin.Person}, TRUE, 0, 0, '2026-12-01')",
            $"UPDATE ArticleEntities SET RemovedAt = '2026-12-01' WHERE ArticleId = {id} AND EntityId = (SELECT Id FROM Entities WHERE Slug = 'globex')");

        // The new text names Globex again and Spain instead of Acme and Kenya.
        await WriteAsync(store, async w =>
        {
            var links = await w.ResolveAsync(new ExtractedEntities([Company("Globex"), Country("Spain")]), CancellationToken.None);
            await w.SyncLinksAsync(id, links, CancellationToken.None);
            return true;
        });

        Assert.Equal(
            "globex:removed solar:live spain:live",
            string.Join(' ', store.Rows($"SELECT e.Slug || ':' || CASE WHEN l.RemovedAt IS NULL THEN 'live' ELSE 'removed' END FROM ArticleEntities l JOIN Entities e ON e.Id = l.EntityId WHERE l.ArticleId = {id} ORDER BY e.Slug")));
        Assert.Equal(["Spain\nSolar"], store.Rows($"SELECT Entities FROM Articles WHERE Id = {id}"));
    }

    [Fact]
    public async Task ResolveAsync_AliasAndNameOfOneEntity_OneLinkMergedAndSlugsNumberedPerKind()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var acme = await WriteAsync(store, w => w.CreateEntityAsync(EntityKind.Company, "Acme", "acme", null, CancellationToken.None));
        store.Execute($"INSERT INTO EntityAliases (EntityId, Kind, Name, Key) VALUES ({acme}, {(int)EntityKind.Company}, 'Acme Corp', 'acme corp')");
        var links = await WriteAsync(store, w =>
        {
            return w.ResolveAsync(new ExtractedEntities([
                new EntityMention("Acme", EntityKind.Company, false, 2, 0.4, []),
                new EntityMention("Acme Corp", EntityKind.Company, true, 3, 0.9, []),
                new EntityMention("Acme", EntityKind.Topic, true, 1, 0.5, []),
            ]), CancellationToken.None);
        });

        Assert.Equal(2, links.Count);
        Assert.Equal((true, 5, 0.9), (links[0].About, links[0].Mentions, links[0].Score));
        Assert.Equal("acme acme", string.Join(' ', store.Rows("SELECT Slug FROM Entities ORDER BY Id")));
        var second = await WriteAsync(store, w => w.CreateEntityAsync(EntityKind.Company, "ACME!", "acme!", null, CancellationToken.None));
        Assert.Equal(1, store.Scalar($"SELECT count(*) FROM Entities WHERE Id = {second} AND Slug = 'acme-2'"));
    }

    private static async Task<long> ImportOneAsync(TestStore store, ParsedStory article)
    {
        await store.Importer().ImportAsync(Document("one.txt", article), Source("one.txt"));
        return store.Scalar("SELECT max(Id) FROM Articles");
    }
}

public sealed class StoryWriterSqliteTests() : StoryWriterTests(StoreEngine.Sqlite);

public sealed class StoryWriterPostgresTests() : StoryWriterTests(StoreEngine.Postgres);
