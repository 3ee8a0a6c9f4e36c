using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace NewsReader.E2E.Infrastructure;

/// <summary>
/// The app on real Kestrel (not TestServer: a browser needs a socket) on a free loopback port, over a
/// temporary store that start-up fills from <c>seeds/</c>, plus one headless Debian Chromium shared by
/// the tests. Each test opens its own browser context, so cookies and storage never leak between tests.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser downloads cannot work on these machines.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataFolder =
        Path.Combine(Path.GetTempPath(), "newsreader-e2e-" + Guid.NewGuid().ToString("N"));

    private IPlaywright? _playwright;

    public AppServer() => UseKestrel(0);

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: a folder of the test run's output.</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // For trying the tests against a richer store by hand: a data folder to copy instead of importing seeds.
        var sample = Environment.GetEnvironmentVariable("NEWSREADER_E2E_DATA");
        if (!string.IsNullOrEmpty(sample) && File.Exists(Path.Combine(sample, "news.db")))
        {
            Directory.CreateDirectory(_dataFolder);
            File.Copy(Path.Combine(sample, "news.db"), Path.Combine(_dataFolder, "news.db"));
        }

        builder.UseEnvironment("Production"); // as the README's run command starts it
        builder.UseContentRoot(RepoPaths.WebProject);
        builder.UseSetting("Reader:DataFolder", _dataFolder);
        builder.UseSetting("Reader:SeedsFolder", RepoPaths.Seeds);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Every test signs in from 127.0.0.1; the sign-in rate limit has its own HTTP test.
        builder.UseSetting("Accounts:SignInPermitLimit", "100000");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", // the tests run as root, where Chromium's sandbox cannot start
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // This machine has no network beyond loopback: stop Chromium's own background calls.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) and page at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot of the viewport as test output and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL for a moment; a leftover temp folder is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppGroup : ICollectionFixture<AppServer>
{
    public const string Name = "app";
}
