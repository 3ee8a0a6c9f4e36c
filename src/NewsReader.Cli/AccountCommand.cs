using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;

namespace NewsReader.Cli;

/// <summary>What the account commands share: open the store, run one <see cref="AdminAccounts"/> operation, report.</summary>
internal static class AccountCommand
{
    public static async Task<int> RunAsync(
        CliArgs args, TextWriter stdout, TextWriter stderr,
        Func<AdminAccounts, Task<AccountResult>> operation, Func<bool, string> success, CancellationToken ct)
    {
        _ = await StoreOptions.OpenAsync(args, ct).ConfigureAwait(false); // applies migrations
        var services = AdminAccounts.CreateServices(StoreOptions.ConnectionString(args));
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

                await stdout.WriteLineAsync(success(result.Created)).ConfigureAwait(false);
                return CliApp.Ok;
            }
        }
    }
}
