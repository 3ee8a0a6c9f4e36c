using BenchmarkDotNet.Running;
using NewsReader.Benchmarks;
using NewsReader.Benchmarks.Store;

// Two one-shot reports, then BenchmarkDotNet for everything else
// (`--filter '*Parse*'`, `--filter '*Store*'`, `--list flat`):
//   peak FILE [--no-extract]   parse once; throughput and peak memory (docs/performance.md)
//   stages FILE [--dump OUT]   CPU per stage of read + split + headline; --dump writes the output to compare
//   --import-cpu CORPUS [ROUNDS] [--end-to-end | --only-end-to-end]  import vs the bare insert floor, CPU and wall time
//                              (--only-end-to-end: the file import alone, for profilers)
//   import-stages FILE [ROUNDS]  CPU per stage of an import's work before the store (read, split, extraction, MinHash)
//   --store-latency CORPUS     per-query latency percentiles, search vs the bare FTS5 floor
//   scale CORPUS --stories N --pg CONNECTION [--part N] [--rounds N] [--reuse]
//                              SQLite and PostgreSQL side by side: import, search, filters (Store/ScaleReport.cs)
//   --circuits URL PID         memory per interactive circuit of a running reader (Web/CircuitMemory.cs)
//   --alerts BASE FILE... [--searches N] [--pg CONNECTION]  alert matching after each FILE's import vs that import (Store/AlertMatchReport.cs)
if (args is ["peak", ..])
{
    return await PeakMemory.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["stages", ..])
{
    return await NewsReader.Benchmarks.Parsing.StageReport.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["import-stages", ..])
{
    return ImportStageReport.Run(args[1..]);
}

if (args is ["--import-cpu", ..])
{
    return await ImportCpuReport.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["--store-latency", ..])
{
    return await StoreLatencyReport.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["scale", ..])
{
    return await ScaleReport.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["--circuits", ..])
{
    return await NewsReader.Benchmarks.Web.CircuitMemory.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["--alerts", ..])
{
    return await AlertMatchReport.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
