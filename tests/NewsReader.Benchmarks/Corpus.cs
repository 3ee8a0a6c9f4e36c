namespace NewsReader.Benchmarks;

/// <summary>Where the generated benchmark corpora live (see docs/performance.md for how to make them).</summary>
public static class Corpus
{
    /// <summary>The directory of generated corpora: $NEWSREADER_BENCH_DIR, default /tmp/nrbench.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("NEWSREADER_BENCH_DIR") is { Length: > 0 } dir ? dir : "/tmp/nrbench";

    /// <summary>The path of one corpus file; fails with the command to make it when missing.</summary>
    public static string PathOf(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Benchmark corpus {path} is missing; make it as docs/performance.md says " +
                "(python3 ../shared/eval/gen_corpus.py ...).", path);
        }

        return path;
    }
}
