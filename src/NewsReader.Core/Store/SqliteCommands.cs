using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsReader.Core.Store;

/// <summary>The importer's statements on SQLite: prepared once per SQL text, positional <c>$pN</c> parameters.</summary>
internal sealed class SqliteStatements : IStatementRunner
{
    public IStatements Open(DbConnection connection, DbTransaction transaction) =>
        new SqliteCommands((SqliteConnection)connection, (SqliteTransaction)transaction);

    // The transaction writes far more than SQLite's default 2 MB page cache; spilling dirty pages
    // mid-transaction and reading them back costs more than the memory (this connection only).
    public Task PrepareBulkWriteAsync(IStatements sql, CancellationToken ct) => sql.ExecuteAsync("PRAGMA cache_size = -65536", ct);
}

/// <summary>
/// Plain ADO.NET rather than EF change tracking: an import writes ~15 rows per story and tens of
/// thousands of stories per file, and tracking them would cost more than the writes (ADR 0004).
/// Column names are EF's, from the configurations in <c>Data/</c>; the importer tests cover them.
/// </summary>
internal sealed class SqliteCommands(SqliteConnection connection, SqliteTransaction transaction) : IStatements
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params object?[] args) =>
        await Prepare(sql, args).ExecuteScalarAsync(ct).ConfigureAwait(false) is var v && v is DBNull ? null : v;

    /// <summary>
    /// Measured: INSERT ... RETURNING through ExecuteScalar costs about a millisecond per row here, a
    /// plain INSERT then last_insert_rowid() a fraction of that.
    /// </summary>
    public async Task<long> InsertAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await Prepare(sql, args).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return (long)(await Prepare("SELECT last_insert_rowid()", []).ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args) =>
        Prepare(sql, args).ExecuteNonQueryAsync(ct);

    public async Task<DbDataReader> ReadAsync(string sql, CancellationToken ct, params object?[] args) =>
        await Prepare(sql, args).ExecuteReaderAsync(ct).ConfigureAwait(false);

    public void Dispose()
    {
        foreach (var c in _commands.Values)
        {
            c.Dispose();
        }
    }

    // Parameters are positional: $p0, $p1... in the SQL text, values in order.
    private SqliteCommand Prepare(string sql, object?[] args)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant in this assembly; values go in parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            for (var i = 0; i < args.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            _commands[sql] = command;
        }

        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters[i].Value = args[i] ?? DBNull.Value;
        }

        return command;
    }
}
