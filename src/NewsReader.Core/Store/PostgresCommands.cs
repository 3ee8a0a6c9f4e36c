using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace NewsReader.Core.Store;

/// <summary>The importer's statements on PostgreSQL: the portable SQL's <c>$pN</c> become Npgsql's positional <c>$N+1</c>.</summary>
internal sealed partial class PostgresStatements : IStatementRunner
{
    public IStatements Open(DbConnection connection, DbTransaction transaction) =>
        new PostgresCommands((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);

    // Nothing to tune per transaction: the server's own settings govern a long write.
    public Task PrepareBulkWriteAsync(IStatements sql, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Rewrites <c>$p0</c>, <c>$p1</c>... to <c>$1</c>, <c>$2</c>... (the SQL is the app's own constants).</summary>
    public static string Positional(string sql) =>
        ParameterName().Replace(sql, m => "$" + (int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\$p(\d+)")]
    private static partial Regex ParameterName();
}

/// <summary>
/// The importer's statements on an Npgsql connection. Npgsql prepares a statement on the server once
/// it repeats (<see cref="PostgresProvider.WithDefaults"/>).
/// </summary>
internal sealed class PostgresCommands(NpgsqlConnection connection, NpgsqlTransaction transaction) : CachedStatements
{
    /// <summary>The new id comes back with the INSERT (<c>RETURNING id</c>), one round trip.</summary>
    public override async Task<long> InsertAsync(string sql, CancellationToken ct, params object?[] args) =>
        Convert.ToInt64(await Prepare(sql + " RETURNING Id", args).ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);

    protected override DbCommand Create(string sql, int parameterCount)
    {
#pragma warning disable CA2100 // Every statement is a constant in this assembly; values go in parameters.
        var command = new NpgsqlCommand(PostgresStatements.Positional(sql), connection, transaction);
#pragma warning restore CA2100
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new NpgsqlParameter());
        }

        return command;
    }
}
