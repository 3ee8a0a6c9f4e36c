using BenchmarkDotNet.Running;
using NewsReader.Benchmarks.Store;

// `--store-latency CORPUS` prints per-query latency percentiles (search vs the bare FTS5 floor);
// anything else goes to BenchmarkDotNet (`--filter '*Store*'`, `--list flat`).
if (args is ["--store-latency", ..])
{
    return await StoreLatencyReport.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(StoreLatencyReport).Assembly).Run(args);
return 0;
