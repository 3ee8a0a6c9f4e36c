using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NewsReader.Core.Data;
using Npgsql;

namespace NewsReader.Core.Store;

/// <summary>
/// PostgreSQL through Npgsql: lower-case table and column names (<see cref="PostgresNames"/>), migrations
/// in <c>NewsReader.Migrations.Postgres</c>.
/// </summary>
internal sealed class PostgresProvider : IStoreProvider
{
    /// <summary>The assembly holding the PostgreSQL migrations (the app and the tests reference it).</summary>
    public const string MigrationsAssembly = "NewsReader.Migrations.Postgres";

    public string EfProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithDefaults(connectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .ReplaceService<IModelCustomizer, PostgresNames>();

    public string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
    }

    public Task<long> SizeAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(ct);

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run twice (the importer runs the same
    /// few statements for every story); a connection string that says otherwise wins.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>Npgsql's migration lock is a session advisory lock: it dies with its connection, so nothing is ever left behind.</summary>
    public Task ReleaseStaleMigrationLockAsync(NewsDbContext db, TimeSpan staleAge, CancellationToken ct) => Task.CompletedTask;
}
