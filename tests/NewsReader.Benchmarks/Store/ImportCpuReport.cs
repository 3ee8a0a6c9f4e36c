using System.Diagnostics;
using System.Globalization;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Store-only import vs the bare insert floor by process CPU time, alternating the two for a few
/// rounds in one process: on a machine shared far beyond its cores, wall times swing several-fold
/// between runs while CPU time stays comparable.
/// </summary>
public static class ImportCpuReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        Environment.SetEnvironmentVariable("NEWSREADER_CORPUS", args.Length > 0 ? args[0] : null);
        var bench = new StoreImportBenchmarks();
        bench.Setup();
        using var me = Process.GetCurrentProcess();
        var inv = CultureInfo.InvariantCulture;
        double bareTotal = 0, importTotal = 0;
        for (var k = 0; k <= rounds; k++)
        {
            bench.EmptyBare();
            var bare = await Cpu(me, () => Task.FromResult(bench.BareInsert())).ConfigureAwait(false);
            bench.EmptyStore();
            var import = await Cpu(me, bench.ImportParsed).ConfigureAwait(false);
            var warmUp = k == 0 ? " (warm-up, not counted)" : string.Empty;
            Console.WriteLine(string.Create(inv, $"round {k}: bare insert {bare.Cpu:F2} s CPU ({bare.Wall:F2} s wall), import {import.Cpu:F2} s CPU ({import.Wall:F2} s wall){warmUp}"));
            if (k > 0)
            {
                bareTotal += bare.Cpu;
                importTotal += import.Cpu;
            }
        }

        Console.WriteLine(string.Create(inv, $"CPU time: import {importTotal / rounds:F2} s, floor {bareTotal / rounds:F2} s per round: import at {100 * bareTotal / importTotal:F0} % of the floor"));
        return 0;
    }

    private static async Task<(double Cpu, double Wall)> Cpu(Process me, Func<Task<int>> work)
    {
        GC.Collect();
        me.Refresh();
        var before = me.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        _ = await work().ConfigureAwait(false);
        me.Refresh();
        return ((me.TotalProcessorTime - before).TotalSeconds, clock.Elapsed.TotalSeconds);
    }
}
