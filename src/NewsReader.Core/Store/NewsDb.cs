using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>Opening the store: connection strings, context options, factories and migrations.</summary>
public static class NewsDb
{
    /// <summary>The configuration key of the connection string (<c>ConnectionStrings:News</c>).</summary>
    public const string ConnectionStringName = "News";

    /// <summary>The database file name inside a data folder.</summary>
    public const string DefaultFileName = "news.db";

    /// <summary>The default database path: <c>news.db</c> inside <paramref name="dataFolder"/>.</summary>
    public static string DefaultPath(string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return Path.Combine(Path.GetFullPath(dataFolder), DefaultFileName);
    }

    /// <summary>A connection string for an SQLite database file (created on first use, folder included).</summary>
    public static string ConnectionStringFor(string databasePath)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        return SqliteProvider.ConnectionStringFor(databasePath);
    }

    /// <summary>Where a connection string points, for messages: the SQLite file, or a server's host and database.</summary>
    public static string DataSourceOf(string connectionString, StoreEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return (engine ?? StoreEngine.Default).Provider.Describe(connectionString);
    }

    /// <summary>Configures EF for the store on an engine (the default one unless given): provider, interceptors, migrations.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, StoreEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        (engine ?? StoreEngine.Default).Provider.Configure(options, connectionString);
        return options;
    }

    /// <summary>Registers <see cref="IDbContextFactory{NewsDbContext}"/> for the app (web, CLI).</summary>
    public static IServiceCollection AddNewsStore(this IServiceCollection services, string connectionString, StoreEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddDbContextFactory<NewsDbContext>(o => Configure(o, connectionString, engine));
    }

    /// <summary>A context factory without dependency injection (CLI, tests, benchmarks).</summary>
    public static IDbContextFactory<NewsDbContext> CreateFactory(string connectionString, StoreEngine? engine = null)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        Configure(options, connectionString, engine);
        return new PooledDbContextFactory<NewsDbContext>(options.Options);
    }

    /// <summary>Applies pending migrations: call once at start-up, before anything else touches the store.</summary>
    public static async Task MigrateAsync(IDbContextFactory<NewsDbContext> factory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Migrate takes EF's lock (a row in __EFMigrationsLock) even when nothing is pending, and a
            // process killed while holding it leaves the row behind: every later start would wait forever.
            // So take the lock only when there is work, and clear a lock left by a dead process.
            var pending = await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false);
            if (!pending.Any())
            {
                return;
            }

            await StoreEngine.Of(db).Provider.ReleaseStaleMigrationLockAsync(db, StaleMigrationLockAge, ct).ConfigureAwait(false);
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Migrating this store takes seconds; a lock older than this was left by a killed process.</summary>
    public static readonly TimeSpan StaleMigrationLockAge = TimeSpan.FromMinutes(2);

    /// <summary>Opens a database file, migrating it first; the usual one-liner for the CLI and tests.</summary>
    public static async Task<IDbContextFactory<NewsDbContext>> OpenAsync(string databasePath, CancellationToken ct = default)
    {
        var factory = CreateFactory(ConnectionStringFor(databasePath));
        await MigrateAsync(factory, ct).ConfigureAwait(false);
        return factory;
    }
}
