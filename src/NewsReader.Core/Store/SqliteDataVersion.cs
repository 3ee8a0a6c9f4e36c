using Microsoft.Data.Sqlite;

namespace NewsReader.Core.Store;

/// <summary>
/// <c>PRAGMA data_version</c> on a connection of our own that never writes: it changes whenever any
/// other connection (this process or another) commits to the file.
/// </summary>
internal sealed class SqliteDataVersion : IChangeDetection
{
    public IStoreVersion Watch(string connectionString) => new Watcher(connectionString);

    private sealed class Watcher(string connectionString) : IStoreVersion
    {
        private readonly Lock _lock = new();
        private SqliteConnection? _connection;

        public long Current()
        {
            lock (_lock)
            {
                if (_connection is null)
                {
                    var connection = new SqliteConnection(connectionString);
                    connection.Open();
                    _connection = connection;
                }

                using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA data_version";
                return (long)command.ExecuteScalar()!;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _connection?.Dispose();
                _connection = null;
            }
        }
    }
}
