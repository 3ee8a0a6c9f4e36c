namespace NewsReader.Core.Splitting;

/// <summary>One body paragraph of a seed file as the splitter sees it, with its 1-based line number.</summary>
/// <param name="Key"><see cref="ParagraphShape.LooseHash"/> of the text: equal for lines that differ only in punctuation, case or spaces.</param>
internal readonly record struct SourceParagraph(string Text, int Line, ParagraphKind Kind, ulong Key = 0);

/// <summary>Why the splitter thinks a story does or does not start at one paragraph.</summary>
/// <param name="Candidate">The paragraph can open a story at all (body text, not a quote, question or speaker line).</param>
/// <param name="Shift">1 minus the cosine similarity of the vocabulary just before and just after (0..1).</param>
/// <param name="Link">Highest cosine similarity of the paragraph to one of the two paragraphs before it (0..1).</param>
/// <param name="RepeatStart">A run of paragraphs repeating earlier text starts exactly here.</param>
/// <param name="Score">The weighted sum of all signals; a story starts where it clears the threshold.</param>
internal readonly record struct BoundaryEvidence(
    bool Candidate,
    LeadSignals Lead,
    double Shift,
    double Link,
    bool RepeatStart,
    double Score);

/// <summary>
/// Scores every paragraph as a possible story start by combining the signals a human editor uses:
/// how the paragraph opens (lead or continuation), how much the vocabulary and the names change
/// around it, and whether it starts a repeat of earlier text. See docs/adr/0001-segmentation.md.
/// </summary>
internal static class BoundaryScorer
{
    /// <summary>A story starts where the score reaches this value.</summary>
    public const double Threshold = 1.5;

    /// <summary>Paragraphs on each side whose vocabulary is compared.</summary>
    public const int ShiftWindow = 3;

    /// <summary>Paragraphs before a candidate whose names count as already known.</summary>
    public const int NameMemory = 6;

    /// <summary>Shortest paragraph that can be a lead.</summary>
    public const int MinLeadChars = 60;

    // Weights: opening words weigh most (an editor reads the first words first), then the topic change.
    private const double NewsVerbWeight = 0.8;
    private const double TimeWordWeight = 0.8;
    private const double FullNameWeight = 0.3;
    private const double NamedSubjectWeight = 0.5;
    private const double DanglingWeight = 2.5;
    private const double DefiniteWeight = 1.5;
    private const double EarlyPronounWeight = 1.0;
    private const double ShiftWeight = 4.0;
    private const double PriorShift = 0.75; // median shift of long-form news text (3-paragraph windows)
    private const int PriorWeight = 20;
    private const double NoveltyWeight = 1.0;
    private const double DefiniteOpenerWeight = 0.8;
    private const double NoveltyPivot = 0.5;
    private const double RepeatWeight = 6.0;
    private const double LaterDefiniteWeight = 0.7;
    private const double KnownSubjectWeight = 1.0;
    private const double LinkWeight = 1.0;

    public static BoundaryEvidence[] Score(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(lexicon);
        var n = paragraphs.Count;
        var result = new BoundaryEvidence[n];
        var bags = new BagWindow(paragraphs, lexicon);
        var repeats = RepeatStarts(paragraphs);
        var known = new Dictionary<int, int>();
        var windows = new WindowCosine();
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                Remember(known, bags[i - 1].Names, +1);
                Remember(known, bags[i - 1 - NameMemory].Names, -1);
                bags.Forget(i - 1 - Math.Max(ShiftWindow, NameMemory)); // keep memory to a window
            }

