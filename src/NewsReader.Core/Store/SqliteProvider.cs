using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>SQLite through EF: one file, WAL and busy timeout on every connection (<see cref="SqlitePragmas"/>), migrations in Core.</summary>
internal sealed class SqliteProvider : IStoreProvider
{
    public string EfProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(NewsDbContext).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas());

    public string Describe(string connectionString) => DataSourceOf(connectionString);

    public Task<long> SizeAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("SELECT page_count * page_size AS Value FROM pragma_page_count(), pragma_page_size()").SingleAsync(ct);

    /// <summary>A connection string for a database file (created on first use, folder included).</summary>
    public static string ConnectionStringFor(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    /// <summary>The database file a connection string names.</summary>
    public static string DataSourceOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public async Task ReleaseStaleMigrationLockAsync(NewsDbContext db, TimeSpan staleAge, CancellationToken ct)
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
                    && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var taken)
                    && DateTimeOffset.UtcNow - taken > staleAge)
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
}
