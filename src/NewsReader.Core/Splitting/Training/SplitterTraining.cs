using System.Globalization;

namespace NewsReader.Core.Splitting.Training;

/// <summary>What <c>train-splitter</c> learns from and where it writes.</summary>
/// <param name="Corpora">JSONL pools of whole articles (each a source of its own).</param>
/// <param name="GoldFiles">Seed-format files with gold answers (each a source of its own).</param>
/// <param name="Seed">Seeds the composition of training files: the same inputs and seed give the same model and scores.</param>
/// <param name="FilesPerPool">Files composed from each pool alone; half as many again mix all pools.</param>
/// <param name="DevFolder">Composed files with gold answers to check on (never learned from), or null.</param>
/// <param name="OutFolder">Where the model and its card go, or null to write nothing.</param>
/// <param name="Ablation">Also measure what each feature group adds (cross-source and dev F1 without it).</param>
public sealed record TrainingPlan(
    IReadOnlyList<string> Corpora,
    IReadOnlyList<(string Text, string Gold)> GoldFiles,
    int Seed,
    int FilesPerPool,
    int ArticlesPerFile,
    string? DevFolder,
    string? OutFolder,
    bool Ablation,
    string Command)
{
    /// <summary>The learner's settings.</summary>
    public TrainerSettings Learner { get; init; } = new();

    /// <summary>How many times a composed group's weight the hand-annotated files weigh together.</summary>
    public float GoldShare { get; init; } = 1;
}

/// <summary>
/// The whole training run behind <c>train-splitter</c>: compose files from the pools, read them,
/// fit the decoder on out-of-fold probabilities, score each source left out, train the final model
/// on everything, check it on the dev files (with how often starts in each confidence band were
/// right) and write it.
/// </summary>
public static class SplitterTraining
{
    // Pools smaller than this hold long articles (the web pages): fewer to a file, so files stay news-sized.
    private const int SmallPool = 200;
    private const int ArticlesPerSmallPoolFile = 5;

    // Stories on one beat side by side are the hard case (no change of topic at the boundary) and the
    // usual one in real files: composed files hold more of them than compose.py's default 0.3.
    private const double RunRate = 0.7;

    private static readonly double[] Bands = [0, 0.5, 0.7, 0.9, 1.0001];

    /// <summary>Runs the plan, printing every score to <paramref name="log"/>; returns the final model.</summary>
    public static async Task<BoundaryModel> RunAsync(TrainingPlan plan, TextWriter log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var report = new List<string>();
        void Say(string line)
        {
            report.Add(line);
            log.WriteLine(line);
        }

        var files = await ComposeAsync(plan, ct).ConfigureAwait(false);
        var examples = files.Select(SplitterTrainer.Examples).ToList();
        Say(string.Create(CultureInfo.InvariantCulture,
            $"training files: {examples.Count} ({examples.Sum(e => e.Labels.Count(l => l))} stories, {examples.Sum(e => e.Features.Length)} paragraphs scored), seed {plan.Seed}"));

        var settings = plan.Learner;
        var sources = plan.Corpora.Select(c => Path.GetFileNameWithoutExtension(c)).Concat(plan.GoldFiles.Select(g => Path.GetFileName(g.Text))).ToList();
        var goldSources = plan.GoldFiles.Select(g => Path.GetFileName(g.Text)).ToHashSet();
        var heldOut = HeldOut(examples, sources, settings);
        var decoder = SplitterTrainer.FitDecoder(heldOut);
        Say($"decoder: bias {decoder.Bias}, short-story penalties [{string.Join(", ", decoder.ShortPenalties)}] (fitted on the left-out probabilities below, mean F1 over sources)");
        foreach (var line in Report(heldOut, decoder, goldSources).Lines)
        {
            Say(line);
        }

        var dev = plan.DevFolder is null ? [] : await LoadFolderAsync(plan.DevFolder, ct).ConfigureAwait(false);
        var model = SplitterTrainer.Wrap(SplitterTrainer.Fit(examples, settings), decoder);
        if (dev.Count > 0)
        {
            var probabilities = SplitterTrainer.Probabilities(model, dev, settings);
            Say($"dev ({dev.Count} files): {SplitterTrainer.Score(dev, probabilities, decoder)}");
            foreach (var line in Calibration(dev, probabilities, decoder))
            {
                Say(line);
            }
        }

        if (plan.Ablation)
        {
            Ablation(examples, sources, goldSources, dev, settings, Say);
        }

        var final = new BoundaryModel(model.Trees, model.Card with { Command = plan.Command, Report = report });
        if (plan.OutFolder is not null)
        {
            await WriteAsync(final, plan.OutFolder, log).ConfigureAwait(false);
        }

        return final;
    }

