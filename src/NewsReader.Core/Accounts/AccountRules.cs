using Microsoft.AspNetCore.Identity;

namespace NewsReader.Core.Accounts;

/// <summary>
/// The Identity rules every host applies (web app, CLI, tests), so a password the CLI accepts is one
/// the web app accepts too, and lockout means the same everywhere.
/// </summary>
public static class AccountRules
{
    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted: length matters more than character classes.</summary>
    public const int MinPasswordLength = 10;

    /// <summary>Applies the rules to Identity's options.</summary>
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        options.Password.RequiredLength = MinPasswordLength;
    }
}
