using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace NewsReader.Core.Splitting;

/// <summary>One paragraph as the boundary model sees it: its features and, in training, whether a story starts there.</summary>
public sealed class BoundaryRow
{
    /// <summary>A story starts at this paragraph (training only).</summary>
    public bool Label { get; set; }

    /// <summary>How much the example counts in training (training only).</summary>
    public float Weight { get; set; } = 1;

    /// <summary>The <see cref="BoundaryFeatures"/> vector.</summary>
    public float[] Features { get; set; } = [];
}

/// <summary>How the start decoder turns the model's probabilities into a file's starts (see <see cref="StartDecoder"/>).</summary>
/// <param name="Bias">Added to every start's log-odds: above 0 favours more stories, below fewer.</param>
/// <param name="ShortPenalties">Log-weight of a story 1, 2, ... paragraphs long (index 0 is one paragraph); longer stories weigh 0.</param>
public sealed record DecoderSettings(double Bias, IReadOnlyList<double> ShortPenalties)
{
    /// <summary>No bias and no length prior: every paragraph decided on its own probability.</summary>
    public static DecoderSettings Neutral { get; } = new(0, []);
}

/// <summary>What <c>train-splitter</c> wrote beside the model: the decoder's settings and how the model was made.</summary>
/// <param name="Features">The feature names the model was trained on, in order (a model is refused for another vector).</param>
/// <param name="Decoder">The decoder's settings, fitted on the training files' out-of-fold probabilities.</param>
/// <param name="Command">The command line that trained it.</param>
/// <param name="Report">The scores the training printed (cross-source and dev), for the docs.</param>
/// <param name="ModelSha256">SHA-256 (lower-case hex) of the model file written with this card.</param>
public sealed record BoundaryModelCard(IReadOnlyList<string> Features, DecoderSettings Decoder, string Command, IReadOnlyList<string> Report, string ModelSha256 = "");

/// <summary>
/// The learned boundary model: gradient-boosted trees (trained with ML.NET FastTree by
/// <c>train-splitter</c>) over the <see cref="BoundaryFeatures"/> of every paragraph, shipped inside
/// the assembly as a plain tree file (<c>Splitting/Model/boundary-model.trees</c>, see
/// <see cref="BoostedTrees"/>) with its card, and loaded once per process without ML.NET.
/// </summary>
public sealed class BoundaryModel
{
    /// <summary>Where the model and its card live inside the assembly, and in the repository under src/NewsReader.Core.</summary>
    public const string ModelFile = "Splitting/Model/boundary-model.trees";

    /// <summary>The card beside the model.</summary>
    public const string CardFile = "Splitting/Model/boundary-model.json";

    private static readonly Lazy<BoundaryModel> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly JsonSerializerOptions CardJson = new() { WriteIndented = true };

    internal BoundaryModel(BoostedTrees trees, BoundaryModelCard card)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(card);
        if (!card.Features.SequenceEqual(BoundaryFeatures.Names))
        {
            throw new InvalidDataException("The boundary model was trained on other features than this build computes: run train-splitter again.");
        }

        Trees = trees;
        Card = card;
    }

    /// <summary>The model shipped with the application.</summary>
    public static BoundaryModel Default => Shipped.Value;

    /// <summary>The trees and their calibrator.</summary>
    internal BoostedTrees Trees { get; }

    /// <summary>The decoder settings and provenance written with the model.</summary>
    public BoundaryModelCard Card { get; }

    /// <summary>Reads a model and its card from streams (the files <c>train-splitter</c> wrote).</summary>
    public static BoundaryModel Load(Stream model, Stream card)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        var c = JsonSerializer.Deserialize<BoundaryModelCard>(card) ?? throw new InvalidDataException("The boundary model's card is empty.");
        return new BoundaryModel(BoostedTrees.Read(model, c.Features.Count), c);
    }

    /// <summary>Writes the model's trees and its card (with the tree file's hash).</summary>
    public void Save(Stream model, Stream card)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        using var buffer = new MemoryStream();
        Trees.Write(buffer);
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        buffer.CopyTo(model);
        JsonSerializer.Serialize(card, Card with { ModelSha256 = hash }, CardJson);
    }

    /// <summary>SHA-256 (lower-case hex) of the model file shipped inside the assembly.</summary>
    public static string ShippedModelSha256()
    {
        using var model = Open(typeof(BoundaryModel).Assembly, ModelFile);
        return Convert.ToHexStringLower(SHA256.HashData(model));
    }

    /// <summary>The probability that a story starts at each paragraph (the first paragraph: 1).</summary>
    internal float[] StartProbabilities(IReadOnlyList<SourceParagraph> paragraphs, BoundarySignals[] signals)
    {
        var result = new float[paragraphs.Count];
        if (paragraphs.Count == 0)
        {
            return result;
        }

        result[0] = 1;
        if (paragraphs.Count == 1)
        {
            return result;
        }

        var style = FileStyle.Of(signals);
        Span<float> features = stackalloc float[BoundaryFeatures.Count];
        for (var i = 1; i < paragraphs.Count; i++)
        {
            if (Settled(paragraphs[i], signals[i]) is { } settled)
            {
                result[i] = settled;
                continue;
            }

            BoundaryFeatures.Write(paragraphs, signals, style, i, features);
            result[i] = Trees.Probability(features);
        }

        return result;
    }

    /// <summary>
    /// A start the format decides without the model (1: starts, 0: does not), or null. A photo caption
    /// never opens a story (none of the 499 annotated starts does): it belongs to the story around
    /// it, and scoring it would let a caption between two stories take the next story's start. A wire
    /// dateline ("WASHINGTON (Reuters) - ") always opens one: agencies put it before a story's first
    /// paragraph and nowhere else (all 28 in the annotated files open a story), and the model, which
    /// learns mostly from BBC text that has none, would otherwise give it no weight.
    /// </summary>
    internal static float? Settled(SourceParagraph paragraph, BoundarySignals signals) =>
        paragraph.Kind == ParagraphKind.Caption ? 0 : signals.LeadSignals.Dateline ? 1 : null;

    /// <summary>The start probability of each row, in order.</summary>
    internal IEnumerable<float> Score(IEnumerable<BoundaryRow> rows) => rows.Select(r => Trees.Probability(r.Features));

    /// <summary>Every paragraph's features but the first's, for scoring (no label).</summary>
    internal static IEnumerable<BoundaryRow> Rows(IReadOnlyList<SourceParagraph> paragraphs, BoundarySignals[] signals, FileStyle style)
    {
        for (var i = 1; i < paragraphs.Count; i++)
        {
            var features = new float[BoundaryFeatures.Count];
            BoundaryFeatures.Write(paragraphs, signals, style, i, features);
            yield return new BoundaryRow { Features = features };
        }
    }

    private static BoundaryModel LoadShipped()
    {
        var assembly = typeof(BoundaryModel).Assembly;
        using var model = Open(assembly, ModelFile);
        using var card = Open(assembly, CardFile);
        return Load(model, card);
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The boundary model resource '{name}' is missing from {assembly.GetName().Name}.");
}
