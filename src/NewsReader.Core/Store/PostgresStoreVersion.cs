using Npgsql;

namespace NewsReader.Core.Store;

/// <summary>
/// The store's version on PostgreSQL: one row (<c>storeversion</c>, migration StoreVersion) that a
/// statement trigger on every story table raises once per writing transaction. It is in the database,
/// so a write on one app instance invalidates the read caches of all of them; raised inside the
/// writer's transaction, it changes exactly when the write becomes visible.
/// </summary>
internal sealed class PostgresStoreVersion : IChangeDetection
{
    public IStoreVersion Watch(string connectionString) => new Watcher(connectionString);

    private sealed class Watcher(string connectionString) : IStoreVersion
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        public long Current()
        {
            using var command = _source.CreateCommand("SELECT version FROM storeversion WHERE id = 1");
            return (long)command.ExecuteScalar()!;
        }

        public void Dispose() => _source.Dispose();
    }
}
