using BenchmarkDotNet.Running;
using NewsReader.Benchmarks;

// `peak FILE` runs the parse pipeline once and reports throughput and peak memory;
// anything else goes to BenchmarkDotNet (e.g. `--filter *Parse*`).
if (args.Length > 0 && args[0] == "peak")
{
    return await PeakMemory.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
