namespace NewsReader.Web.Account;

/// <summary>The accounts settings (section <c>Accounts</c> of appsettings.json); documented in README.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Whether anyone may create a Reader account on <c>/account/register</c>.</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>Sign-in and register POSTs accepted per client IP address in each window.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>The rate limit's window in seconds.</summary>
    public int SignInWindowSeconds { get; set; } = 60;
}
