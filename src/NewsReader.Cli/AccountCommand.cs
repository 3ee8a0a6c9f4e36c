using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Cli;

/// <summary>What the account commands share: open the store, run one <see cref="AdminAccounts"/> operation, report.</summary>
internal static class AccountCommand
{
    /// <summary>The web app's store seen from the repository root (its default data folder).</summary>
    private static readonly string WebStore = Path.Combine("src", "NewsReader.Web", "data", NewsDb.DefaultFileName);

    /// <summary>
    /// Like the other commands (<c>--db</c>, else <c>ConnectionStrings__News</c>), except that run from
    /// the repository root with neither, the account goes where the web app will look for it: its
    /// default store under <c>src/NewsReader.Web/data</c>, not <c>./data</c>. An admin created in a
    /// store the app never opens would be a silent failure.
    /// </summary>
    public static string ConnectionString(CliArgs args)
    {
        var atRepositoryRoot = File.Exists(Path.Combine("src", "NewsReader.Web", "appsettings.json"));
        if (args.Get("--db") is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(StoreOptions.EnvironmentVariable)) && atRepositoryRoot)
        {
            return NewsDb.ConnectionStringFor(WebStore);
        }

        return StoreOptions.ConnectionString(args);
    }

    public static async Task<int> RunAsync(
        CliArgs args, TextWriter stdout, TextWriter stderr,
        Func<AdminAccounts, Task<AccountResult>> operation, Func<bool, string> success, CancellationToken ct)
    {
        var connectionString = ConnectionString(args);
        await NewsDb.MigrateAsync(NewsDb.CreateFactory(connectionString), ct).ConfigureAwait(false);
        var services = AdminAccounts.CreateServices(connectionString);
        await using (services.ConfigureAwait(false))
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var result = await operation(scope.ServiceProvider.GetRequiredService<AdminAccounts>()).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    // Identity's own messages ("Passwords must be at least 10 characters."), one a line.
                    foreach (var error in result.Errors)
                    {
                        await stderr.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                    }

                    return CliApp.BadInput;
                }

                var store = NewsDb.DataSourceOf(connectionString);
                await stdout.WriteLineAsync($"{success(result.Created)} (store {store})").ConfigureAwait(false);
                return CliApp.Ok;
            }
        }
    }
}
