using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>
/// SQLite's write lock: Microsoft.Data.Sqlite begins transactions IMMEDIATE, which takes the file's
/// one write lock up front (another process's writer included) while WAL readers go on. The wait is
/// the connection's busy_timeout for the BEGIN only, then back to <see cref="SqlitePragmas.DefaultBusyTimeoutMs"/>.
/// </summary>
internal sealed class SqliteWriteLock : IWriteLock
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async Task<IDbContextTransaction> BeginAsync(NewsDbContext db, TimeSpan wait, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var previousTimeout = connection.DefaultTimeout;
        await SetBusyTimeoutAsync(connection, (int)Math.Clamp(wait.TotalMilliseconds, 0, int.MaxValue), ct).ConfigureAwait(false);
        connection.DefaultTimeout = (int)Math.Ceiling(wait.TotalSeconds);
        try
        {
            return await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new StoreBusyException(string.Create(CultureInfo.InvariantCulture,
                $"another writer held the store for more than {wait.TotalSeconds:0.#} s"), e);
        }
        finally
        {
            connection.DefaultTimeout = previousTimeout;
            await SetBusyTimeoutAsync(connection, SqlitePragmas.DefaultBusyTimeoutMs, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task SetBusyTimeoutAsync(SqliteConnection connection, int ms, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // An int, never input.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={ms};");
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
