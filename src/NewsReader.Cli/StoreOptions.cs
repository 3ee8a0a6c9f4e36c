using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Cli;

/// <summary>Where the store commands find the database: <c>--db PATH</c>, else <c>ConnectionStrings__News</c>, else <c>./data/news.db</c>.</summary>
public static class StoreOptions
{
    /// <summary>The environment variable that configuration binds to <c>ConnectionStrings:News</c>.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__News";

    /// <summary>The connection string the store commands use.</summary>
    public static string ConnectionString(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Get("--db") is { Length: > 0 } path)
        {
            return NewsDb.ConnectionStringFor(path);
        }

        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : NewsDb.ConnectionStringFor(NewsDb.DefaultPath("data"));
    }

    /// <summary>Opens the store and applies pending migrations.</summary>
    public static async Task<Microsoft.EntityFrameworkCore.IDbContextFactory<NewsDbContext>> OpenAsync(CliArgs args, CancellationToken ct)
    {
        var factory = NewsDb.CreateFactory(ConnectionString(args));
        await NewsDb.MigrateAsync(factory, ct).ConfigureAwait(false);
        return factory;
    }
}
