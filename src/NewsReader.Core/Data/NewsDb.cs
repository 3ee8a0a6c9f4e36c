using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace NewsReader.Core.Data;

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

    /// <summary>A connection string for a database file (created on first use, folder included).</summary>
    public static string ConnectionStringFor(string databasePath)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        var full = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    /// <summary>Configures EF for the store: SQLite, the pragma interceptor, migrations in Core.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(NewsDbContext).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas());
    }

    /// <summary>Registers <see cref="IDbContextFactory{NewsDbContext}"/> for the app (web, CLI).</summary>
    public static IServiceCollection AddNewsStore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddDbContextFactory<NewsDbContext>(o => Configure(o, connectionString));
    }

    /// <summary>A context factory without dependency injection (CLI, tests, benchmarks).</summary>
    public static IDbContextFactory<NewsDbContext> CreateFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        Configure(options, connectionString);
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

            await ReleaseStaleMigrationLockAsync(db, ct).ConfigureAwait(false);
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Migrating this store takes seconds; a lock older than this was left by a killed process.</summary>
    public static readonly TimeSpan StaleMigrationLockAge = TimeSpan.FromMinutes(2);

    private static async Task ReleaseStaleMigrationLockAsync(NewsDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT Timestamp FROM __EFMigrationsLock WHERE Id = 1 AND EXISTS " +
                    "(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock')";
                string? stamp;
                try
                {
                    stamp = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
                }
                catch (SqliteException)
                {
                    return; // No lock table yet: a new database.
                }

                if (stamp is not null
                    && DateTimeOffset.TryParse(stamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var taken)
                    && DateTimeOffset.UtcNow - taken > StaleMigrationLockAge)
                {
                    command.CommandText = "DELETE FROM __EFMigrationsLock WHERE Id = 1";
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens a database file, migrating it first; the usual one-liner for the CLI and tests.</summary>
    public static async Task<IDbContextFactory<NewsDbContext>> OpenAsync(string databasePath, CancellationToken ct = default)
    {
        var factory = CreateFactory(ConnectionStringFor(databasePath));
        await MigrateAsync(factory, ct).ConfigureAwait(false);
        return factory;
    }
}
