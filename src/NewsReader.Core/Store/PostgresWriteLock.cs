using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Data;
using Npgsql;

namespace NewsReader.Core.Store;

/// <summary>
/// One writer at a time on PostgreSQL, across every app instance on the database: a transaction-level
/// advisory lock taken first thing in the write transaction (released by its commit or rollback, or
/// when a killed process's connection drops). The wait is the transaction's <c>lock_timeout</c>.
/// Readers never wait for it (MVCC), as with SQLite's WAL.
/// </summary>
public sealed class PostgresWriteLock : IWriteLock
{
    /// <summary>The advisory lock key of the store's writer (any fixed number; "NEWS" in ASCII).</summary>
    public const long WriterKey = 0x4E455753;

    private const string LockNotAvailable = "55P03";

    public async Task<IDbContextTransaction> BeginAsync(NewsDbContext db, TimeSpan wait, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            var ms = (long)Math.Clamp(Math.Ceiling(wait.TotalMilliseconds), 1, int.MaxValue);
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = tx.GetDbTransaction();
#pragma warning disable CA2100 // A number and a constant, never input.
                command.CommandText = string.Create(CultureInfo.InvariantCulture,
                    $"SET LOCAL lock_timeout = {ms}; SELECT pg_advisory_xact_lock({WriterKey}); SET LOCAL lock_timeout = 0;");
#pragma warning restore CA2100
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return tx;
        }
        catch (PostgresException e) when (e.SqlState == LockNotAvailable)
        {
            await tx.DisposeAsync().ConfigureAwait(false);
            throw new StoreBusyException(string.Create(CultureInfo.InvariantCulture,
                $"another writer held the store for more than {wait.TotalSeconds:0.#} s"), e);
        }
        catch
        {
            await tx.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