    /// <summary>The training files: composed from each pool (and from all pools mixed), then the gold files, weighed by group.</summary>
    private static async Task<List<LabeledFile>> ComposeAsync(TrainingPlan plan, CancellationToken ct)
    {
        var random = new Random(plan.Seed);
        var pools = new List<List<PoolArticle>>();
        foreach (var path in plan.Corpora)
        {
            pools.Add(await TrainingFiles.LoadPoolAsync(path, ct).ConfigureAwait(false));
        }

        var files = new List<LabeledFile>();
        foreach (var pool in pools)
        {
            var small = pool.Count < SmallPool;
            files.AddRange(TrainingFiles.Compose(
                [(pool, 1.0)], random, small ? plan.FilesPerPool / 3 : plan.FilesPerPool, small ? ArticlesPerSmallPoolFile : plan.ArticlesPerFile, pool[0].Pool + "-", RunRate));
        }

        if (pools.Count > 1)
        {
            files.AddRange(TrainingFiles.Compose([.. pools.Select(p => ((IReadOnlyList<PoolArticle>)p, 1.0))], random, plan.FilesPerPool / 2, plan.ArticlesPerFile, "mixed-", RunRate));
        }

        foreach (var (text, gold) in plan.GoldFiles)
        {
            files.Add(await TrainingFiles.LoadGoldAsync(text, gold, ct).ConfigureAwait(false));
        }

        return Balanced(files, plan.GoldShare);
    }

    /// <summary>Each feature group left out in turn, with its own decoder: the ablation table of ADR 0001.</summary>
    private static void Ablation(List<FileExamples> examples, List<string> sources, HashSet<string> goldSources, List<FileExamples> dev, TrainerSettings settings, Action<string> say)
    {
        say("ablation (group left out: mean F1 over sources left out / gold files left out, pooled / dev), each with its own decoder:");
        foreach (var group in BoundaryFeatures.Groups)
        {
            var without = settings with { DroppedGroups = new HashSet<string> { group } };
            var held = HeldOut(examples, sources, without);
            var d = SplitterTrainer.FitDecoder(held);
            var scores = Report(held, d, goldSources);
            var devF1 = dev.Count == 0
                ? double.NaN
                : SplitterTrainer.Score(dev, SplitterTrainer.Probabilities(SplitterTrainer.Wrap(SplitterTrainer.Fit(examples, without), d), dev, without), d).F1;
            say(string.Create(CultureInfo.InvariantCulture, $"  -{group}: {scores.MeanF1:F3} / {scores.Gold.F1:F3} / {devF1:F3}"));
        }
    }

    /// <summary>Writes the model and its card into <paramref name="folder"/>.</summary>
    private static async Task WriteAsync(BoundaryModel final, string folder, TextWriter log)
    {
        Directory.CreateDirectory(folder);
        var modelPath = Path.Combine(folder, Path.GetFileName(BoundaryModel.ModelFile));
        var cardPath = Path.Combine(folder, Path.GetFileName(BoundaryModel.CardFile));
        var modelStream = File.Create(modelPath);
        await using (modelStream.ConfigureAwait(false))
        {
            var cardStream = File.Create(cardPath);
            await using (cardStream.ConfigureAwait(false))
            {
                final.Save(modelStream, cardStream);
            }
        }

        log.WriteLine($"wrote {modelPath} and {cardPath}");
    }

