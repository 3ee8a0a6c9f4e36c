using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsReader.Core.Dedup;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Benchmarks.Parsing;

/// <summary>
/// Runs read + split + headline once and prints the process CPU time of each stage (the profile a
/// shared machine allows without dotnet-trace), and with <c>--dump OUT</c> writes every article's
/// start line, confidence, duplicate flag, paragraph kinds, headline and summary, so two builds can be
/// compared byte for byte.
/// </summary>
public static class StageReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            await Console.Error.WriteLineAsync("usage: stages FILE [--dump OUT] [--alloc]").ConfigureAwait(false);
            return 2;
        }

        var path = args[0];
        var dumpAt = Array.IndexOf(args, "--dump");
        var dump = dumpAt > 0 && dumpAt + 1 < args.Length ? args[dumpAt + 1] : null;
        var mb = new FileInfo(path).Length / 1e6;
        using var sampler = args.Contains("--alloc") ? new AllocationSampler() : null;
        using var me = Process.GetCurrentProcess();
        var inv = CultureInfo.InvariantCulture;
        var last = Cpu(me);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var paused = GC.GetTotalPauseDuration();
        void Stage(string name)
        {
            var now = Cpu(me);
            var alloc = GC.GetTotalAllocatedBytes(precise: false);
            var pause = GC.GetTotalPauseDuration();
            var gc = GC.GetGCMemoryInfo();
            Console.WriteLine(string.Create(inv, $"{name,-12} cpu {(now - last).TotalSeconds,6:F2} s   allocated {(alloc - allocated) / 1e6,7:F1} MB   GC pauses {(pause - paused).TotalSeconds,5:F2} s   heap {gc.HeapSizeBytes / 1e6,5:F0} MB committed {gc.TotalCommittedBytes / 1e6,5:F0} MB   working set {me.WorkingSet64 / 1e6,4:F0} MB peak {me.PeakWorkingSet64 / 1e6,4:F0} MB"));
            last = now;
            allocated = alloc;
            paused = pause;
        }

        var start = last;
        var text = await SeedReader.ReadFileAsync(path).ConfigureAwait(false);
        Stage("read");
        if (sampler is not null)
        {
            sampler.Enabled = true; // what the split and headlines allocate, by type
        }

        var lexicon = SplitterLexicon.Default;
        var (header, paragraphs) = SeedSplitter.Prepare(text.Lines, lexicon);
        Stage("prepare");
        var evidence = BoundaryScorer.Score(paragraphs, lexicon);
        Stage("score");
        var split = SeedSplitter.SplitSeed(text.Lines, lexicon);
        Stage("split again");
        var articles = split.Articles;
        var duplicateOf = DuplicateFinder.Find([.. articles.Select(a => a.Paragraphs)]);
        Stage("duplicates");
        var heads = new List<(string Title, string Summary)>(articles.Count);
        foreach (var a in articles)
        {
            heads.Add(HeadlineWriter.Write(a.Title, a.Paragraphs));
        }

        Stage("headlines");

        // The word scan alone (every split stage scans words) over every line, five times: the
        // fastest round is what a change to WordScanner costs or saves, least disturbed by other load.
        var words = 0;
        var fastestScan = TimeSpan.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = Cpu(me);
            words = 0;
            foreach (var line in text.Lines)
            {
                var scanner = new WordScanner(line);
                while (scanner.MoveNext())
                {
                    words++;
                }
            }

            fastestScan = TimeSpan.FromTicks(Math.Min(fastestScan.Ticks, (Cpu(me) - before).Ticks));
        }

        Console.WriteLine(string.Create(inv, $"word scan    cpu {fastestScan.TotalSeconds,6:F3} s   (fastest of 5 rounds, {words} words)"));
        last = Cpu(me);
        if (sampler is not null)
        {
            sampler.Enabled = false;
            foreach (var (type, bytes) in sampler.Bytes.OrderByDescending(kv => kv.Value).Take(15))
            {
                Console.WriteLine(string.Create(inv, $"  sampled {bytes / 1e6,6:F1} MB  {type}"));
            }
        }
        var total = Cpu(me) - start;
        Console.WriteLine(string.Create(inv, $"{mb:F1} MB, {paragraphs.Count} paragraphs, {articles.Count} articles, {header.Count} header lines, {evidence.Length} scored"));
        Console.WriteLine(string.Create(inv, $"total cpu {total.TotalSeconds:F2} s (split counted twice: prepare+score, then the whole split)"));
        if (dump is not null)
        {
            var sb = new StringBuilder();
            var textHash = 14695981039346656037ul;
            foreach (var line in text.Lines)
            {
                foreach (var c in line)
                {
                    textHash = (textHash ^ c) * 1099511628211ul;
                }

                textHash = (textHash ^ '\n') * 1099511628211ul;
            }

            sb.Append(inv, $"lines {text.Lines.Count} text hash {textHash:x16} header {string.Join(" | ", header)}\n");
            for (var i = 0; i < articles.Count; i++)
            {
                var a = articles[i];
                sb.Append(inv, $"{a.FirstLine}\t{a.StartConfidence:R}\t{duplicateOf[i]}\t{heads[i].Title}\t{heads[i].Summary}\t");
                foreach (var p in a.Paragraphs)
                {
                    sb.Append((int)p.Kind).Append(p.Text.Length).Append(',');
                }

                sb.Append('\n');
            }

            await File.WriteAllTextAsync(dump, sb.ToString()).ConfigureAwait(false);
        }

        return 0;
    }

    private static TimeSpan Cpu(Process me)
    {
        me.Refresh();
        return me.TotalProcessorTime;
    }
}
