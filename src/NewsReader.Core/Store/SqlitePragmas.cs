using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsReader.Core.Store;

/// <summary>
/// Sets WAL, a busy timeout and foreign keys on every connection EF opens: a pooled connection may
/// be new to SQLite, and busy_timeout and foreign_keys are per connection, not per file.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMs = SqlitePragmas.DefaultBusyTimeoutMs) : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for another writer before SQLITE_BUSY.</summary>
    public const int DefaultBusyTimeoutMs = 5000;

    // synchronous=NORMAL is durable against a killed process in WAL mode (only a power cut can lose
    // the last commits, never corrupt the file), and much faster than FULL.
    private readonly string _sql = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants and an int, never from input.
        command.CommandText = _sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // The SQL is built from constants and an int, never from input.
            command.CommandText = _sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
