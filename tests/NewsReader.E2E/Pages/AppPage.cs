using Microsoft.Playwright;
using NewsReader.E2E.Infrastructure;

namespace NewsReader.E2E.Pages;

/// <summary>What every page has: the app bar with its search box and theme switch, and a main heading.</summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SearchBox => Page.GetByRole(AriaRole.Search).First.GetByLabel("Search stories");

    /// <summary>The account corner of the app bar: "Sign in" when anonymous.</summary>
    public ILocator SignInLink => Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>Shown to admins only (the server checks the role; this is a convenience).</summary>
    public ILocator AdminLink => Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true });

    /// <summary>The theme menu's button; its name says the current choice ("Theme: light (change)").</summary>
    public ILocator ThemeButton => Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Theme:") });

    /// <summary>An item of the open theme menu: "Light", "Dark" or "Follow system".</summary>
    public ILocator ThemeChoice(string choice) => Page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new("^" + choice) });

    /// <summary>Waits until an open menu or list has finished fading in (axe and screenshots see it whole).</summary>
    public Task WaitForOpenPopoverAsync() =>
        Page.WaitForFunctionAsync(
            "() => { const p = document.querySelector('.mud-popover-open'); return !!p && getComputedStyle(p).opacity === '1'; }");

    /// <summary>Opens the theme menu and picks <paramref name="choice"/>.</summary>
    public async Task ChooseThemeAsync(string choice)
    {
        await ThemeButton.ClickAsync();
        await ThemeChoice(choice).ClickAsync();
        await Assertions.Expect(ThemeChoice(choice)).ToBeHiddenAsync();
    }

    /// <summary>Waits until the circuit is connected (the layout marks <c>main</c> then).</summary>
    public Task WaitInteractiveAsync() =>
        Page.Locator("main[data-interactive=true]").WaitForAsync();

    /// <summary>Focuses the search with the <c>/</c> shortcut, types, and submits with Enter.</summary>
    public async Task<HomePage> SearchAsync(string text)
    {
        await WaitInteractiveAsync();
        await Page.Locator("body").PressAsync("/");
        await Assertions.Expect(SearchBox).ToBeFocusedAsync();
        await SearchBox.PressSequentiallyAsync(text);
        await Assertions.Expect(SearchBox).ToHaveValueAsync(text);
        await SearchBox.PressAsync("Enter");
        try
        {
            await Page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal), new() { Timeout = 7_500 });
        }
        catch (TimeoutException)
        {
            // Seen once in a few dozen clean runs: the Enter was taken before the circuit had the
            // typed text, and the search went nowhere. A person presses Enter again; so does the test.
            await SearchBox.PressAsync("Enter");
            await Page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        }

        return new HomePage(Page);
    }

    /// <summary>
    /// The page as it stands, at 1280 and 375 px wide in the light and the dark theme: a screenshot of
    /// each (<paramref name="name"/>-WIDTH[-dark]), <paramref name="check"/> when given, and axe; then
    /// back to 1280 × 900 (the theme stays dark).
    /// </summary>
    public async Task ScreenshotAndAxeInEveryWidthAndThemeAsync(string name, Func<Task>? check = null)
    {
        foreach (var (width, height) in new[] { (1280, 900), (375, 800) })
        {
            foreach (var dark in new[] { false, true })
            {
                await Page.SetViewportSizeAsync(width, height);
                await Page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
                await WaitForThemeAsync(dark);
                await AppServer.ScreenshotAsync(Page, $"{name}-{width}{(dark ? "-dark" : string.Empty)}");
                if (check is not null)
                {
                    await check();
                }

                await Accessibility.AssertNoSeriousViolationsAsync(Page);
            }
        }

        await Page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>Waits until the page background is dark (or light), as the theme switch repaints.</summary>
    public async Task WaitForThemeAsync(bool dark)
    {
        var test = dark ? "l < 0.3" : "l > 0.7";
        await Page.WaitForFunctionAsync(
            "() => { const c = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);"
            + " const l = (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255; return " + test + "; }");
    }

    /// <summary>The page background colour's relative luminance (0 black … 1 white).</summary>
    public async Task<double> BackgroundLuminanceAsync()
    {
        var rgb = await Page.EvaluateAsync<double[]>(
            "() => getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).slice(0, 3).map(Number)");
        return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255.0;
    }
}
