using System.Buffers;
using System.Text.Json;

namespace NewsReader.Core.Splitting;

/// <summary>
/// Where a headline written from the lead ends. A lead's main clause runs on ("Umbro posted a 222%
/// rise in annual profit") where a desk's headline stops ("Umbro profits ..."): each word of it gets
/// the chance that a headline writer keeps it, from a model learned on real headlines
/// (<c>train-headlines</c>), and the headline is cut before the phrase, if any, whose loss makes the
/// expected word overlap with such a headline best. Cuts are made only where a headline still reads
/// whole: before a preposition, once a verb and two content words are in, never after a function
/// word or a particle ("write off | up to"), inside a relative clause or before an amount.
/// </summary>
public static class HeadlineCut
{
    /// <summary>The word features, in the order of the model's weights.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "position", "early", "capitalised", "first_word", "digit", "body_count", "in_next_paragraph",
        "length", "suffix_ed", "suffix_ing", "suffix_s", "suffix_ly", "acronym", "after_cut_word", "headline_length", "news_verb", "in_name",
    ];

    // Characters of the story's other paragraphs in which a headline word is counted: enough for
    // a news story's opening, and a bound on the work for a long one.
    internal const int BodyChars = 4_000;

    // Content words a cut headline keeps at least.
    private const int MinContentWords = 2;

    /// <summary>The headline cut where the model expects it to match a desk's headline best (the whole of it when no cut does better).</summary>
    internal static string Shorten(string headline, IReadOnlyList<Paragraph> paragraphs, int leadIndex, HeadlineModel model, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(model);
        var words = headline.Split(' ');
        var tokens = Tokens(words, paragraphs, leadIndex, lexicon);
        if (tokens.Count == 0)
        {
            return headline;
        }

        var cuts = Cuts(words, lexicon);
        var (best, bestScore) = (words.Length, double.NegativeInfinity);
        var features = new float[FeatureNames.Count];
        var probabilities = new double[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            tokens[t].Write(features);
            probabilities[t] = model.Probability(features);
        }

        cuts.Add(words.Length);
        foreach (var cut in cuts)
        {
            var (expected, kept) = (0.0, 0);
            for (var t = 0; t < tokens.Count && tokens[t].Word < cut; t++)
            {
                expected += probabilities[t];
                kept++;
            }

            var score = kept == 0 ? double.NegativeInfinity : 2 * expected / (kept + model.ExpectedLength);
            if (score > bestScore)
            {
                (best, bestScore) = (cut, score);
            }
        }

        return best == words.Length ? headline : string.Join(' ', words[..best]);
    }

    /// <summary>
    /// The word indexes a headline may be cut before: a preposition (<c>headline-cut-before</c>),
    /// once a verb and <see cref="MinContentWords"/> content words came first, not after a function
    /// word, a particle (<c>headline-particles</c>) or a comma, not inside ", who ..." nor after a
    /// relative clause that opens before the verb ("Eight protesters who stormed ..."), not before an
    /// amount ("about 5,000", "a string | of") and not between a verb and its "to", "as" or "at" ("agreed to give",
    /// "described as", "aimed at").
    /// </summary>
    internal static List<int> Cuts(IReadOnlyList<string> words, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(lexicon);
        var cuts = new List<int>();
        var (content, verb, relative, afterSubjectClause) = (0, false, false, false);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i > 0 && content >= MinContentWords && verb && !relative && lexicon.HeadlineCutBefore.Contains(word) && char.IsLower(word[0]))
            {
                var previous = Bare(words[i - 1]);
                var next = i + 1 < words.Count ? words[i + 1] : "";
                var endsWell = !words[i - 1].EndsWith(',') && !lexicon.Stopwords.Contains(previous) && !lexicon.DanglingEnds.Contains(previous)
                    && !lexicon.HeadlineParticles.Contains(previous);
                var amount = next.Length > 0 && (char.IsDigit(next[0]) || next[0] is '$' or '£' or '€') && lexicon.HeadlineApproximators.Contains(word);

                // "a string | of top Tories", "a number | of firms": the noun after "a" is a quantity that waits for its "of".
                amount |= word == "of" && i > 1 && words[i - 2] is "a" or "an";
                var verbsTo = word == "to" && (HeadlineWriter.IsVerbLike(previous, lexicon) || previous.EndsWith("ing", StringComparison.Ordinal));
                var verbsAs = (word == "as" && lexicon.HeadlineAsVerbs.Contains(previous))
                    || (word is "as" or "at" && previous.EndsWith("ed", StringComparison.Ordinal));
                if (endsWell && !amount && !verbsTo && !verbsAs)
                {
                    cuts.Add(i);
                }
            }

            var bare = Bare(word);
            content += bare.Length > 0 && !lexicon.Stopwords.Contains(bare) ? 1 : 0;

            // "Eight protesters who stormed the chamber": before the sentence's own verb, a relative
            // clause runs to where that verb comes, which no cut can tell; none is made after it.
            var opensClause = i > 0 && !words[i - 1].EndsWith(',') && lexicon.HeadlineRelativeOpeners.Contains(word);
            afterSubjectClause |= opensClause && !verb;
            verb |= HeadlineWriter.IsVerbLike(bare, lexicon) || (i > 0 && words[i - 1] == "to" && bare.Length > 0 && char.IsLower(bare[0]));
            var next2 = i + 1 < words.Count ? words[i + 1] : "";
            relative = afterSubjectClause || (word.EndsWith(',') ? lexicon.HeadlineRelativeOpeners.Contains(next2) : relative);
        }

        return cuts;
    }

    private static readonly char[] Punctuation = [.. ",.;:!?\"“”‘’'()"];

    // The word without the punctuation around it (no copy when there is none).
    private static string Bare(string word) => word.Length > 0 && char.IsLetterOrDigit(word[0]) && char.IsLetterOrDigit(word[^1]) ? word : word.Trim(Punctuation);

    /// <summary>One content word of a headline (a run of letters or digits that is not a stopword) and what the model reads of it.</summary>
    /// <param name="Word">The index of the space-separated word it is in.</param>
    internal readonly record struct HeadlineToken(int Word, string Lower, float Position, float Early, bool Capitalised, bool FirstWord,
        bool Digit, int BodyCount, bool InNextParagraph, bool Acronym, bool AfterCutWord, int HeadlineLength, bool NewsVerb, bool InName)
    {
        public void Write(Span<float> into)
        {
            into[0] = Position;
            into[1] = Early;
            into[2] = Capitalised ? 1 : 0;
            into[3] = FirstWord ? 1 : 0;
            into[4] = Digit ? 1 : 0;
            into[5] = MathF.Log(1 + BodyCount);
            into[6] = InNextParagraph ? 1 : 0;
            into[7] = Math.Min(Lower.Length, 12) / 12f;
            into[8] = Lower.EndsWith("ed", StringComparison.Ordinal) ? 1 : 0;
            into[9] = Lower.EndsWith("ing", StringComparison.Ordinal) ? 1 : 0;
            into[10] = Lower.EndsWith('s') ? 1 : 0;
            into[11] = Lower.EndsWith("ly", StringComparison.Ordinal) ? 1 : 0;
            into[12] = Acronym ? 1 : 0;
            into[13] = AfterCutWord ? 1 : 0;
            into[14] = Math.Min(HeadlineLength, 20) / 20f;
            into[15] = NewsVerb ? 1 : 0;
            into[16] = InName ? 1 : 0;
        }
    }

    /// <summary>The content words of a headline, with how often each comes in the story's other paragraphs (their first 4,000 characters).</summary>
    internal static List<HeadlineToken> Tokens(IReadOnlyList<string> words, IReadOnlyList<Paragraph> paragraphs, int leadIndex, SplitterLexicon lexicon)
    {
        var found = new List<(int Word, string Text)>();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var run in Runs(words[i]))
            {
                var text = words[i][run];
                if (!lexicon.HeadlineFunctionWords.Contains(text))
                {
                    found.Add((i, text));
                }
            }
        }

        var (counts, inNext) = CountInBody(found, paragraphs, leadIndex);
        var tokens = new List<HeadlineToken>(found.Count);
        for (var t = 0; t < found.Count; t++)
        {
            var (w, text) = found[t];
            var bare = Bare(words[w]);
            tokens.Add(new HeadlineToken(
                w,
                text.ToLowerInvariant(),
                t / (float)found.Count,
                Math.Min(t, 12) / 12f,
                w > 0 && char.IsUpper(text[0]),
                w == 0,
                text.Any(char.IsDigit),
                counts[t],
                inNext[t],
                bare.Length > 1 && bare.All(c => !char.IsLetter(c) || char.IsUpper(c)) && bare.Any(char.IsLetter),
                w > 0 && lexicon.HeadlineCutBefore.Contains(words[w - 1]),
                found.Count,
                lexicon.NewsVerbs.Contains(bare),
                char.IsUpper(text[0]) && (IsCapitalised(words, w - 1) || IsCapitalised(words, w + 1))));
        }

        return tokens;
    }

    // How often each word comes in the story's paragraphs other than the lead (their first
    // BodyChars characters), and whether in the one after it. A body word is compared with the
    // headline's words only when one of them has its first letter and length.
    private static (int[] Counts, bool[] InNext) CountInBody(List<(int Word, string Text)> found, IReadOnlyList<Paragraph> paragraphs, int leadIndex)
    {
        var counts = new int[found.Count];
        var inNext = new bool[found.Count];
        // For each first letter (folded to 64 buckets), the lengths of the headline words that start with it.
        Span<ulong> lengthsByFirst = stackalloc ulong[64];
        foreach (var (_, text) in found)
        {
            lengthsByFirst[Bucket(text[0])] |= 1UL << Math.Min(text.Length, 63);
        }

        var budget = BodyChars;
        for (var p = 0; p < paragraphs.Count && budget > 0; p++)
        {
            if (p == leadIndex || paragraphs[p].Kind != ParagraphKind.Text)
            {
                continue;
            }

            var text = paragraphs[p].Text.AsSpan(0, Math.Min(paragraphs[p].Text.Length, budget));
            budget -= text.Length;
            for (var i = 0; i < text.Length;)
            {
                var skip = text[i..].IndexOfAny(WordChars);
                if (skip < 0)
                {
                    break;
                }

                var start = i + skip;
                var length = text[start..].IndexOfAnyExcept(WordChars);
                i = length < 0 ? text.Length : start + length;
                if ((lengthsByFirst[Bucket(text[start])] & (1UL << Math.Min(i - start, 63))) == 0)
                {
                    continue;
                }

                var word = text[start..i];
                for (var t = 0; t < found.Count; t++)
                {
                    if (word.Equals(found[t].Text, StringComparison.OrdinalIgnoreCase))
                    {
                        counts[t]++;
                        inNext[t] |= p == leadIndex + 1;
                    }
                }
            }
        }

        return (counts, inNext);
    }

    // The characters of a body word (ASCII letters and digits: a word with another letter in it is
    // cut there, in training as in use).
    private static readonly SearchValues<char> WordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    // One of 64 buckets for a word's first letter, the same for either case.
    private static int Bucket(char c) => char.ToLowerInvariant(c) & 63;

    private static bool IsCapitalised(IReadOnlyList<string> words, int i) => i >= 0 && i < words.Count && words[i].Length > 0 && char.IsUpper(words[i][0]);

    // The runs of letters and digits in a text ("Leigh's" gives "Leigh" and "s", "30-man" gives "30" and "man").
    internal static IEnumerable<Range> Runs(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                yield return start..i;
                start = -1;
            }
        }
    }
}

