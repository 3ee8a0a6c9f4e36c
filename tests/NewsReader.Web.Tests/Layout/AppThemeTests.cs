using NewsReader.Web.Layout;

namespace NewsReader.Web.Tests.Layout;

public sealed class AppThemeTests
{
    // Both palettes draw text as white or black at some opacity: the more opaque, the stronger.
    [Fact]
    public void Palettes_Headlines_AreStrongerThanTheSummariesUnderThem()
    {
        var dark = AppTheme.Theme.PaletteDark;
        var light = AppTheme.Theme.PaletteLight;

        Assert.True(dark.TextPrimary.A > dark.TextSecondary.A, $"dark: primary {dark.TextPrimary} is not stronger than secondary {dark.TextSecondary}");
        Assert.True(light.TextPrimary.A > light.TextSecondary.A, $"light: primary {light.TextPrimary} is not stronger than secondary {light.TextSecondary}");
    }
}
