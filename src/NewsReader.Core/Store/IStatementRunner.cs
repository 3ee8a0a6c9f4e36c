using System.Data.Common;

namespace NewsReader.Core.Store;

/// <summary>
/// The importer's statements inside its one transaction: plain ADO.NET, prepared once and reused
/// for every story of a file (ADR 0004). SQL text uses positional parameters <c>$p0</c>, <c>$p1</c>...;
/// an engine whose driver spells them otherwise rewrites them once, when it prepares a statement.
/// </summary>
public interface IStatementRunner
{
    /// <summary>Statements on the connection and transaction of a write.</summary>
    IStatements Open(DbConnection connection, DbTransaction transaction);

    /// <summary>Settings for a long bulk transaction on this connection (cache sizes and the like).</summary>
    Task PrepareBulkWriteAsync(IStatements sql, CancellationToken ct);

}

/// <summary>Prepared statements on one connection and transaction; disposing releases them.</summary>
public interface IStatements : IDisposable
{
    /// <summary>Runs a statement and returns the first column of the first row (or null).</summary>
    Task<object?> ScalarAsync(string sql, CancellationToken ct, params object?[] args);

    /// <summary>Runs an INSERT into a table with an integer key and returns the new row's id.</summary>
    Task<long> InsertAsync(string sql, CancellationToken ct, params object?[] args);

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args);

    /// <summary>Runs a query; dispose the reader before the next statement.</summary>
    Task<DbDataReader> ReadAsync(string sql, CancellationToken ct, params object?[] args);
}
