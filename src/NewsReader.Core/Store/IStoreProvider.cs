using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>How EF reaches an engine: the provider, its per-connection settings and its migrations.</summary>
public interface IStoreProvider
{
    /// <summary>The EF provider's name as <c>DatabaseFacade.ProviderName</c> reports it.</summary>
    string EfProviderName { get; }

    /// <summary>Configures EF for this engine: provider, connection interceptors, migrations assembly.</summary>
    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>
    /// Clears EF's migration lock when a killed process left it older than <paramref name="staleAge"/>
    /// (no-op when the lock table does not exist yet). Runs before <c>MigrateAsync</c>.
    /// </summary>
    Task ReleaseStaleMigrationLockAsync(NewsDbContext db, TimeSpan staleAge, CancellationToken ct);
}
