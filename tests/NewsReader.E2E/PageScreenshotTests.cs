using Microsoft.Playwright;
using NewsReader.E2E.Infrastructure;
using NewsReader.E2E.Pages;

namespace NewsReader.E2E;

/// <summary>
/// The reader pages issue 20 changed, at 1280 and 375 px, light and dark: a screenshot of each as
/// test output (to look at), and axe on each.
/// </summary>
[Collection(AppGroup.Name)]
public sealed class PageScreenshotTests(AppServer app)
{
    [Theory]
    [InlineData("filtered-company", "/?company=tencent", true)]
    [InlineData("search-phrase", "/?q=%22Open+Infrastructure+Foundation%22", true)]
    [InlineData("directory-of-results", "/companies?country=china", true)]
    [InlineData("story-folded", "/articles/the-dynamic-between-chinese-and-united-states-tech-companies-has-undergone", true)]
    [InlineData("register", "/account/register", false)]
    [InlineData("sign-in", "/account/sign-in", false)]
    public async Task Page_WidthsAndThemes_ScreenshotAndAxe(string name, string url, bool interactive)
    {
        foreach (var (width, height) in new[] { (1280, 900), (375, 800) })
        {
            foreach (var dark in new[] { false, true })
            {
                var page = await app.NewPageAsync(width, height, dark ? ColorScheme.Dark : ColorScheme.Light);
                await page.GotoAsync(url);
                var shown = new HomePage(page);
                if (interactive)
                {
                    await shown.WaitInteractiveAsync();
                    await shown.WaitForThemeAsync(dark);
                }
                else
                {
                    await Assertions.Expect(shown.Heading).ToBeVisibleAsync();
                }

                await AppServer.ScreenshotAsync(page, $"{name}-{width}{(dark ? "-dark" : string.Empty)}");
                await Accessibility.AssertNoSeriousViolationsAsync(page);
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task Register_WeakPassword_ErrorsInTheColumn()
    {
        foreach (var width in new[] { 1280, 375 })
        {
            var page = await app.NewPageAsync(width, 800);
            await page.GotoAsync("/account/register");
            await page.GetByLabel("E-mail").FillAsync($"weak-{Guid.NewGuid():N}@example.test");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("onlylowercaseletters");
            await page.GetByLabel("Password again").FillAsync("onlylowercaseletters");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

            var errors = page.Locator(".account-form ul.form-error");
            await Assertions.Expect(errors).ToBeVisibleAsync();
            // The bullets hang inside the form's column, not left of it.
            var list = await errors.BoundingBoxAsync();
            var heading = await new HomePage(page).Heading.BoundingBoxAsync();
            var indent = await errors.EvaluateAsync<double>("ul => parseFloat(getComputedStyle(ul).paddingLeft)");
            Assert.True(list!.X >= heading!.X - 1 && indent >= 12, $"list at {list.X} (padding {indent}) against the column at {heading.X}");
            await AppServer.ScreenshotAsync(page, $"register-errors-{width}");
            await page.Context.CloseAsync();
        }
    }
}
