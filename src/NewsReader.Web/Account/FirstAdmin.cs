using NewsReader.Core.Accounts;

namespace NewsReader.Web.Account;

/// <summary>
/// The documented second way to get the first admin: <c>NEWSREADER_ADMIN_EMAIL</c> and
/// <c>NEWSREADER_ADMIN_PASSWORD</c>, read at start-up and used only while no admin exists (so
/// changing them later changes nothing, and an admin demoted on purpose is not silently recreated
/// as long as another admin exists).
/// </summary>
public static partial class FirstAdmin
{
    public const string EmailVariable = "NEWSREADER_ADMIN_EMAIL";
    public const string PasswordVariable = "NEWSREADER_ADMIN_PASSWORD";

    /// <summary>Creates the admin from the variables when both are set and the store has no admin yet.</summary>
    public static async Task EnsureFirstAdminAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = app.Configuration[EmailVariable];
        var password = app.Configuration[PasswordVariable];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstAdmin));
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        if (await accounts.AnyAdminAsync())
        {
            return;
        }

        var result = await accounts.CreateOrPromoteAsync(email.Trim(), password, NewsRoles.Admin);
        if (result.Succeeded)
        {
            LogCreated(logger, email.Trim(), EmailVariable);
        }
        else
        {
            // Not fatal: readers can still read; the log says exactly what to fix.
            LogRefused(logger, EmailVariable, string.Join(" ", result.Errors));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin {Email} from {Variable}; unset the variables now")]
    private static partial void LogCreated(ILogger logger, string email, string variable);

    [LoggerMessage(Level = LogLevel.Error, Message = "The first admin from {Variable} was not created: {Reasons}")]
    private static partial void LogRefused(ILogger logger, string variable, string reasons);
}
