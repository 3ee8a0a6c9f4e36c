using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Extraction;
using NewsReader.Core.Importing;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Importing;

/// <summary>The importer on each engine (a derived class per engine below).</summary>
public abstract class StoryImporterTests(StoreEngine engine)
{
    private static ParsedDocumentSet ThreeStories() => new(Document("three.txt",
        Story(0, "Alpha raises money", Text("alpha"), Company("Alpha Corp"), Country("Kenya"), Topic("Funding")),
        Story(1, "Beta opens office", Text("beta"), Company("Beta Ltd"), Country("Kenya")),
        Story(2, "Gamma ships product", Text("gamma"), Company("Gamma"), Topic("Hardware"))));

    [Fact]
    public async Task ImportAsync_NewDocument_StoresEveryStoryWithLinks()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var report = await store.Importer().ImportAsync(ThreeStories().Doc, Source("three.txt"));

        Assert.Equal((3, 3, 0, 0), (report.Found, report.New, report.Updated, report.Unchanged));
        await using var db = await store.ContextAsync();
        Assert.Equal(3, await db.Stories.CountAsync());
        Assert.Equal(6, await db.Entities.CountAsync()); // Kenya is one entity for two stories
        Assert.Equal(7, await db.EntityLinks.CountAsync());
        var run = await db.ImportRuns.SingleAsync();
        Assert.Equal((ImportStatus.Succeeded, 3, 3), (run.Status, run.Found, run.New));
        Assert.Equal(3 * MinHasher.Bands, await db.StoryBands.CountAsync());
        Assert.Equal(1, store.Indexed("kenya", store.IdOf("alpha-raises-money")));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task ImportAsync_SameDocumentAgain_AllUnchangedAndNothingWritten()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        await importer.ImportAsync(ThreeStories().Doc, Source("three.txt"));
        var before = store.DumpStories();

        var again = await importer.ImportAsync(ThreeStories().Doc, Source("three.txt"));

