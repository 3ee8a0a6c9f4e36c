using System.Diagnostics;
using System.Globalization;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Import into an empty store vs the bare insert floor, by process CPU time and by wall time,
/// alternating the floor, the store-only import and (with <c>--end-to-end</c>) the import of the
/// file itself for a few rounds in one process: on a machine shared far beyond its cores, times
/// swing several-fold between runs, while ratios taken in the same round stay comparable.
/// </summary>
public static class ImportCpuReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var endToEnd = args.Contains("--end-to-end");

        // For profilers (perf): only the end-to-end import, so every sample of the process belongs to it.
        var onlyEndToEnd = args.Contains("--only-end-to-end");
        Environment.SetEnvironmentVariable("NEWSREADER_CORPUS", args.Length > 0 ? args[0] : null);
        var bench = new StoreImportBenchmarks();
        bench.Setup();
        using var me = Process.GetCurrentProcess();
        var inv = CultureInfo.InvariantCulture;
        var bare = new List<(double Cpu, double Wall)>();
        var import = new List<(double Cpu, double Wall)>();
        var file = new List<(double Cpu, double Wall)>();
        for (var k = 0; k <= rounds; k++)
        {
            if (onlyEndToEnd)
            {
                bench.EmptyStore();
                var e = await Measure(me, bench.ImportFile).ConfigureAwait(false);
                Console.WriteLine(string.Create(inv, $"round {k}: end-to-end file import {e.Cpu:F2} s CPU ({e.Wall:F2} s wall, {LastGc})"));
                continue;
            }

            bench.EmptyBare();
            var b = await Measure(me, () => Task.FromResult(bench.BareInsert())).ConfigureAwait(false);
            bench.EmptyStore();
            var i = await Measure(me, bench.ImportParsed).ConfigureAwait(false);
            var line = string.Create(inv, $"round {k}: bare insert {b.Cpu:F2} s CPU ({b.Wall:F2} s wall), store-only import {i.Cpu:F2} s CPU ({i.Wall:F2} s wall, {LastGc})");
            (double Cpu, double Wall) f = default;
            if (endToEnd)
            {
                bench.EmptyStore();
                f = await Measure(me, bench.ImportFile).ConfigureAwait(false);
                line += string.Create(inv, $", end-to-end file import {f.Cpu:F2} s CPU ({f.Wall:F2} s wall, {LastGc})");
            }

            Console.WriteLine(line + (k == 0 ? " (warm-up, not counted)" : string.Empty));
            if (k > 0)
            {
                bare.Add(b);
                import.Add(i);
                file.Add(f);
            }
        }

        if (onlyEndToEnd)
        {
            return 0;
        }

        Console.WriteLine(Summary("store-only import (ImportParsed)", import, bare));
        if (endToEnd)
        {
            Console.WriteLine(Summary("end-to-end file import (ImportFile)", file, bare));
        }

        return 0;
    }

    private static string Summary(string name, List<(double Cpu, double Wall)> measured, List<(double Cpu, double Wall)> floor)
    {
        var (cpu, floorCpu) = (measured.Average(m => m.Cpu), floor.Average(m => m.Cpu));
        var (wall, floorWall) = (measured.Average(m => m.Wall), floor.Average(m => m.Wall));
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: CPU {cpu:F2} s vs floor {floorCpu:F2} s = {100 * floorCpu / cpu:F0} % of the floor; " +
            $"wall {wall:F2} s vs floor {floorWall:F2} s = {100 * floorWall / wall:F0} % of the floor (means over {measured.Count} rounds)");
    }

    private static async Task<(double Cpu, double Wall)> Measure(Process me, Func<Task<int>> work)
    {
        GC.Collect();
        me.Refresh();
        var before = me.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        _ = await work().ConfigureAwait(false);
        me.Refresh();
        LastGc = string.Create(CultureInfo.InvariantCulture,
            $"{GC.CollectionCount(0) - collections} GCs, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s paused");
        return ((me.TotalProcessorTime - before).TotalSeconds, clock.Elapsed.TotalSeconds);
    }

    // The garbage collections of the last measured run: they stop every thread, the pipeline's too.
    private static string LastGc { get; set; } = string.Empty;
}
