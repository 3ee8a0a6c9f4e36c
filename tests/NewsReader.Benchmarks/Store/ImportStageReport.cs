using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// The CPU work of importing a file, stage by stage on one thread, without the store: read and
/// validate, split with headlines, entity extraction, fingerprints and MinHash bands. Shows which
/// stage an end-to-end import (<c>--import-cpu CORPUS N --end-to-end</c>) waits for.
/// </summary>
public static class ImportStageReport
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: import-stages FILE [ROUNDS]");
            return 2;
        }

        var path = args[0];
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var limits = new ReadLimits(MaxFileBytes: 1L << 30);
        var parser = SeedParser.CreateDefault();
        using var me = Process.GetCurrentProcess();
        var clock = new CpuClock(me);
        for (var k = 0; k <= rounds; k++)
        {
            clock.Restart();
            var bytes = File.ReadAllBytes(path);
            _ = SHA256.HashData(bytes);
            var text = SeedReader.Read(bytes, Path.GetFileName(path), SeedFormat.Auto, limits);
            var read = clock.Lap();
            var doc = parser.ParseWithoutEntities(text);
            var split = clock.Lap();
            foreach (var a in doc.Articles)
            {
                _ = parser.Extract(a);
            }

            var extract = clock.Lap();
            foreach (var a in doc.Articles)
            {
                _ = new IncomingStory(a).BandKeys;
            }

            var keys = clock.Lap();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {k}: read {read}, split + headlines {split}, extraction {extract}, fingerprints + MinHash {keys}; {doc.Articles.Count} stories{(k == 0 ? " (warm-up)" : string.Empty)}"));
        }

        return 0;
    }

    private sealed class CpuClock(Process process)
    {
        private TimeSpan _last;

        public void Restart()
        {
            GC.Collect();
            _last = Now();
            _allocated = GC.GetTotalAllocatedBytes(precise: true);
        }

        private long _allocated;

        /// <summary>CPU seconds and megabytes allocated since the last lap.</summary>
        public string Lap()
        {
            var now = Now();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var lap = string.Create(CultureInfo.InvariantCulture, $"{(now - _last).TotalSeconds:F2} s ({(allocated - _allocated) / 1e6:F0} MB)");
            (_last, _allocated) = (now, allocated);
            return lap;
        }

        private TimeSpan Now()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }
}