    /// <summary>
    /// Weighs every group of files (each pool's, the mixed ones, the hand-annotated ones) the same in
    /// all: a handful of annotated real files would otherwise vanish among thousands of composed BBC
    /// paragraphs, and the model would learn one outlet's habits (how much its vocabulary moves at a
    /// boundary) instead of what every outlet's leads share.
    /// </summary>
    private static List<LabeledFile> Balanced(List<LabeledFile> files, float goldShare)
    {
        static int Paragraphs(LabeledFile f) => f.Lines.Count(l => l.Length > 0);
        var perGroup = files.GroupBy(f => f.Group).ToDictionary(g => g.Key, g => g.Sum(Paragraphs));
        var target = (float)perGroup.Values.Sum() / perGroup.Count;
        return [.. files.Select(f => f with { Weight = target / perGroup[f.Group] * (f.Group == TrainingFiles.GoldGroup ? goldShare : 1) })];
    }

    /// <summary>Every <c>NAME.txt</c> with a <c>NAME.gold.json</c> beside it in a folder.</summary>
    public static async Task<List<FileExamples>> LoadFolderAsync(string folder, CancellationToken ct = default)
    {
        var result = new List<FileExamples>();
        foreach (var text in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var gold = Path.ChangeExtension(text, null) + ".gold.json";
            if (File.Exists(gold))
            {
                result.Add(SplitterTrainer.Examples(await TrainingFiles.LoadGoldAsync(text, gold, ct).ConfigureAwait(false)));
            }
        }

        return result;
    }

    private sealed record CrossSourceScores(List<string> Lines, double MeanF1, SplitScore Gold);

    // Each source in turn: train without any file that holds it, and score the files made of it alone.
    private static List<HeldOutSource> HeldOut(List<FileExamples> examples, List<string> sources, TrainerSettings settings)
    {
        var result = new List<HeldOutSource>();
        foreach (var source in sources)
        {
            var test = examples.Where(e => e.File.Sources.Count == 1 && e.File.Sources.Contains(source)).ToList();
            if (test.Count > 0)
            {
                var model = SplitterTrainer.Wrap(SplitterTrainer.Fit(examples.Where(e => !e.File.Sources.Contains(source)), settings), DecoderSettings.Neutral);
                result.Add(new HeldOutSource(source, test, SplitterTrainer.Probabilities(model, test, settings)));
            }
        }

        return result;
    }

    private static CrossSourceScores Report(List<HeldOutSource> heldOut, DecoderSettings decoder, HashSet<string> goldSources)
    {
        var lines = new List<string>();
        SplitScore gold = default;
        var f1 = new List<double>();
        foreach (var h in heldOut)
        {
            var score = SplitterTrainer.Score(h.Files, h.Probabilities, decoder);
            lines.Add($"left out {h.Source} ({h.Files.Count} files): {score}");
            f1.Add(score.F1);
            gold += goldSources.Contains(h.Source) ? score : default;
        }

        if (gold.Gold > 0)
        {
            lines.Add($"left out, pooled over the gold files: {gold}");
        }

        var mean = f1.Count == 0 ? 0 : f1.Average();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"left out, mean F1 over sources: {mean:F3}"));
        return new CrossSourceScores(lines, mean, gold);
    }

    // How often a start the splitter chose was right, by the model's confidence in it.
    private static IEnumerable<string> Calibration(List<FileExamples> files, List<float[]> probabilities, DecoderSettings decoder)
    {
        var chosen = new int[Bands.Length - 1];
        var right = new int[Bands.Length - 1];
        for (var f = 0; f < files.Count; f++)
        {
            var paragraphs = files[f].Paragraphs;
            var starts = SeedSplitter.ChooseStarts(paragraphs, probabilities[f], decoder, null);
            for (var k = 1; k < starts.Count; k++)
            {
                var s = starts[k];
                var lead = SeedSplitter.LeadOf(paragraphs, s, k + 1 < starts.Count ? starts[k + 1] : paragraphs.Count);
                var band = Array.FindLastIndex(Bands, b => probabilities[f][lead] >= b);
                band = Math.Clamp(band, 0, chosen.Length - 1);
                chosen[band]++;
                right[band] += files[f].Labels[s] ? 1 : 0;
            }
        }

        yield return "dev starts by confidence (band: right / chosen):";
        for (var b = 0; b < chosen.Length; b++)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {Bands[b]:0.0}-{Math.Min(Bands[b + 1], 1):0.0}: {right[b]} / {chosen[b]}{(chosen[b] > 0 ? $" ({100.0 * right[b] / chosen[b]:0}%)" : "")}");
        }
    }
}
