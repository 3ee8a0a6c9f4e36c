using NewsReader.Core.Splitting.Training;

namespace NewsReader.Cli;

/// <summary>
/// <c>train-headlines</c>: learns where a headline written from the lead is cut, from article pools
/// with their real headlines; prints the whole and cut headlines' ROUGE-1 on the training and dev
/// pools and writes the model (see docs/seed-format.md).
/// </summary>
public static class TrainHeadlinesCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.AllowOnly("--corpus", "--dev", "--out");
        if (args.Positional.Count > 0)
        {
            throw new CliUsageException("train-headlines takes options only");
        }

        var corpora = args.GetAll("--corpus");
        if (corpora.Count == 0)
        {
            throw new CliUsageException("train-headlines needs at least one --corpus POOL.jsonl");
        }

        var dev = args.Get("--dev");
        foreach (var path in dev is null ? corpora : corpora.Append(dev))
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"no such file: {path}");
            }
        }

        var command = "train-headlines " + string.Join(' ', Environment.GetCommandLineArgs().SkipWhile(a => a != "train-headlines").Skip(1));
        await HeadlineTraining.RunAsync(corpora, dev, args.Get("--out"), command, stdout, ct).ConfigureAwait(false);
        return CliApp.Ok;
    }
}
