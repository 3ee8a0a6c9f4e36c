using System.Globalization;
using NewsReader.Core.Splitting.Training;

namespace NewsReader.Cli;

/// <summary>
/// <c>train-splitter</c>: composes training files from article pools, trains the boundary model,
/// prints its cross-source and dev scores and writes it (see docs/seed-format.md).
/// </summary>
public static class TrainSplitterCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.AllowOnly("--corpus", "--gold", "--gold-dir", "--seed", "--files", "--articles", "--dev", "--out", "--ablation", "--trees", "--leaves", "--min-leaf", "--feature-fraction", "--gold-share");
        if (args.Positional.Count > 0)
        {
            throw new CliUsageException("train-splitter takes options only");
        }

        var corpora = args.GetAll("--corpus");
        if (corpora.Count == 0)
        {
            throw new CliUsageException("train-splitter needs at least one --corpus POOL.jsonl");
        }

        var gold = GoldFiles(args);
        foreach (var path in corpora.Concat(gold.SelectMany(g => new[] { g.Text, g.Gold })))
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"no such file: {path}");
            }
        }

        var plan = new TrainingPlan(
            corpora,
            gold,
            Number(args, "--seed", 1),
            Number(args, "--files", 300),
            Number(args, "--articles", 15),
            args.Get("--dev"),
            args.Get("--out"),
            args.Get("--ablation") is not null,
            "train-splitter " + string.Join(' ', Environment.GetCommandLineArgs().SkipWhile(a => a != "train-splitter").Skip(1)))
        {
            Learner = new TrainerSettings(
                Trees: Number(args, "--trees", new TrainerSettings().Trees),
                Leaves: Number(args, "--leaves", new TrainerSettings().Leaves),
                MinimumExamplesPerLeaf: Number(args, "--min-leaf", new TrainerSettings().MinimumExamplesPerLeaf),
                FeatureFraction: Fraction(args, "--feature-fraction", new TrainerSettings().FeatureFraction)),
            GoldShare = Number(args, "--gold-share", 1),
        };
        await SplitterTraining.RunAsync(plan, stdout, ct).ConfigureAwait(false);
        return CliApp.Ok;
    }

    /// <summary>The annotated files: each <c>--gold TEXT=GOLD.json</c>, and every <c>X.txt</c> with an <c>X.gold.json</c> in each <c>--gold-dir</c>.</summary>
    private static List<(string Text, string Gold)> GoldFiles(CliArgs args)
    {
        var gold = new List<(string Text, string Gold)>();
        foreach (var pair in args.GetAll("--gold"))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--gold takes TEXT=GOLD.json, not '{pair}'");
            }

            gold.Add((pair[..eq], pair[(eq + 1)..]));
        }

        foreach (var dir in args.GetAll("--gold-dir"))
        {
            foreach (var text in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            {
                var g = Path.ChangeExtension(text, null) + ".gold.json";
                if (File.Exists(g))
                {
                    gold.Add((text, g));
                }
            }
        }

        return gold;
    }

    private static double Fraction(CliArgs args, string name, double fallback)
    {
        var value = args.Get(name);
        if (value is null)
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1
            ? f
            : throw new CliUsageException($"{name} takes a number above 0 and at most 1, not '{value}'");
    }

    private static int Number(CliArgs args, string name, int fallback)
    {
        var value = args.Get(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new CliUsageException($"{name} takes a positive whole number, not '{value}'");
    }
}