/// <summary>
/// The learned part of <see cref="HeadlineCut"/>: a logistic regression over the word features
/// (weights, bias, and the calibrator ML.NET fitted) and the headline length, in content words, the
/// cut aims at. Written by <c>train-headlines</c> to <c>Splitting/Model/headline-model.json</c> with
/// the command and scores that made it.
/// </summary>
public sealed record HeadlineModel(
    IReadOnlyList<string> Features, IReadOnlyList<float> Weights, float Bias, float Slope, float Offset, double ExpectedLength,
    string Command, IReadOnlyList<string> Report)
{
    /// <summary>The resource the shipped model is read from.</summary>
    public const string ResourceName = "Splitting/Model/headline-model.json";

    private static readonly Lazy<HeadlineModel> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The model shipped inside the assembly, read once per process.</summary>
    public static HeadlineModel Default => Shipped.Value;

    /// <summary>The chance that a headline writer keeps a word with these features.</summary>
    public double Probability(ReadOnlySpan<float> features)
    {
        var score = (double)Bias;
        for (var k = 0; k < Weights.Count; k++)
        {
            score += Weights[k] * features[k];
        }

        return 1 / (1 + Math.Exp((Slope * score) + Offset));
    }

    /// <summary>The model as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a model, refusing one made for other features.</summary>
    public static HeadlineModel Load(Stream json)
    {
        var model = JsonSerializer.Deserialize<HeadlineModel>(json)
            ?? throw new InvalidDataException("The headline model is empty.");
        if (!model.Features.SequenceEqual(HeadlineCut.FeatureNames) || model.Weights.Count != model.Features.Count)
        {
            throw new InvalidDataException(
                $"The headline model was trained on other features ({string.Join(", ", model.Features)}); retrain it with train-headlines.");
        }

        return model;
    }

    private static HeadlineModel LoadShipped()
    {
        var assembly = typeof(HeadlineModel).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The headline model resource '{ResourceName}' is missing from {assembly.GetName().Name}.");
        return Load(stream);
    }
}
