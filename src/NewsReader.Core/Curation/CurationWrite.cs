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

    /// <summary>
    /// Runs one correction: a fresh context, the write transaction (see <see cref="BeginAsync"/>),
    /// the work, then the commit. An exception from the work rolls everything back.
    /// </summary>
    public static async Task<T> RunAsync<T>(IDbContextFactory<NewsDbContext> factory, Func<NewsDbContext, Task<T>> work, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var tx = await BeginAsync(db, ct).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                var result = await work(db).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>Runs one correction that returns nothing; see <see cref="RunAsync{T}"/>.</summary>
    public static Task RunAsync(IDbContextFactory<NewsDbContext> factory, Func<NewsDbContext, Task> work, CancellationToken ct) =>
        RunAsync(factory, async db =>
        {
            await work(db).ConfigureAwait(false);
            return true;
        }, ct);

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
