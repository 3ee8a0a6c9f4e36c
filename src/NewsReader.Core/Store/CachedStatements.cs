using System.Data.Common;

namespace NewsReader.Core.Store;

/// <summary>
/// Plain ADO.NET rather than EF change tracking: an import writes ~15 rows per story and tens of
/// thousands of stories per file, and tracking them would cost more than the writes (ADR 0004).
/// Each SQL text is made into a command once and reused with new values; column names are EF's, from
/// the configurations in <c>Data/</c> (the importer tests cover them). An engine supplies the command.
/// </summary>
internal abstract class CachedStatements : IStatements
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params object?[] args) =>
        await Prepare(sql, args).ExecuteScalarAsync(ct).ConfigureAwait(false) is var v && v is DBNull ? null : v;

    public abstract Task<long> InsertAsync(string sql, CancellationToken ct, params object?[] args);

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

    /// <summary>A new command for the SQL text with <paramref name="parameterCount"/> positional parameters, in the write's transaction.</summary>
    protected abstract DbCommand Create(string sql, int parameterCount);

    /// <summary>The SQL text's command (made on first use) with these values.</summary>
    protected DbCommand Prepare(string sql, object?[] args)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Create(sql, args.Length);
            _commands[sql] = command;
        }

        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters[i].Value = args[i] ?? DBNull.Value;
        }

        return command;
    }
}
