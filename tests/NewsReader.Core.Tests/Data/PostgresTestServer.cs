using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using Npgsql;

namespace NewsReader.Core.Tests.Data;

/// <summary>
/// The PostgreSQL server the tests run against: <c>NEWSREADER_TEST_POSTGRES</c>, a connection string
/// that tests/with-postgres.sh (run by tests/run-all.sh) sets for a throwaway server. Without it the
/// PostgreSQL tests fail with this message; they never skip. Each test gets a new database, copied
/// from one migrated template per test process.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "NEWSREADER_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>The server's connection string (to its maintenance database).</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL tests need a server. Run them through tests/run-all.sh, or " +
                "bash tests/with-postgres.sh dotnet test ..., which start a throwaway one.");

    /// <summary>A connection string to database <paramref name="name"/> on the server.</summary>
    public static string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;

    /// <summary>A new, migrated, empty database of the test's own.</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var template = await TemplateAsync();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return new PostgresTestDatabase(name, ConnectionStringFor(name));
    }

    /// <summary>Runs a statement on the server's maintenance database.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var name = "template_" + Guid.NewGuid().ToString("N");
                await ExecuteAsync($"CREATE DATABASE {name}");
                var connectionString = ConnectionStringFor(name);
                var factory = NewsDb.CreateFactory(connectionString, StoreEngine.Postgres);
                await NewsDb.MigrateAsync(factory);

                // A template must have no connections while it is copied.
                await using (var db = await factory.CreateDbContextAsync())
                {
                    NpgsqlConnection.ClearPool((NpgsqlConnection)db.Database.GetDbConnection());
                }

                NpgsqlConnection.ClearAllPools();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
                _template = name;
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void Drop(string name)
    {
        try
        {
            ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The server is thrown away after the run anyway.
        }
    }
}

/// <summary>One test's PostgreSQL database; dropped on dispose.</summary>
public sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await PostgresTestServer.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
