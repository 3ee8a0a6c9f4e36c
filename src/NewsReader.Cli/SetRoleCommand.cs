using NewsReader.Core.Accounts;

namespace NewsReader.Cli;

/// <summary><c>set-role --email E --role Reader|Admin [--db PATH]</c>: makes an account an admin, or a reader only.</summary>
public static class SetRoleCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.AllowOnly("--email", "--role", "--db", "--provider");
        var email = args.Get("--email")?.Trim();
        var role = NewsRoles.All.FirstOrDefault(r => string.Equals(r, args.Get("--role"), StringComparison.OrdinalIgnoreCase));
        if (args.Positional.Count > 0 || string.IsNullOrEmpty(email) || role is null)
        {
            throw new CliUsageException($"set-role needs --email E and --role {string.Join('|', NewsRoles.All)}");
        }

        return await AccountCommand.RunAsync(args, stdout, stderr, accounts => accounts.SetRoleAsync(email, role),
            _ => $"{email} is now {(role == NewsRoles.Admin ? "an admin" : "a reader")}; open sessions follow within a minute", create: false, ct).ConfigureAwait(false);
    }
}
