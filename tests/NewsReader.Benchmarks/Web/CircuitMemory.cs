using System.Globalization;
using Microsoft.Playwright;

namespace NewsReader.Benchmarks.Web;

/// <summary>
/// Memory per connected interactive circuit (issue 5): opens N browser tabs on a running reader,
/// waits until each tab's circuit is up (the layout marks <c>main[data-interactive=true]</c>), and
/// reads the server process's resident memory from /proc before, halfway and at the end.
/// With <c>--gcdump TOOL</c> (the path of <c>dotnet-gcdump</c>) it also reads the live managed heap
/// at each point: a gcdump runs a full collection first, so garbage does not count.
/// Usage: <c>--circuits URL PID [--count 200] [--gcdump ~/.dotnet/tools/dotnet-gcdump]</c>
/// (Debian's /usr/bin/chromium, headless).
/// </summary>
public static class CircuitMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args[0];
        var pid = int.Parse(args[1], CultureInfo.InvariantCulture);
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(200);
        var gcdump = args.SkipWhile(a => a != "--gcdump").Skip(1).FirstOrDefault();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", // runs as root, where Chromium's sandbox cannot start
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                // Tabs of one site share a few renderer processes: 200 tabs fit in memory.
                "--renderer-process-limit=4",
                // Hidden tabs would throttle timers; keep every circuit as alive as a visible one.
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
            ],
        });

        // One tab first, so the server has compiled and cached what any circuit needs.
        var context = await browser.NewContextAsync();
        var pages = new List<IPage> { await OpenAsync(context, url) };
        await Task.Delay(3000);
        var start = Memory(pid);
        var heapStart = await HeapAsync(gcdump, pid);
        Console.WriteLine($"1 circuit: {Mb(start)}{HeapText(heapStart)}");
        var half = start;
        while (pages.Count < count)
        {
            var batch = Math.Min(10, count - pages.Count);
            pages.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenAsync(context, url))));
            if (pages.Count == (count / 2) + 1)
            {
                await Task.Delay(3000);
                half = Memory(pid);
                Console.WriteLine($"{pages.Count} circuits: {Mb(half)}{HeapText(await HeapAsync(gcdump, pid))}");
            }
        }

        await Task.Delay(5000);
        var end = Memory(pid);
        var heapEnd = await HeapAsync(gcdump, pid);
        Console.WriteLine($"{pages.Count} circuits: {Mb(end)}{HeapText(heapEnd)}");
        if (heapStart is { } h0 && heapEnd is { } h1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live managed heap per circuit: {(h1 - h0) / 1024.0 / (pages.Count - 1):0} KB"));
        }

        var open = await CountInteractiveAsync(pages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{open} of {pages.Count} tabs interactive; per circuit: {(end.Rss - start.Rss) / 1024.0 / (pages.Count - 1):0} KB resident, {(end.Anon - start.Anon) / 1024.0 / (pages.Count - 1):0} KB anonymous " +
            $"(second half alone: {(end.Rss - half.Rss) / 1024.0 / (pages.Count - ((count / 2) + 1)):0} KB resident)"));
        return 0;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("main[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 120_000 });
        return page;
    }

    private static async Task<int> CountInteractiveAsync(List<IPage> pages)
    {
        var n = 0;
        foreach (var page in pages)
        {
            n += await page.Locator("main[data-interactive=true]").CountAsync();
        }

        return n;
    }

    private static string HeapText(long? heap) =>
        heap is { } h ? string.Create(CultureInfo.InvariantCulture, $", live managed heap {h / 1e6:0.0} MB") : string.Empty;

    /// <summary>The live managed heap in bytes, from a gcdump of the process (null without the tool).</summary>
    private static async Task<long?> HeapAsync(string? tool, int pid)
    {
        if (tool is null)
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"circuits-{pid}.gcdump");
        await RunAsync(tool, $"collect -p {pid} -o {file}");
        var report = await RunAsync(tool, $"report {file}");
        File.Delete(file);
        var line = report.Split('\n').First(l => l.Contains("GC Heap bytes", StringComparison.Ordinal));
        return long.Parse(line.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string tool, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static string Mb((long Rss, long Anon) m) =>
        string.Create(CultureInfo.InvariantCulture, $"resident {m.Rss / 1e6:0.0} MB, anonymous {m.Anon / 1e6:0.0} MB");

    /// <summary>Resident and anonymous (heap, not mapped files) memory of a process, in bytes.</summary>
    private static (long Rss, long Anon) Memory(int pid)
    {
        long Field(string name) => long.Parse(
            File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Field("VmRSS"), Field("RssAnon"));
    }
}
