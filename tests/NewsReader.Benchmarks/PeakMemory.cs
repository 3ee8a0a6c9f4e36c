using System.Diagnostics;
using System.Globalization;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Benchmarks;

/// <summary>
/// Runs the parse pipeline once over a file in a fresh process and reports wall time, MB/s and the
/// process's peak working set relative to the file size. BenchmarkDotNet reports allocations, not
/// peaks, so this is the measure behind "peak memory &lt;= 3x the file size".
/// </summary>
public static class PeakMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            await Console.Error.WriteLineAsync("usage: peak FILE [--no-extract]").ConfigureAwait(false);
            return 2;
        }

        var path = args[0];
        var extract = !args.Contains("--no-extract");
        var size = new FileInfo(path).Length;
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var text = await SeedReader.ReadFileAsync(path).ConfigureAwait(false);
        var read = clock.Elapsed;
        int articles;
        if (extract)
        {
            articles = SeedParser.CreateDefault().Parse(text).Articles.Count;
        }
        else
        {
            var split = SeedSplitter.Split(text);
            articles = split.Articles.Count;
            foreach (var a in split.Articles)
            {
                _ = HeadlineWriter.Write(a.Title, a.Paragraphs);
            }
        }

        var total = clock.Elapsed;
        GC.KeepAlive(text);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64;
        var mb = size / 1e6;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"file {mb:F1} MB, {articles} articles, extraction {(extract ? "on" : "off")}"));
        Console.WriteLine(string.Create(inv, $"read {read.TotalSeconds:F2} s, total {total.TotalSeconds:F2} s, {mb / total.TotalSeconds:F1} MB/s"));
        Console.WriteLine(string.Create(inv, $"peak working set {peak / 1e6:F0} MB ({(double)peak / size:F2}x file), at start {baseline / 1e6:F0} MB, above start {(double)(peak - baseline) / size:F2}x file"));
        return 0;
    }
}
