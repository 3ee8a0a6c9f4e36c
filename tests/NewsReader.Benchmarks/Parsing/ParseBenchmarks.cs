using BenchmarkDotNet.Attributes;
using NewsReader.Core.Extraction;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Benchmarks.Parsing;

/// <summary>
/// Reading, splitting and extraction over the generated 50 MB seed-format file
/// (plain-50mb.txt). Throughput is file size / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ParseBenchmarks
{
    private string _path = "";
    private SeedText _text = null!;
    private SplitResult _split = null!;
    private StoryAnalyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Corpus.PathOf("plain-50mb.txt");
        _text = SeedReader.ReadFileAsync(_path).GetAwaiter().GetResult();
        _split = SeedSplitter.Split(_text);
        _analyzer = StoryAnalyzer.LoadDefault();
    }

    /// <summary>Decode, validate and normalise the file.</summary>
    [Benchmark]
    public async Task<int> Read() => (await SeedReader.ReadFileAsync(_path).ConfigureAwait(false)).Lines.Count;

    /// <summary>Find articles, captions, subheadings and in-file duplicates.</summary>
    [Benchmark]
    public int Split() => SeedParser.Split(_text).Split.Articles.Count;

    /// <summary>Read + split + headlines and summaries (what issue 2 times), without extraction.</summary>
    [Benchmark]
    public async Task<int> ReadSplitHeadline()
    {
        var text = await SeedReader.ReadFileAsync(_path).ConfigureAwait(false);
        var n = 0;
        foreach (var a in SeedParser.Split(text).Split.Articles)
        {
            n += HeadlineWriter.Write(a.Title, a.Paragraphs).Title.Length;
        }

        return n;
    }

    /// <summary>Companies, countries and topics for every article of the split file.</summary>
    [Benchmark]
    public int Extract()
    {
        var n = 0;
        foreach (var a in _split.Articles)
        {
            n += _analyzer.Analyze(a.Title ?? "", a.Paragraphs).Entities.Count;
        }

        return n;
    }

    /// <summary>The whole parse pipeline as the CLI and the importer run it.</summary>
    [Benchmark]
    public async Task<int> FullParse()
    {
        var text = await SeedReader.ReadFileAsync(_path).ConfigureAwait(false);
        return SeedParser.CreateDefault().Parse(text).Articles.Count;
    }
}