        Assert.Equal((3, 0, 0, 3), (again.Found, again.New, again.Updated, again.Unchanged));
        Assert.Equal(before, store.DumpStories());
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM ImportRuns"));
    }

    [Fact]
    public async Task ImportAsync_QuoteDashAndSpaceVariants_Unchanged()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        var text = "He said \"it's done\" - finally.\n\nPrices rose 5-7 percent.";
        await importer.ImportAsync(Document("a.txt", Story(0, "Quotes", text)), Source("a.txt"));

        var variant = "He  said \u201Cit\u2019s done\u201D \u2014 finally.\n\nPrices rose 5\u20137 percent. ";
        var report = await importer.ImportAsync(Document("b.txt", Story(0, "Quotes", variant)), Source("b.txt"));

        Assert.Equal(1, report.Unchanged);
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task ImportAsync_EditedCopyOfOneStory_UpdatedWithRevision()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        await importer.ImportAsync(ThreeStories().Doc, Source("three.txt"));
        var original = Text("beta");
        var edited = original[..^10] + " with a small change at the end and a new closing sentence.";

        var report = await importer.ImportAsync(Document("edited.txt", Story(0, "Beta opens a new office", edited, Company("Beta Ltd"))), Source("edited.txt"));

        Assert.Equal((1, 0, 1, 0), (report.Found, report.New, report.Updated, report.Unchanged));
        await using var db = await store.ContextAsync();
        Assert.Equal(3, await db.Stories.CountAsync());
        var beta = await db.Stories.Include(a => a.Revisions).SingleAsync(a => a.Slug == "beta-opens-office");
        Assert.Equal("Beta opens a new office", beta.Title);
        Assert.Contains("new closing sentence", beta.Body, StringComparison.Ordinal);
        var revision = Assert.Single(beta.Revisions);
        Assert.Equal(RevisionReason.Replaced, revision.Reason);
        Assert.Equal("Beta opens office", revision.Title);
        Assert.Equal(1, store.Indexed("closing"));
        store.AssertIntegrity();

        // Both texts are now known: importing either again changes nothing.
        var before = store.DumpStories();
        var first = await importer.ImportAsync(ThreeStories().Doc, Source("three.txt"));
        Assert.Equal(3, first.Unchanged);
        Assert.Equal(before, store.DumpStories());
    }

    [Fact]
    public async Task ImportAsync_ShorterNearCopy_KeepsFullerTextAndSavesRevision()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        var full = Text("delta", 40);
        await importer.ImportAsync(Document("a.txt", Story(0, "Delta", full)), Source("a.txt"));
        var cut = full[..(int)(full.Length * 0.85)];

        var report = await importer.ImportAsync(Document("b.txt", Story(0, "Delta cut", cut)), Source("b.txt"));

        Assert.Equal(1, report.Updated);
        await using var db = await store.ContextAsync();
        var article = await db.Stories.Include(a => a.Revisions).SingleAsync();
        Assert.Equal(full, article.Body);
        Assert.Equal(RevisionReason.NotUsed, Assert.Single(article.Revisions).Reason);
    }

    [Fact]
    public async Task ImportAsync_PersonEdits_SurviveReimportOfEditedCopy()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        await importer.ImportAsync(ThreeStories().Doc, Source("three.txt"));
        await using (var db = await store.ContextAsync())
        {
            var alpha = await db.Stories.SingleAsync(a => a.Slug == "alpha-raises-money");
            alpha.Title = "A person's headline";
            alpha.TitleEditedAt = DateTime.UtcNow;
            alpha.TitleEditedBy = "editor";
            var kenya = await db.EntityLinks.SingleAsync(l => l.StoryId == alpha.Id && l.Entity!.Name == "Kenya");
            kenya.RemovedAt = DateTime.UtcNow;
            kenya.RemovedBy = "editor";
            var tag = new NewsEntity { Kind = EntityKind.Tag, Name = "Must read", Slug = "must-read" };
            db.Entities.Add(tag);
            await db.SaveChangesAsync();
            db.EntityLinks.Add(new EntityLink { StoryId = alpha.Id, EntityId = tag.Id, Origin = LinkOrigin.Person, AddedBy = "editor", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var edited = Text("alpha")[..^20] + " and one more added sentence at the end.";
        var report = await importer.ImportAsync(
            Document("edited.txt", Story(0, "Machine headline", edited, Company("Alpha Corp"), Country("Kenya"), Company("Omega"))), Source("edited.txt"));
        var exact = await importer.ImportAsync(ThreeStories().Doc, Source("three.txt"));

        Assert.Equal(1, report.Updated);
        Assert.Equal(3, exact.Unchanged);
        await using var check = await store.ContextAsync();
        var stored = await check.Stories.Include(a => a.Links).ThenInclude(l => l.Entity).SingleAsync(a => a.Slug == "alpha-raises-money");
        Assert.Equal("A person's headline", stored.Title);
        Assert.Contains("one more added sentence", stored.Body, StringComparison.Ordinal);
        var live = stored.Links.Where(l => l.RemovedAt is null).Select(l => l.Entity!.Name).Order().ToList();
        Assert.Equal(["Alpha Corp", "Must read", "Omega"], live);
        Assert.NotNull(stored.Links.Single(l => l.Entity!.Name == "Kenya").RemovedAt);
        Assert.DoesNotContain("Kenya", stored.EntityNames, StringComparison.Ordinal);
        Assert.Equal(0, store.Indexed("entities", stored.Id, "kenya"));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task ImportAsync_DuplicatesInFile_CountedNotStoredTwice()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var first = Story(0, "Epsilon", Text("epsilon"));
        var flagged = Story(1, "Epsilon again", Text("epsilon")) with { DuplicateOf = 0 };
        var unflagged = Story(2, "Epsilon third", Text("epsilon"));

        var report = await store.Importer().ImportAsync(Document("dups.txt", first, flagged, unflagged), Source("dups.txt"));

        Assert.Equal((3, 1, 2), (report.Found, report.New, report.DuplicatesInFile));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM Articles"));
        Assert.Equal(2, store.Scalar("SELECT DuplicatesInFile FROM ImportRuns"));
    }

    [Fact]
    public async Task ImportAsync_StoryWithoutText_RejectedWithReason()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var report = await store.Importer().ImportAsync(
            Document("r.txt", Story(0, "Zeta", Text("zeta")), Story(1, "Empty", "--- ...")), Source("r.txt"));

        Assert.Equal((1, 1), (report.New, report.Rejected));
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM ImportRunMessages WHERE Position = 1"));
    }

    [Fact]
    public async Task ImportAsync_SlugTaken_GetsSuffix()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("s.txt", Story(0, "Same headline", Text("eta")), Story(1, "Same headline", Text("theta"))), Source("s.txt"));

        await using var db = await store.ContextAsync();
        Assert.Equal(["same-headline", "same-headline-2"], await db.Stories.OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_SlugTakenByEarlierRun_GetsSuffix()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        await importer.ImportAsync(Document("a.txt", Story(0, "Same headline", Text("eta"))), Source("a.txt"));
        await importer.ImportAsync(Document("b.txt", Story(0, "Same headline", Text("theta"))), Source("b.txt"));

        await using var db = await store.ContextAsync();
        Assert.Equal(["same-headline", "same-headline-2"], await db.Stories.OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_SeveralStoriesSharingAStoredSlug_EachGetsTheNextFreeSuffix()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var importer = store.Importer();
        await importer.ImportAsync(Document("a.txt", Story(0, "Same headline", Text("eta")), Story(1, "Same headline 3", Text("iota"))), Source("a.txt"));
        await importer.ImportAsync(
            Document("b.txt", Story(0, "Same headline", Text("theta")), Story(1, "Same headline", Text("kappa")), Story(2, "Same headline", Text("lambda"))),
            Source("b.txt"));

        await using var db = await store.ContextAsync();
        Assert.Equal(
            ["same-headline", "same-headline-3", "same-headline-2", "same-headline-4", "same-headline-5"],
            await db.Stories.OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_NearCopyLaterInSameFileIntoEmptyStore_UpdatedWithRevision()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var original = Text("kappa", 40);
        var edited = original[..^10] + " with a small change at the end and a new closing sentence.";

        var report = await store.Importer().ImportAsync(
            Document("k.txt", Story(0, "Kappa", original), Story(1, "Kappa edited", edited), Story(2, "Lambda", Text("lambda"))), Source("k.txt"));

        Assert.Equal((3, 2, 1), (report.Found, report.New, report.Updated));
        await using var db = await store.ContextAsync();
        var kappa = await db.Stories.Include(a => a.Revisions).SingleAsync(a => a.Slug == "kappa");
        Assert.Contains("new closing sentence", kappa.Body, StringComparison.Ordinal);
        Assert.Equal(RevisionReason.Replaced, Assert.Single(kappa.Revisions).Reason);
        Assert.Equal(2 * MinHasher.Bands, await db.StoryBands.CountAsync());
        store.AssertIntegrity();
    }

    [Fact]
    public async Task ImportAsync_NearCopyOfAStoryAlreadyIndexedInTheSameRun_IndexHoldsOnlyTheNewText()
    {
        await using var store = await TestStore.CreateAsync(engine);
        // Long enough to fill a search-index batch on its own: indexed before its near copy arrives.
        var sentences = (ImportSession.IndexBatchChars / Text("kappa", 100).Length * 100) + 100;
        var original = Text("kappa", sentences) + " Oldword closes it.";
        var edited = original[..^20] + " with a small change and a newword at the end.";
        var articles = new[] { Story(0, "Kappa", original), Story(1, "Filler", Text("filler", 8)), Story(2, "Kappa edited", edited, Company("Kappa Corp")) };

        var report = await store.Importer().ImportAsync(Document("k.txt", articles), Source("k.txt"));

        Assert.True(original.Length >= ImportSession.IndexBatchChars);
        Assert.Equal((3, 2, 1), (report.Found, report.New, report.Updated));
        Assert.Equal(0, store.Indexed("oldword"));
        Assert.Equal(1, store.Indexed("newword", store.IdOf("kappa")));
        Assert.Equal(1, store.Indexed("entities", store.IdOf("kappa"), "kappa"));
        Assert.Equal(report.New, store.Indexed("title", null, "filler", "kappa"));
        store.AssertIntegrity();
    }

    [Fact]
    public async Task ImportAsync_StoryWithManyEntities_EveryLinkStoredWithItsValues()
    {
        await using var store = await TestStore.CreateAsync(engine);
        // More links than one INSERT statement takes, and a count that leaves a partial last statement.
        var entities = Enumerable.Range(1, 37)
            .Select(i => new EntityMention($"Company {i}", EntityKind.Company, i % 2 == 0, i, i / 100.0, []))
            .ToArray();

        await store.Importer().ImportAsync(Document("m.txt", Story(0, "Many", Text("many"), entities)), Source("m.txt"));

        await using var db = await store.ContextAsync();
        var links = await db.EntityLinks.Include(l => l.Entity).OrderBy(l => l.Mentions).ToListAsync();
        Assert.Equal(37, links.Count);
        Assert.All(links, l =>
        {
            var i = l.Mentions;
            Assert.Equal(("Company " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0, i / 100.0, LinkOrigin.Extracted), (l.Entity!.Name, l.About, l.Score, l.Origin));
            Assert.NotEqual(default, l.AddedAt);
        });
    }

    [Fact]
    public async Task ImportAsync_EntityAlias_MapsToOneEntity()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Iota", Text("iota"), Company("ByteDance"))), Source("a.txt"));
        await using (var db = await store.ContextAsync())
        {
            var e = await db.Entities.SingleAsync();
            db.EntityAliases.Add(new EntityAlias { EntityId = e.Id, Kind = e.Kind, Name = "Bytedance Ltd", Key = NameKey.Of("Bytedance Ltd") });
            await db.SaveChangesAsync();
        }

        await store.Importer().ImportAsync(Document("b.txt", Story(0, "Kappa", Text("kappa"), Company("BYTEDANCE LTD."))), Source("b.txt"));

        Assert.Equal(1, store.Scalar("SELECT count(*) FROM Entities"));
        Assert.Equal(2, store.Scalar("SELECT count(*) FROM ArticleEntities"));
    }

    [Fact]
    public async Task ImportAsync_StoreLockedByAnotherImport_WaitsThenFailsWithClearMessage()
    {
        await using var store = await TestStore.CreateAsync(engine);
        using var holder = store.HoldWriteLock();

        var options = new ImportOptions(LockWait: TimeSpan.FromMilliseconds(300));
        var e = await Assert.ThrowsAsync<ImportBusyException>(() =>
            store.Importer().ImportAsync(Document("a.txt", Story(0, "Lambda", Text("lambda"))), Source("a.txt"), options));

        Assert.Contains("another import is running", e.Message, StringComparison.Ordinal);
        holder.Rollback();
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task ImportAsync_ReadersDuringImport_KeepReading()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Mu", Text("mu"))), Source("a.txt"));
        using var writer = store.HoldWriteLock();
        writer.Execute("UPDATE Articles SET Title = 'changing'");

        // WAL (SQLite) or MVCC (PostgreSQL): a reader sees the last committed state while the write is open.
        Assert.Equal("Mu", await ReadTitleAsync(store));
        writer.Commit();
        Assert.Equal("changing", await ReadTitleAsync(store));
    }

    [Fact]
    public async Task ImportAsync_TwoConcurrentImportsOfDifferentFiles_BothLand()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var a = Document("a.txt", Enumerable.Range(0, 40).Select(i => Story(i, $"Nu {i}", Text($"nu{i}"))).ToArray());
        var b = Document("b.txt", Enumerable.Range(0, 40).Select(i => Story(i, $"Xi {i}", Text($"xi{i}"))).ToArray());

        var results = await Task.WhenAll(
            Task.Run(() => store.Importer().ImportAsync(a, Source("a.txt"))),
            Task.Run(() => store.Importer().ImportAsync(b, Source("b.txt"))));

        Assert.All(results, r => Assert.Equal(40, r.New));
        Assert.Equal(80, store.Scalar("SELECT count(*) FROM Articles"));
        Assert.Equal(2, store.Scalar($"SELECT count(*) FROM ImportRuns WHERE Status = {(int)ImportStatus.Succeeded}"));

        // One after the other: each run's stories have consecutive ids, never interleaved.
        Assert.Equal(1, store.Scalar("SELECT count(DISTINCT CreatedByRunId) FROM (SELECT CreatedByRunId FROM Articles WHERE Id <= 40) AS first"));
        store.AssertIntegrity();
    }

    private static async Task<string> ReadTitleAsync(TestStore store)
    {
        await using var db = await store.ContextAsync();
        return await db.Stories.Select(x => x.Title).SingleAsync();
    }

    private sealed record ParsedDocumentSet(NewsReader.Core.Parsing.ParsedDocument Doc);
}

public sealed class StoryImporterSqliteTests() : StoryImporterTests(StoreEngine.Sqlite);

public sealed class StoryImporterPostgresTests() : StoryImporterTests(StoreEngine.Postgres);
