namespace NewsReader.Web.Layout;

/// <summary>Which colours a reader chose: follow the system (the default), or always light or dark.</summary>
public enum ThemeMode
{
    System,
    Light,
    Dark,
}

/// <summary>
/// The theme known when a page is first rendered on the server. Cookies rather than local storage so
/// that the prerendered HTML already has the right colours, without a flash on load.
/// </summary>
public sealed record ThemePreference(ThemeMode Mode, bool SystemPrefersDark)
{
    /// <summary>Cookie with the reader's choice: <c>system</c>, <c>light</c> or <c>dark</c>.</summary>
    public const string CookieName = "theme";

    /// <summary>Cookie that app.js keeps in step with <c>prefers-color-scheme</c> (<c>1</c> for dark).</summary>
    public const string SystemDarkCookieName = "sysdark";

    /// <summary>Whether to render dark now.</summary>
    public bool IsDark => Mode == ThemeMode.Dark || (Mode == ThemeMode.System && SystemPrefersDark);

    /// <summary>Reads a cookie value; anything unknown means <see cref="ThemeMode.System"/>.</summary>
    public static ThemeMode Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "LIGHT" => ThemeMode.Light,
        "DARK" => ThemeMode.Dark,
        _ => ThemeMode.System,
    };

    /// <summary>The cookie value for a mode.</summary>
    public static string ToCookieValue(ThemeMode mode) => mode.ToString().ToLowerInvariant();
}
