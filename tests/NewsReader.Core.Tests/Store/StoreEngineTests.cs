using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;

namespace NewsReader.Core.Tests.Store;

/// <summary>The engine seam: one write path with one lock, the engine found from the context, SQLite kept inside <c>Store/</c>.</summary>
public abstract class StoreEngineTests(StoreEngine engine)
{
    [Fact]
    public async Task Of_Context_TheEngineOfItsProvider()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await using var db = await store.ContextAsync();

        Assert.Same(engine, StoreEngine.Of(db));
        Assert.Same(engine, StoreEngine.Named(engine.Name.ToUpperInvariant()));
        Assert.Throws<NotSupportedException>(() => StoreEngine.Named("oracle"));
    }

    [Fact]
    public async Task Model_AfterTheMigrations_HasNoPendingChanges()
    {
        // The C# names say Story while the tables keep Articles/ArticleId (docs/store.md): a property
        // renamed without its column mapping would show here as a pending column rename.
        await using var store = await TestStore.CreateAsync(engine);
        await using var db = await store.ContextAsync();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task RunAsync_AnotherWriterHoldsTheLock_StoreBusyAfterTheWaitAndNothingWritten()
    {
        await using var store = await TestStore.CreateAsync(engine);
        using var holder = store.HoldWriteLock();

        await Assert.ThrowsAsync<StoreBusyException>(() => StoreWrite.RunAsync(store.Factory, TimeSpan.FromMilliseconds(200), db =>
        {
            db.Entities.Add(new NewsEntity { Kind = EntityKind.Tag, Name = "Busy", Slug = "busy", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        }, CancellationToken.None));

        holder.Rollback();
        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Entities"));
    }

    [Fact]
    public async Task RunAsync_WorkThrows_RolledBack()
    {
        await using var store = await TestStore.CreateAsync(engine);

        await Assert.ThrowsAsync<InvalidOperationException>(() => StoreWrite.RunAsync(store.Factory, TimeSpan.FromSeconds(1), async db =>
        {
            db.Entities.Add(new NewsEntity { Kind = EntityKind.Tag, Name = "Gone", Slug = "gone", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            throw new InvalidOperationException("late failure");
        }, CancellationToken.None));

        Assert.Equal(0, store.Scalar("SELECT count(*) FROM Entities"));
    }

    [Fact]
    public async Task RunAsync_WriterWaiting_GoesOnWhenTheHolderCommits()
    {
        await using var store = await TestStore.CreateAsync(engine);
        var holder = store.HoldWriteLock();

        // On a thread of its own: SQLite's driver waits for a lock inside the call, not asynchronously.
        var write = Task.Run(() => StoreWrite.RunAsync(store.Factory, TimeSpan.FromSeconds(10), async db =>
        {
            db.Entities.Add(new NewsEntity { Kind = EntityKind.Tag, Name = "Later", Slug = "later", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }, CancellationToken.None));
        await Task.Delay(300);
        Assert.False(write.IsCompleted);
        holder.Commit();
        holder.Dispose();

        Assert.Equal(1, await write);
        Assert.Equal(1, store.Scalar("SELECT count(*) FROM Entities"));
    }

    [Fact]
    public async Task StoreVersion_AnotherConnectionCommits_Changes()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await using var db = await store.ContextAsync();
        using var version = StoreEngine.Of(db).Changes.Watch(db.Database.GetConnectionString()!);
        var before = version.Current();
        Assert.Equal(before, version.Current());

        using (var c = store.Connection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO Entities (Kind, Name, Slug, IsHidden, CreatedAt) VALUES (3, 'X', 'x', FALSE, '2026-01-01')";
            cmd.ExecuteNonQuery();
        }

        Assert.NotEqual(before, version.Current());
    }
}

public sealed class StoreEngineSqliteTests() : StoreEngineTests(StoreEngine.Sqlite);

public sealed class StoreEnginePostgresTests() : StoreEngineTests(StoreEngine.Postgres);
