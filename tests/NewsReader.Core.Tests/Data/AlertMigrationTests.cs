using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Data;

/// <summary>
/// Migration <c>AlertPerSearchAndImport</c> on each engine: the matches a store already holds (one row
/// per story) become one <see cref="Alert"/> per search, import and seen state, and going back
/// restores the rows.
/// </summary>
public abstract class AlertMigrationTests(StoreEngine engine)
{
    [Fact]
    public async Task AlertPerSearchAndImport_MatchesOneRowPerStory_OneAlertPerSearchAndImportAndBackAgain()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("a.txt",
            Story(0, "Harbour bridge opens", "The harbour bridge opened."),
            Story(1, "Solar farm at sea", "A floating solar farm."),
            Story(2, "Bakery cooperative", "A bakery cooperative opened.")), Source("a.txt"));
        long[] s = [store.IdOf("harbour-bridge-opens"), store.IdOf("solar-farm-at-sea"), store.IdOf("bakery-cooperative")];
        await using var db = await store.ContextAsync();
        var user = new IdentityUser { UserName = "r", NormalizedUserName = "R", SecurityStamp = "x" };
        db.Users.Add(user);
        var a = new SavedSearch { UserId = user.Id, Name = "a", View = "q=a", CreatedAt = DateTime.UtcNow, LastOpenedAt = DateTime.UtcNow };
        var b = new SavedSearch { UserId = user.Id, Name = "b", View = "q=b", CreatedAt = DateTime.UtcNow, LastOpenedAt = DateTime.UtcNow };
        db.SavedSearches.AddRange(a, b);
        await db.SaveChangesAsync();
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync("Alerts");
        store.Execute(
            "INSERT INTO AlertMatches (SavedSearchId, StoryId, ImportRunId, MatchedAt, SeenAt) VALUES " +
            $"({a.Id}, {s[0]}, 1, '2026-12-01 10:00:00', NULL), ({a.Id}, {s[1]}, 1, '2026-12-01 10:00:00', NULL), " +
            $"({a.Id}, {s[2]}, 2, '2026-12-02 10:00:00', '2026-12-03 10:00:00'), ({b.Id}, {s[0]}, 1, '2026-12-01 10:00:00', NULL)");
        await migrator.MigrateAsync();

        var alerts = (await db.Alerts.AsNoTracking().OrderBy(x => x.Id).ToListAsync())
            .Select(x => (x.SavedSearchId, x.ImportRunId, Stories: string.Join(",", x.StoryIds), Seen: x.SeenAt is not null)).ToList();
        Assert.Equal([(a.Id, 1, $"{s[1]},{s[0]}", false), (a.Id, 2, $"{s[2]}", true), (b.Id, 1, $"{s[0]}", false)], alerts);

        await migrator.MigrateAsync("Alerts");
        Assert.Equal(
            [$"{a.Id}|{s[0]}|1|unseen", $"{a.Id}|{s[1]}|1|unseen", $"{a.Id}|{s[2]}|2|seen", $"{b.Id}|{s[0]}|1|unseen"],
            store.Rows("SELECT SavedSearchId, StoryId, ImportRunId, CASE WHEN SeenAt IS NULL THEN 'unseen' ELSE 'seen' END FROM AlertMatches ORDER BY SavedSearchId, StoryId"));
    }
}

public sealed class AlertMigrationSqliteTests() : AlertMigrationTests(StoreEngine.Sqlite);

public sealed class AlertMigrationPostgresTests() : AlertMigrationTests(StoreEngine.Postgres);
