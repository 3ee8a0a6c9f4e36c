using NewsReader.Core.Accounts;

namespace NewsReader.Cli;

/// <summary>
/// <c>create-admin --email E --password P [--db PATH]</c>: creates the admin account, or makes an
/// existing account an admin (its password then stays as it was). The first admin comes from here,
/// since the app has no default password.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        args.AllowOnly("--email", "--password", "--db", "--provider");
        var email = args.Get("--email")?.Trim();
        var password = args.Get("--password");
        if (args.Positional.Count > 0 || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            throw new CliUsageException("create-admin needs --email E and --password P");
        }

        return await AccountCommand.RunAsync(args, stdout, stderr, accounts => accounts.CreateOrPromoteAsync(email, password, NewsRoles.Admin),
            created => created ? $"created admin {email}" : $"{email} is now an admin (password unchanged)", create: true, ct).ConfigureAwait(false);
    }
}
