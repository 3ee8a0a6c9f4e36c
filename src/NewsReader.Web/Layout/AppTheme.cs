using MudBlazor;

namespace NewsReader.Web.Layout;

/// <summary>The app's MudBlazor theme: system fonts (nothing is fetched from a font host) and contrast-checked colours.</summary>
public static class AppTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>The theme for both palettes.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b5e9e",
            Secondary = "#7a3e9d",
            Error = "#c62828", // as text (an outlined Delete button), MudBlazor's #f44336 is under 3.7:1 on white (axe); this is over 5.3:1
            AppbarBackground = "#12406b",
            AppbarText = "#ffffff",
            Background = "#f7f8fa",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab8ff",
            PrimaryContrastText = "#0b1a2e",
            Secondary = "#d7a6f5",
            SecondaryContrastText = "#1e0b2b",
            AppbarBackground = "#1a1d24",
            AppbarText = "#f0f0f0",
            Background = "#121418",
            Surface = "#1c1f26",
            // Headlines (primary) brighter than the summaries under them (secondary); MudBlazor's
            // dark default for primary text is dimmer than this secondary.
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.75)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "2rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.2rem", FontWeight = "600", LineHeight = "1.35" },
        },
    };
}
