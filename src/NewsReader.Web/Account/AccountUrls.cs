namespace NewsReader.Web.Account;

/// <summary>The account pages' addresses, and the rule for where a form may send the browser back to.</summary>
public static class AccountUrls
{
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string Register = "/account/register";
    public const string AccessDenied = "/account/access-denied";
    public const string ApiKeys = "/account/api-keys";
    public const string SavedSearches = "/account/saved";
    public const string Alerts = "/account/alerts";

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path on this site, else <c>/</c>: a sign-in link must
    /// never become a redirect to another site (open redirect), so <c>//host</c>, <c>/\host</c> and
    /// absolute URLs are refused.
    /// </summary>
    public static string LocalOrHome(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/')
        {
            return "/";
        }

        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }

        // Control characters (a newline, a tab) have no place in a path and can fool a browser's parser.
        return returnUrl.Any(char.IsControl) ? "/" : returnUrl;
    }

    /// <summary>The sign-in page that sends the browser back to <paramref name="returnUrl"/> afterwards.</summary>
    public static string SignInFor(string? returnUrl)
    {
        var local = LocalOrHome(returnUrl);
        return local == "/" ? SignIn : SignIn + "?ReturnUrl=" + Uri.EscapeDataString(local);
    }
}