            result[i] = Evidence(paragraphs, i, bags, known, windows, repeats.Contains(i), lexicon);
        }

        // How much vocabulary changes between paragraphs depends on the writing (long features share
        // more words than short briefs), so a shift counts by how far it rises above the file's median.
        var typicalShift = MedianShift(result);
        for (var i = 0; i < n; i++)
        {
            if (result[i].Candidate)
            {
                result[i] = result[i] with { Score = Combine(result[i].Lead, result[i].Shift - typicalShift, result[i].Link, result[i].RepeatStart) };
            }
        }

        return result;
    }

    private static BoundaryEvidence Evidence(
        IReadOnlyList<SourceParagraph> paragraphs, int i, BagWindow bags, Dictionary<int, int> known, WindowCosine windows, bool repeatStart, SplitterLexicon lexicon)
    {
        var p = paragraphs[i];
        if (i == 0 || !IsCandidate(p))
        {
            return new BoundaryEvidence(false, default, 0, 0, false, double.NegativeInfinity);
        }

        var lookahead = i + 1 < paragraphs.Count && paragraphs[i + 1].Kind == ParagraphKind.Text ? paragraphs[i + 1].Text : null;
        var lead = LeadSignals.Read(p.Text, lexicon, lookahead, known);
        var shift = 1 - windows.Cosine(bags[i - 3], bags[i - 2], bags[i - 1], bags[i], bags[i + 1], bags[i + 2]);
        var link = Math.Max(Cosine(bags[i], bags[i - 1]), Cosine(bags[i], bags[i - 2]));
        return new BoundaryEvidence(true, lead, shift, link, repeatStart, 0);
    }

    /// <summary>Whether a paragraph can open a story: body text long enough, not a quote, question or transcript line.</summary>
    public static bool IsCandidate(SourceParagraph p) =>
        p.Kind == ParagraphKind.Text
        && p.Text.Length >= MinLeadChars
        && !ParagraphShape.StartsWithQuote(p.Text)
        && !ParagraphShape.IsQuestion(p.Text)
        && !ParagraphShape.HasSpeakerLabel(p.Text);

    /// <summary>The weighted sum: positive for a fresh lead in a new topic, negative for a continuation.</summary>
    /// <param name="shiftAboveTypical">The vocabulary shift minus the file's median shift.</param>
    public static double Combine(LeadSignals lead, double shiftAboveTypical, double link, bool repeatStart)
    {
        // A sentence that reports news of today names its own subject, whatever its first words
        // ("This has been a long time coming, but X today announced ...").
        var selfContained = lead.NewsVerb && lead.TimeWord && lead.FullName;
        var s = 0.0;
        s += lead.NewsVerb ? NewsVerbWeight : 0;
        s += lead.TimeWord ? TimeWordWeight : 0;
        s += lead.FullName ? FullNameWeight : 0;
        s += lead.NamedSubject ? NamedSubjectWeight : 0;
        s -= lead.Dangling ? (selfContained ? DanglingWeight / 2 : DanglingWeight) : 0;
        s -= lead.DefiniteReference ? DefiniteWeight : lead.DefiniteOpener ? DefiniteOpenerWeight : 0;
        s -= lead.EarlyPronoun ? EarlyPronounWeight : 0;
        s -= lead.LaterDefinite ? LaterDefiniteWeight : 0;
        s -= lead.KnownSubject ? KnownSubjectWeight : 0;
        s += ShiftWeight * shiftAboveTypical;
        s += NoveltyWeight * (lead.Novelty - NoveltyPivot);
        s -= LinkWeight * link;
        s += repeatStart ? RepeatWeight : 0;
        return s;
    }

    /// <summary>Maps a score to 0..1: 0.5 at the threshold, towards 1 for clear leads.</summary>
    public static double Confidence(double score) => 1 / (1 + Math.Exp(-1.5 * (score - Threshold)));

    /// <summary>Median vocabulary shift over the candidate paragraphs, from a 100-bin histogram (linear time).</summary>
    public static double MedianShift(BoundaryEvidence[] evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var bins = new int[101];
        var count = 0;
        foreach (var e in evidence)
        {
            if (e.Candidate)
            {
                bins[(int)Math.Round(Math.Clamp(e.Shift, 0, 1) * 100)]++;
                count++;
            }
        }

        if (count == 0)
        {
            return PriorShift;
        }

        var median = 1.0;
        var seen = 0;
        for (var b = 0; b < bins.Length; b++)
        {
            seen += bins[b];
            if (seen * 2 >= count)
            {
                median = b / 100.0;
                break;
            }
        }

        // A short file says little about its own style: lean on the prior until it has enough paragraphs.
        return ((count * median) + (PriorWeight * PriorShift)) / (count + PriorWeight);
    }

    /// <summary>Cosine similarity of two bags.</summary>
    public static double Cosine(TermBag a, TermBag b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Cosine(a.Content, b.Content, a.SquaredNorm, b.SquaredNorm);
    }

    /// <summary>Cosine similarity of two sorted term lists (a term repeated counts more).</summary>
    public static double Cosine(int[] a, int[] b) => Cosine(a, b, SquaredNorm(a), SquaredNorm(b));

    private static double Cosine(int[] a, int[] b, long normA, long normB)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        long dot = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                var t = a[i];
                long ca = 0, cb = 0;
                while (i < a.Length && a[i] == t)
                {
                    ca++;
                    i++;
                }

                while (j < b.Length && b[j] == t)
                {
                    cb++;
                    j++;
                }

                dot += ca * cb;
            }
        }

        return dot == 0 ? 0 : dot / Math.Sqrt((double)normA * normB);
    }

    /// <summary>Sum of squared counts of a sorted term list.</summary>
    public static long SquaredNorm(int[] sorted)
    {
        long sum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var t = sorted[i];
            long c = 0;
            while (i < sorted.Length && sorted[i] == t)
            {
                c++;
                i++;
            }

            sum += c * c;
        }

        return sum;
    }

    /// <summary>
    /// Indexes where a run of at least two paragraphs repeats an earlier run and the paragraph before
    /// does not: a repeated story starts exactly where the repeat starts. One hash lookup per paragraph.
    /// </summary>
    public static HashSet<int> RepeatStarts(IReadOnlyList<SourceParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        const int MinChars = 40; // short lines ("Image Credits: Getty Images") repeat without meaning anything

        // Only substantial paragraphs take part, so a caption between two repeated ones does not break the run.
        var index = new List<int>(paragraphs.Count);
        var keys = new List<ulong>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Text.Length >= MinChars)
            {
                index.Add(i);
                keys.Add(paragraphs[i].Key != 0 ? paragraphs[i].Key : ParagraphShape.LooseHash(paragraphs[i].Text));
            }
        }

        var first = new Dictionary<ulong, int>(keys.Count);
        var starts = new HashSet<int>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (!first.TryAdd(keys[i], i))
            {
                var j = first[keys[i]];
                var continues = i + 1 < keys.Count && j + 1 < i && keys[i + 1] == keys[j + 1];
                var startsHere = j == 0 || keys[i - 1] != keys[j - 1];
                if (continues && startsHere)
                {
                    starts.Add(index[i]);
                }
            }
        }

        return starts;
    }

    private static void Remember(Dictionary<int, int> known, int[] names, int delta)
    {
        foreach (var h in names)
        {
            var c = known.GetValueOrDefault(h) + delta;
            if (c <= 0)
            {
                known.Remove(h);
            }
            else
            {
                known[h] = c;
            }
        }
    }

    /// <summary>The term bags of the paragraphs near the current one, built once and dropped behind it.</summary>
    private sealed class BagWindow(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon)
    {
        private readonly TermBag?[] _bags = new TermBag?[paragraphs.Count];

        public TermBag this[int k] => k < 0 || k >= _bags.Length
            ? TermBag.Empty
            : _bags[k] ??= paragraphs[k].Kind == ParagraphKind.Caption ? TermBag.Empty : TermBag.Of(paragraphs[k].Text, lexicon);

        public void Forget(int k)
        {
            if (k >= 0)
            {
                _bags[k] = null;
            }
        }
    }

    /// <summary>
    /// Cosine similarity of the summed term counts of three bags before and three after, by merging
    /// their sorted term lists: no hashing, memory reused between calls.
    /// </summary>
    private sealed class WindowCosine
    {
        private int[] _before = new int[256];
        private int[] _after = new int[256];
        private int[] _scratch = new int[256];

        public double Cosine(TermBag b1, TermBag b2, TermBag b3, TermBag a1, TermBag a2, TermBag a3)
        {
            var nb = Merge3(b1.Content, b2.Content, b3.Content, ref _before);
            var na = Merge3(a1.Content, a2.Content, a3.Content, ref _after);
            return CosineOfSorted(_before.AsSpan(0, nb), _after.AsSpan(0, na));
        }

        private int Merge3(int[] x, int[] y, int[] z, ref int[] target)
        {
            var total = x.Length + y.Length + z.Length;
            if (_scratch.Length < total)
            {
                _scratch = new int[total * 2];
            }

            if (target.Length < total)
            {
                target = new int[total * 2];
            }

            var xy = Merge(x, y, _scratch);
            return Merge(_scratch.AsSpan(0, xy), z, target);
        }

        private static int Merge(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> into)
        {
            int i = 0, j = 0, k = 0;
            while (i < a.Length && j < b.Length)
            {
                into[k++] = a[i] <= b[j] ? a[i++] : b[j++];
            }

            a[i..].CopyTo(into[k..]);
            k += a.Length - i;
            b[j..].CopyTo(into[k..]);
            return k + b.Length - j;
        }

        private static double CosineOfSorted(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
        {
            long dot = 0, na = 0, nb = 0;
            int i = 0, j = 0;
            while (i < a.Length || j < b.Length)
            {
                var t = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
                long ca = 0, cb = 0;
                while (i < a.Length && a[i] == t)
                {
                    ca++;
                    i++;
                }

                while (j < b.Length && b[j] == t)
                {
                    cb++;
                    j++;
                }

                dot += ca * cb;
                na += ca * ca;
                nb += cb * cb;
            }

            return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt((double)na * nb);
        }
    }
}
