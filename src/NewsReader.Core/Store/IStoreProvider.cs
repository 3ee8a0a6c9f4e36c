using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>How EF reaches an engine: the provider, its per-connection settings and its migrations.</summary>
public interface IStoreProvider
{
    /// <summary>The EF provider's name as <c>DatabaseFacade.ProviderName</c> reports it.</summary>
    string EfProviderName { get; }

    /// <summary>Configures EF for this engine: provider, connection interceptors, migrations assembly, and any engine-specific model changes (an EF service such as <c>IModelCustomizer</c>: the context never asks for its engine).</summary>
    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Where a connection string points, for messages and logs (a file, or host and database; never a password).</summary>
    string Describe(string connectionString);

    /// <summary>The database's size on disk in bytes (the CLI's stats).</summary>
    Task<long> SizeAsync(NewsDbContext db, CancellationToken ct);

    /// <summary>
    /// Clears EF's migration lock when a killed process left it older than <paramref name="staleAge"/>
    /// (no-op when the lock table does not exist yet). Runs before <c>MigrateAsync</c>.
    /// </summary>
    Task ReleaseStaleMigrationLockAsync(NewsDbContext db, TimeSpan staleAge, CancellationToken ct);
}
