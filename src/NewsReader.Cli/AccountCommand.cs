using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Cli;

/// <summary>What the account commands share: open the store, run one <see cref="AdminAccounts"/> operation, report.</summary>
internal static class AccountCommand
{
    /// <param name="create">Create the store when missing (an admin for a new store); false refuses a missing store (exit 2).</param>
    public static async Task<int> RunAsync(
        CliArgs args, TextWriter stdout, TextWriter stderr,
        Func<AdminAccounts, Task<AccountResult>> operation, Func<bool, string> success, bool create, CancellationToken ct)
    {
        // The store the web app opens from this folder (StoreOptions): an admin created in a store the
        // app never opens would be a silent failure.
        _ = await StoreOptions.OpenAsync(args, ct, create).ConfigureAwait(false);
        var choice = StoreOptions.Find(args);
        var connectionString = choice.ConnectionString;
        var services = AdminAccounts.CreateServices(connectionString, choice.Engine);
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

                var store = NewsDb.DataSourceOf(connectionString, choice.Engine);
                await stdout.WriteLineAsync($"{success(result.Created)} (store {store})").ConfigureAwait(false);
                return CliApp.Ok;
            }
        }
    }
}
