using System.Data;
using NewsReader.Core.Data;
using Npgsql;

namespace NewsReader.Core.Store;

/// <summary>
/// The one app instance that runs import jobs on a PostgreSQL store, for as long as it holds this:
/// a session advisory lock on a connection of its own (not pooled, so the lock lives exactly as long as
/// the connection). A killed instance's connection drops and the lock with it, so another instance
/// takes over within its next poll; and since only the holder runs jobs, a job it finds running is one
/// whose runner died, and is run again (its import was rolled back with the connection). Jobs are
/// claimed on the same connection, so a runner whose connection broke cannot claim one.
/// Why this and not a job library: docs/adr/0009-import-job-queue.md.
/// </summary>
public sealed class PostgresImportRunner : IAsyncDisposable
{
    /// <summary>The advisory lock key of the import runner ("IMPT" in ASCII; the writer's is "NEWS").</summary>
    public const long RunnerKey = 0x494D5054;

    private readonly NpgsqlConnection _connection;

    private PostgresImportRunner(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the runner lock; null when another instance holds it.</summary>
    public static async Task<PostgresImportRunner?> TryTakeAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = RunnerKey } } };
            await using (command.ConfigureAwait(false))
            {
                if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true)
                {
                    return new PostgresImportRunner(connection);
                }
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Marks the next job to run as running by <paramref name="runner"/> and returns its id: a job left
    /// running by a runner that is gone first, then the oldest waiting one; null when there is none.
    /// <c>FOR UPDATE SKIP LOCKED</c> keeps the claim safe even beside a runner that does not hold the lock.
    /// </summary>
    public async Task<Guid?> ClaimNextAsync(string runner, DateTime now, CancellationToken ct)
    {
        const string Claim =
            "UPDATE importjobs SET state = $3, runner = $1, startedat = $2, found = 0, handled = 0, finishedat = NULL, message = NULL " +
            "WHERE id = (SELECT id FROM importjobs WHERE state IN ($3, $4) ORDER BY state = $3 DESC, queuedat, id LIMIT 1 FOR UPDATE SKIP LOCKED) " +
            "RETURNING id";
        var command = new NpgsqlCommand(Claim, _connection)
        {
            Parameters =
            {
                new() { Value = runner },
                new() { Value = now },
                new() { Value = (int)ImportJobState.Running },
                new() { Value = (int)ImportJobState.Waiting },
            },
        };
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as Guid?;
        }
    }

    /// <summary>Whether the lock's connection is still open (a broken one lost the lock).</summary>
    public bool IsConnected => _connection.State == ConnectionState.Open;

    /// <summary>Lets the lock go (by closing its connection).</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
