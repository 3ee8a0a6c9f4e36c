using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;

namespace NewsReader.Web.Tests.Fixtures;

/// <summary>
/// A real store built by the migrations (an SQLite file in a temp folder, or a new PostgreSQL database
/// on the test server) that tests fill with exactly the stories they need (so assertions do not depend
/// on the splitter's or extractor's output).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private static readonly DateTime BaseTime = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly PostgresTestDatabase? _postgres;

    private TestStore(string folder, StoreEngine engine, string connectionString, IDbContextFactory<NewsDbContext> factory, PostgresTestDatabase? postgres)
    {
        Folder = folder;
        Engine = engine;
        ConnectionString = connectionString;
        Factory = factory;
        _postgres = postgres;
    }

    /// <summary>The temp folder holding <c>news.db</c> on SQLite (usable as the app's data folder on either engine).</summary>
    public string Folder { get; }

    public StoreEngine Engine { get; }

    public string ConnectionString { get; }

    public string DatabasePath => NewsDb.DefaultPath(Folder);

    public IDbContextFactory<NewsDbContext> Factory { get; }

    public static async Task<TestStore> CreateAsync(StoreEngine? engine = null)
    {
        engine ??= StoreEngine.Sqlite;
        var folder = Path.Combine(Path.GetTempPath(), "newsreader-web-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (engine == StoreEngine.Postgres)
        {
            var database = await PostgresTestServer.CreateDatabaseAsync();
            return new TestStore(folder, engine, database.ConnectionString, NewsDb.CreateFactory(database.ConnectionString, engine), database);
        }

        var connectionString = NewsDb.ConnectionStringFor(NewsDb.DefaultPath(folder));
        var factory = NewsDb.CreateFactory(connectionString);
        await NewsDb.MigrateAsync(factory);
        return new TestStore(folder, engine, connectionString, factory, null);
    }

    /// <summary>Adds a story; <paramref name="age"/> 0 is the newest. Entities are (kind, name, about).</summary>
    public Task<long> AddStoryAsync(
        string slug, string title, string body, int age = 0, string? summary = null,
        params (EntityKind Kind, string Name, bool About)[] entities) =>
        AddStoryAtAsync(Factory, slug, title, body, BaseTime.AddMinutes(-age), summary, entities);

    /// <summary>Adds a story made at <paramref name="created"/> (UTC) to any store, such as a running app's.</summary>
    public static async Task<long> AddStoryAtAsync(
        IDbContextFactory<NewsDbContext> factory, string slug, string title, string body, DateTime created, string? summary = null,
        params (EntityKind Kind, string Name, bool About)[] entities)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(entities);
        await using var db = await factory.CreateDbContextAsync();
        var article = new Story
        {
            Slug = slug,
            Title = title,
            Summary = summary ?? body.Split("\n\n")[0],
            Body = body,
            Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(slug + body))),
            SourceFile = "fixture.txt",
            CreatedAt = created,
            UpdatedAt = created,
            EntityNames = string.Join('\n', entities.Select(e => e.Name)),
        };
        db.Stories.Add(article);
        await db.SaveChangesAsync();

        foreach (var (kind, name, about) in entities)
        {
            var entitySlug = NameKey.Of(name).Replace(' ', '-');
            var entity = await db.Entities.FirstOrDefaultAsync(e => e.Kind == kind && e.Slug == entitySlug);
            if (entity is null)
            {
                entity = new NewsEntity { Kind = kind, Name = name, Slug = entitySlug, CreatedAt = created };
                entity.Aliases.Add(new EntityAlias { Kind = kind, Name = name, Key = NameKey.Of(name) });
                db.Entities.Add(entity);
                await db.SaveChangesAsync();
            }

            db.EntityLinks.Add(new EntityLink
            {
                StoryId = article.Id,
                EntityId = entity.Id,
                About = about,
                Mentions = about ? 3 : 1,
                Score = about ? 0.9 : 0.2,
                AddedAt = created,
            });
        }

        await db.SaveChangesAsync();
        return article.Id;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open for a moment leaves a temp folder behind; harmless.
        }
    }
}
