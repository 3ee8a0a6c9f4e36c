using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NewsReader.Core.Splitting.Training;

/// <summary>
/// The training run behind <c>train-headlines</c>: writes each pool article's headline from its lead
/// the way the importer does, labels each of its content words by whether the article's real
/// headline has it, fits a logistic regression (ML.NET L-BFGS) on those words, picks the headline
/// length the cut aims at on the training articles, and scores whole and cut headlines on the
/// training and dev pools (content-word ROUGE-1 F1).
/// </summary>
public static class HeadlineTraining
{
    /// <summary>Headline lengths, in content words, tried for <see cref="HeadlineModel.ExpectedLength"/>.</summary>
    private static readonly double[] Lengths = [1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8];

    /// <summary>Trains on <paramref name="corpora"/>, reports to <paramref name="log"/>, writes the model to <paramref name="outFolder"/> when given.</summary>
    public static async Task<HeadlineModel> RunAsync(
        IReadOnlyList<string> corpora, string? devPool, string? outFolder, string command, TextWriter log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        ArgumentNullException.ThrowIfNull(log);
        var lexicon = SplitterLexicon.Default;
        var train = new List<Drafted>();
        foreach (var path in corpora)
        {
            train.AddRange(Draft(await TrainingFiles.LoadPoolAsync(path, ct).ConfigureAwait(false), lexicon));
        }

        var dev = devPool is null ? [] : Draft(await TrainingFiles.LoadPoolAsync(devPool, ct).ConfigureAwait(false), lexicon);
        var report = new List<string>();
        void Say(string line)
        {
            report.Add(line);
            log.WriteLine(line);
        }

        var rows = train.SelectMany(d => d.Tokens.Select(t => new WordRow { Label = d.Title.Contains(t.Lower), Features = Features(t) })).ToList();
        Say(string.Create(CultureInfo.InvariantCulture,
            $"training: {train.Count} articles, {rows.Count} headline words, {rows.Count(r => r.Label)} of them in the real headline"));
        var fitted = Fit(rows);
        var best = Lengths
            .Select(length => (Length: length, Score: MeanRouge(train, fitted with { ExpectedLength = length }, lexicon)))
            .MaxBy(x => x.Score);
        var model = fitted with { ExpectedLength = best.Length, Command = command };
        Say(string.Create(CultureInfo.InvariantCulture, $"expected length {best.Length} content words (best on the training articles of {string.Join(", ", Lengths)})"));
        foreach (var (name, set) in new[] { ("train", train), ("dev", dev) }.Where(s => s.Item2.Count > 0))
        {
            Say(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({set.Count} articles): ROUGE-1 whole {MeanRouge(set, null, lexicon):F4}, cut {MeanRouge(set, model, lexicon):F4}"));
        }

        model = model with { Report = report };
        if (outFolder is not null)
        {
            Directory.CreateDirectory(outFolder);
            var path = Path.Combine(outFolder, "headline-model.json");
            await File.WriteAllTextAsync(path, model.ToJson() + "\n", ct).ConfigureAwait(false);
            log.WriteLine($"wrote {path}");
        }

        return model;
    }

    /// <summary>Content-word ROUGE-1 F1 of a headline against the real one (words: runs of letters or digits, not stopwords).</summary>
    internal static double Rouge1(string headline, string reference, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var a = ContentWords(headline, lexicon);
        var b = ContentWords(reference, lexicon);
        var overlap = a.GroupBy(w => w).Sum(g => Math.Min(g.Count(), b.Count(w => w == g.Key)));
        return overlap == 0 ? 0 : 2.0 * overlap / (a.Count + b.Count);
    }

    private sealed record Drafted(string Real, IReadOnlySet<string> Title, string Headline, IReadOnlyList<Paragraph> Paragraphs, int Lead, List<HeadlineCut.HeadlineToken> Tokens);

    private static List<Drafted> Draft(IEnumerable<PoolArticle> pool, SplitterLexicon lexicon)
    {
        var drafted = new List<Drafted>();
        foreach (var article in pool.Where(a => a.Title.Length > 0))
        {
            var paragraphs = article.Paragraphs.Select(p => new Paragraph(p)).ToList();
            var lead = HeadlineWriter.LeadIndex(paragraphs);
            var headline = HeadlineWriter.Drafted(paragraphs, lead, lexicon);
            var tokens = HeadlineCut.Tokens(headline.Split(' '), paragraphs, lead, lexicon);
            drafted.Add(new Drafted(article.Title, ContentWords(article.Title, lexicon).ToHashSet(StringComparer.Ordinal), headline, paragraphs, lead, tokens));
        }

        return drafted;
    }

    private static double MeanRouge(List<Drafted> set, HeadlineModel? model, SplitterLexicon lexicon) =>
        set.Average(d => Rouge1(
            HeadlineWriter.InHeadlineTense(model is null ? d.Headline : HeadlineCut.Shorten(d.Headline, d.Paragraphs, d.Lead, model, lexicon), lexicon),
            d.Real,
            lexicon));

    private static List<string> ContentWords(string text, SplitterLexicon lexicon)
    {
        var words = new List<string>();
        foreach (var run in HeadlineCut.Runs(text))
        {
            var word = text[run];
            if (!lexicon.HeadlineFunctionWords.Contains(word))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }

    private static float[] Features(HeadlineCut.HeadlineToken token)
    {
        var features = new float[HeadlineCut.FeatureNames.Count];
        token.Write(features);
        return features;
    }

    private static HeadlineModel Fit(List<WordRow> rows)
    {
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(WordRow));
        schema[nameof(WordRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, HeadlineCut.FeatureNames.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = nameof(WordRow.Label), FeatureColumnName = nameof(WordRow.Features), L1Regularization = 0, L2Regularization = 0.01f });
        var transformer = trainer.Fit(data);
        var model = transformer.Model as CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>
            ?? throw new InvalidDataException($"The headline learner gave a {transformer.Model.GetType().Name}, not a calibrated linear model.");
        return new HeadlineModel(
            HeadlineCut.FeatureNames, [.. model.SubModel.Weights], model.SubModel.Bias,
            (float)model.Calibrator.Slope, (float)model.Calibrator.Offset, 0, "", []);
    }

    private sealed class WordRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
