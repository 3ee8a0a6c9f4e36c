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
    private const double LinkWeight = 2.0;

    public static BoundaryEvidence[] Score(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var n = paragraphs.Count;
        var result = new BoundaryEvidence[n];
        var bags = new TermBag?[n];
        TermBag Bag(int k)
        {
            if (k < 0 || k >= n)
            {
                return TermBag.Empty;
            }

            return bags[k] ??= paragraphs[k].Kind == ParagraphKind.Caption ? TermBag.Empty : TermBag.Of(paragraphs[k].Text, lexicon);
        }

        var repeats = RepeatStarts(paragraphs);
        var window = new SlidingCosine();
        var known = new Dictionary<int, int>();
        for (var k = 0; k < ShiftWindow; k++)
        {
            window.AddAfter(Bag(k).Content);
        }

        for (var i = 0; i < n; i++)
        {
            // Slide: paragraph i moves from the "after" side to the "before" side.
            if (i > 0)
            {
                window.MoveToBefore(Bag(i - 1).Content);
                window.RemoveBefore(Bag(i - 1 - ShiftWindow).Content);
                window.AddAfter(Bag(i - 1 + ShiftWindow).Content);
                Remember(known, Bag(i - 1).Names, +1);
                Remember(known, Bag(i - 1 - NameMemory).Names, -1);
                bags[Math.Max(0, i - 1 - Math.Max(ShiftWindow, NameMemory))] = null; // keep memory to a window
            }

            var p = paragraphs[i];
            var candidate = i > 0 && IsCandidate(p);
            if (!candidate)
            {
                result[i] = new BoundaryEvidence(false, default, 0, 0, false, double.NegativeInfinity);
                continue;
            }

            var lookahead = i + 1 < n && paragraphs[i + 1].Kind == ParagraphKind.Text ? paragraphs[i + 1].Text : null;
            var lead = LeadSignals.Read(p.Text, lexicon, lookahead, known);
            var shift = 1 - window.Cosine;
            var link = Math.Max(Cosine(Bag(i).Content, Bag(i - 1).Content), Cosine(Bag(i).Content, Bag(i - 2).Content));
            result[i] = new BoundaryEvidence(true, lead, shift, link, repeats.Contains(i), 0);
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

    /// <summary>Cosine similarity of two sorted term lists (a term repeated counts more).</summary>
    public static double Cosine(int[] a, int[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
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

        return dot == 0 ? 0 : dot / Math.Sqrt((double)SquaredNorm(a) * SquaredNorm(b));
    }

    private static long SquaredNorm(int[] sorted)
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
        var index = new List<int>();
        var keys = new List<ulong>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Text.Length >= MinChars)
            {
                index.Add(i);
                keys.Add(paragraphs[i].Key != 0 ? paragraphs[i].Key : ParagraphShape.LooseHash(paragraphs[i].Text));
            }
        }

        var first = new Dictionary<ulong, int>();
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

    /// <summary>Cosine similarity of two term-count vectors kept up to date as the window slides.</summary>
    private sealed class SlidingCosine
    {
        private readonly Dictionary<int, int> _before = [];
        private readonly Dictionary<int, int> _after = [];
        private long _dot;
        private long _normBefore;
        private long _normAfter;

        public double Cosine => _normBefore == 0 || _normAfter == 0 ? 0 : _dot / Math.Sqrt((double)_normBefore * _normAfter);

        public void AddAfter(int[] terms)
        {
            foreach (var t in terms)
            {
                Change(_after, _before, t, +1, ref _normAfter);
            }
        }

        public void MoveToBefore(int[] terms)
        {
            foreach (var t in terms)
            {
                Change(_after, _before, t, -1, ref _normAfter);
                Change(_before, _after, t, +1, ref _normBefore);
            }
        }

        public void RemoveBefore(int[] terms)
        {
            foreach (var t in terms)
            {
                Change(_before, _after, t, -1, ref _normBefore);
            }
        }

        private void Change(Dictionary<int, int> side, Dictionary<int, int> other, int term, int delta, ref long norm)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(side, term, out _);
            var x = count;
            count = x + delta;
            norm += ((long)count * count) - ((long)x * x);
            _dot += (long)delta * other.GetValueOrDefault(term);
            if (count == 0)
            {
                side.Remove(term);
            }
        }
    }
}
