using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Data;

namespace NewsReader.Core.Curation;

/// <summary>
/// The write transaction of a correction. Microsoft.Data.Sqlite begins it IMMEDIATE, so it takes the
/// same write lock as an import: a correction never interleaves with one, it waits for it to finish.
/// </summary>
internal static class CurationWrite
{
    /// <summary>Long enough for an ordinary import to finish; a person is waiting, so not minutes.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static async Task<IDbContextTransaction> BeginAsync(NewsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var previousTimeout = connection.DefaultTimeout;
        await SetBusyTimeoutAsync(db, (int)LockWait.TotalMilliseconds, ct).ConfigureAwait(false);
        connection.DefaultTimeout = (int)LockWait.TotalSeconds;
        try
        {
            return await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new CurationException("An import is running on this store; try again when it has finished.", e);
        }
        finally
        {
            connection.DefaultTimeout = previousTimeout;
            await SetBusyTimeoutAsync(db, SqlitePragmas.DefaultBusyTimeoutMs, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task SetBusyTimeoutAsync(NewsDbContext db, int ms, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // An int, never input.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={ms};");
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
