using System.Diagnostics;
using System.Globalization;
using NewsReader.Core.Extraction;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Benchmarks;

/// <summary>
/// Runs the parse pipeline once over a file in a fresh process and reports wall time, MB/s and the
/// process's peak working set relative to the file size. BenchmarkDotNet reports allocations, not
/// peaks, so this is the measure behind "peak memory &lt;= 3x the file size". Also reports the process's
/// CPU time, which (unlike wall time) stays meaningful on a machine shared with other work; with
/// <c>--extraction-only</c> it splits the file first and times <see cref="StoryAnalyzer.Analyze"/> alone.
/// </summary>
public static class PeakMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            await Console.Error.WriteLineAsync("usage: peak FILE [--no-extract | --extraction-only]").ConfigureAwait(false);
            return 2;
        }

        var path = args[0];
        var extract = !args.Contains("--no-extract");
        var extractionOnly = args.Contains("--extraction-only");
        var size = new FileInfo(path).Length;
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        using var me = Process.GetCurrentProcess();
        var cpuStart = me.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var text = await SeedReader.ReadFileAsync(path).ConfigureAwait(false);
        var read = clock.Elapsed;
        me.Refresh();
        var peakAfterRead = me.PeakWorkingSet64;
        int articles;
        TimeSpan? extractionCpu = null;
        if (extractionOnly)
        {
            var (split, _) = SeedParser.Split(text);
            var analyzer = StoryAnalyzer.LoadDefault();
            var headlines = split.Articles.Select(a => HeadlineWriter.Write(a.Title, a.Paragraphs).Title).ToList();
            articles = split.Articles.Count;
            me.Refresh();
            var before = me.TotalProcessorTime;
            for (var k = 0; k < articles; k++)
            {
                _ = analyzer.Analyze(headlines[k], split.Articles[k].Paragraphs);
            }

            me.Refresh();
            extractionCpu = me.TotalProcessorTime - before;
        }
        else if (extract)
        {
            articles = SeedParser.CreateDefault().Parse(text).Articles.Count;
        }
        else
        {
            var (split, _) = SeedParser.Split(text);
            articles = split.Articles.Count;
            foreach (var a in split.Articles)
            {
                _ = HeadlineWriter.Write(a.Title, a.Paragraphs);
            }
        }

        var total = clock.Elapsed;
        me.Refresh();
        var cpu = me.TotalProcessorTime - cpuStart;
        GC.KeepAlive(text);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64;
        var mb = size / 1e6;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"file {mb:F1} MB, {articles} articles, extraction {(extract ? "on" : "off")}"));
        Console.WriteLine(string.Create(inv, $"read {read.TotalSeconds:F2} s, total {total.TotalSeconds:F2} s, {mb / total.TotalSeconds:F1} MB/s"));
        Console.WriteLine(string.Create(inv, $"cpu {cpu.TotalSeconds:F2} s, {mb / cpu.TotalSeconds:F1} MB/s of CPU time (all threads, after start-up)"));
        if (extractionCpu is { } ex)
        {
            Console.WriteLine(string.Create(inv, $"extraction alone: cpu {ex.TotalSeconds:F2} s, {mb / ex.TotalSeconds:F1} MB/s"));
        }

        Console.WriteLine(string.Create(inv, $"peak working set {peak / 1e6:F0} MB ({(double)peak / size:F2}x file), at start {baseline / 1e6:F0} MB, above start {(double)(peak - baseline) / size:F2}x file; peak by the end of reading {peakAfterRead / 1e6:F0} MB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections of gen 0/1/2"));
        foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
        {
            var gc = GC.GetGCMemoryInfo(kind);
            if (gc.Index > 0)
            {
                Console.WriteLine(string.Create(inv, $"last {kind} GC: #{gc.Index} gen {gc.Generation}, {(gc.Compacted ? "compacting" : "sweeping")}, promoted {gc.PromotedBytes / 1e6:F0} MB, heap {gc.HeapSizeBytes / 1e6:F0} MB, committed {gc.TotalCommittedBytes / 1e6:F0} MB"));
            }
        }

        return 0;
    }
}
