using System.Runtime.InteropServices;

namespace NewsReader.Core.Splitting;

/// <summary>One body paragraph of a seed file as the splitter sees it, with its 1-based line number.</summary>
/// <param name="Paragraph">The paragraph as it goes into its article (built once, shared with the split's output).</param>
/// <param name="Key"><see cref="ParagraphShape.LooseHash"/> of the text: equal for lines that differ only in punctuation, case or spaces.</param>
internal readonly record struct SourceParagraph(Paragraph Paragraph, int Line, ulong Key = 0)
{
    public SourceParagraph(string text, int line, ParagraphKind kind, ulong key = 0)
        : this(new Paragraph(text, kind), line, key)
    {
    }

    public string Text => Paragraph.Text;

    public ParagraphKind Kind => Paragraph.Kind;
}

/// <summary>Whether a story starts at one paragraph, as far as the splitter can tell.</summary>
/// <param name="Candidate">The paragraph can open a story at all (body text, not a quote, question or speaker line).</param>
/// <param name="RepeatStart">A run of paragraphs repeating earlier text starts exactly here.</param>
/// <param name="Score">The weighted sum of all signals (<see cref="BoundaryScorer.Combine"/>); a story starts where it clears the threshold.</param>
/// <param name="LeansForward">The paragraph shares at least twice as much with the two paragraphs after it as with the two before it (cosine of their words).</param>
[StructLayout(LayoutKind.Auto)] // the three flags beside the score: 16 bytes per paragraph of a big file
internal readonly record struct BoundaryEvidence(bool Candidate, bool RepeatStart, double Score, bool LeansForward = false);

/// <summary>A run of paragraphs that repeats an earlier run: indexes of both copies' first paragraphs and of the paragraphs just after them.</summary>
/// <param name="Start">The later copy's first paragraph.</param>
/// <param name="End">The first substantial paragraph after the later copy (the paragraph count at the end of the file).</param>
/// <param name="SourceStart">The earlier copy's first paragraph.</param>
/// <param name="SourceEnd">The first substantial paragraph after the earlier copy.</param>
internal readonly record struct RepeatedRun(int Start, int End, int SourceStart, int SourceEnd);

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
    private const double DatelineWeight = 2.0;

    public static BoundaryEvidence[] Score(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon) =>
        Score(paragraphs, lexicon, RepeatedRuns(paragraphs));

    /// <param name="runs">The file's <see cref="RepeatedRuns"/>, when the caller has them already.</param>
    public static BoundaryEvidence[] Score(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon, IReadOnlyList<RepeatedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(runs);
        var n = paragraphs.Count;
        var bags = new BagWindow(paragraphs, lexicon);
        var repeats = runs.Select(r => r.Start).ToHashSet();
        var known = new Dictionary<int, int>();
        var window = new ShiftWindowCounts(bags);

        // The score needs the file's median shift, known only once every paragraph is read. Until
        // then a candidate's raw shift waits in its Score, its link and opening signals beside it
        // (packed: one evidence per paragraph of a big file is what this stage holds).
        var result = new BoundaryEvidence[n];
        var links = new double[n];
        var leads = new uint[n];
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                Remember(known, bags[i - 1].Names, +1);
                Remember(known, bags[i - 1 - NameMemory].Names, -1);
            }

            window.MoveTo(i);
            var p = paragraphs[i];
            if (i == 0 || !IsCandidate(p))
            {
                result[i] = new BoundaryEvidence(false, false, double.NegativeInfinity);
                continue;
            }

            var lookahead = i + 1 < n && paragraphs[i + 1].Kind == ParagraphKind.Text ? paragraphs[i + 1].Text : null;
            leads[i] = Pack(LeadSignals.Read(p.Text, lexicon, lookahead, known));
            links[i] = Math.Max(bags.Cosine(i, i - 1), bags.Cosine(i, i - 2));
            var forward = Math.Max(bags.Cosine(i, i + 1), bags.Cosine(i, i + 2));
            result[i] = new BoundaryEvidence(true, repeats.Contains(i), Score: 1 - window.Cosine, LeansForward: forward > 0 && forward >= 2 * links[i]);
        }

        // How much vocabulary changes between paragraphs depends on the writing (long features share
        // more words than short briefs), so a shift counts by how far it rises above the file's median.
        var typicalShift = MedianShift(result);
        for (var i = 0; i < n; i++)
        {
            if (result[i].Candidate)
            {
                result[i] = result[i] with { Score = Combine(Unpack(leads[i]), result[i].Score - typicalShift, links[i], result[i].RepeatStart) };
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
        s += lead.Dateline ? DatelineWeight : 0;
        return s;
    }

    /// <summary>Maps a score to 0..1: 0.5 at the threshold, towards 1 for clear leads.</summary>
    public static double Confidence(double score) => 1 / (1 + Math.Exp(-1.5 * (score - Threshold)));

    /// <summary>Median vocabulary shift over the candidate paragraphs, from a 100-bin histogram (linear time).</summary>
    /// <param name="shifts">Evidence whose <see cref="BoundaryEvidence.Score"/> still holds the raw shift (1 minus the cosine similarity of the vocabulary just before and just after, 0..1).</param>
    public static double MedianShift(BoundaryEvidence[] shifts)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        var bins = new int[101];
        var count = 0;
        foreach (var e in shifts)
        {
            if (e.Candidate)
            {
                bins[(int)Math.Round(Math.Clamp(e.Score, 0, 1) * 100)]++;
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

    /// <summary>
    /// Every run of at least two paragraphs that repeats an earlier run, where the paragraph before
    /// it does not (a repeated story starts exactly where the repeat starts), with where the earlier
    /// copy starts and where each copy ends. Sorting instead of a
    /// hash map; each repeated paragraph is compared once more to find where its run ends.
    /// </summary>
    public static List<RepeatedRun> RepeatedRuns(IReadOnlyList<SourceParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        const int MinChars = 40; // short lines ("Image Credits: Getty Images") repeat without meaning anything

        // Only substantial paragraphs take part, so a caption between two repeated ones does not break the run.
        var count = 0;
        foreach (var p in paragraphs)
        {
            count += p.Text.Length >= MinChars ? 1 : 0;
        }

        // The first earlier paragraph with the same key, found by sorting (key, position) pairs: two
        // arrays instead of a hash map over every paragraph of a big file. Keys in file order are
        // read back from the paragraphs (KeyAt), not copied.
        var index = new int[count];
        var sortedKeys = new ulong[count];
        for (int i = 0, k = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Text.Length >= MinChars)
            {
                index[k] = i;
                sortedKeys[k++] = KeyOf(paragraphs[i]);
            }
        }

        ulong KeyAt(int k) => KeyOf(paragraphs[index[k]]);

        var order = new int[count];
        for (var k = 0; k < count; k++)
        {
            order[k] = k;
        }

        // For each paragraph the first paragraph with its key, and for that first one the next (a
        // copy of the earlier text ends before its own first paragraph comes round again: three
        // copies in a row are three runs of one story, not a run of two stories).
        Array.Sort(sortedKeys, order);
        var firstPosition = new int[count];
        var nextPosition = new int[count];
        for (var run = 0; run < count;)
        {
            var end = run + 1;
            while (end < count && sortedKeys[end] == sortedKeys[run])
            {
                end++;
            }

            Array.Sort(order, run, end - run); // positions in file order (Array.Sort is not stable)
            for (var k = run; k < end; k++)
            {
                firstPosition[order[k]] = order[run];
                nextPosition[order[k]] = k + 1 < end ? order[k + 1] : count;
            }

            run = end;
        }

        var runs = new List<RepeatedRun>();
        var covered = 0; // substantial paragraphs before this one belong to a run found already
        for (var i = 0; i < count; i++)
        {
            var j = firstPosition[i];
            if (j == i || i < covered)
            {
                continue;
            }

            if (j > 0 && KeyAt(i - 1) == KeyAt(j - 1))
            {
                continue; // inside a run that starts earlier
            }

            // The copies end at the first substantial paragraph that differs and is not followed by
            // the same text again (one edited paragraph does not end a repeat), or where the earlier
            // copy would run into its next copy. One paragraph repeated alone is no run.
            var limit = nextPosition[j];
            int length = 1, matched = 1;
            while (i + length < count && j + length < limit)
            {
                if (KeyAt(i + length) == KeyAt(j + length))
                {
                    length++;
                    matched++;
                }
                else if (i + length + 1 < count && j + length + 1 < limit && KeyAt(i + length + 1) == KeyAt(j + length + 1))
                {
                    length += 2;
                    matched++;
                }
                else
                {
                    break;
                }
            }

            if (matched >= 2)
            {
                var end = i + length < count ? index[i + length] : paragraphs.Count;
                runs.Add(new RepeatedRun(index[i], end, index[j], index[j + length]));
                covered = i + length;
            }
        }

        return runs;
    }

    private static ulong KeyOf(SourceParagraph p) => p.Key != 0 ? p.Key : ParagraphShape.LooseHash(p.Text);

    // The opening signals in 23 bits: ten flags, the counts of names and fresh names (at most 40 each), the dateline.
    private static uint Pack(LeadSignals l) =>
        (l.Dangling ? 1u : 0) | (l.DefiniteReference ? 2u : 0) | (l.DefiniteOpener ? 4u : 0) | (l.EarlyPronoun ? 8u : 0)
        | (l.LaterDefinite ? 16u : 0) | (l.NewsVerb ? 32u : 0) | (l.TimeWord ? 64u : 0) | (l.FullName ? 128u : 0)
        | (l.NamedSubject ? 256u : 0) | (l.KnownSubject ? 512u : 0) | ((uint)l.Names << 10) | ((uint)l.Fresh << 16)
        | (l.Dateline ? 1u << 22 : 0);

    private static LeadSignals Unpack(uint b) => new(
        (b & 1) != 0, (b & 2) != 0, (b & 4) != 0, (b & 8) != 0, (b & 16) != 0, (b & 32) != 0, (b & 64) != 0, (b & 128) != 0,
        (b & 256) != 0, (b & 512) != 0, (byte)((b >> 10) & 63), (byte)((b >> 16) & 63), (b & (1u << 22)) != 0);

    private static void Remember(Dictionary<int, int> known, ReadOnlySpan<int> names, int delta)
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

    // Distinct terms per paragraph fall as a file grows (about 1.2 per paragraph over a 50 MB
    // file of news); a guess too small only costs one growth. The hash table keeps a free half on
    // top, so it is sized for the paragraph count and grows only past 1.35 terms per paragraph.
    private static int VocabularyGuess(int paragraphs) => Math.Clamp(paragraphs + (paragraphs / 2), 1024, 1 << 22);

    /// <summary>
    /// The term bags of the paragraphs near the current one, filled on first use into a small ring of
    /// reused bags (the scorer looks at most <see cref="NameMemory"/> + 1 behind and
    /// <see cref="ShiftWindow"/> - 1 ahead), with the term numbering they share.
    /// </summary>
    private sealed class BagWindow(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon)
    {
        private const int Ring = 16; // > NameMemory + ShiftWindow + 1, a power of two

        private readonly TermBag[] _ring = [.. Enumerable.Range(0, Ring).Select(_ => new TermBag())];
        private readonly int[] _holds = [.. Enumerable.Repeat(-1, Ring)];
        private int[] _counts = new int[VocabularyGuess(paragraphs.Count)];

        /// <summary>Numbers every term hash met so far, so bags count terms in plain arrays.</summary>
        // Sized up front: growing by doubling left as much garbage as the table itself.
        public HashTable Numbers { get; } = new(Math.Max(paragraphs.Count, 1024));

        public int Paragraphs => paragraphs.Count;

        public TermBag this[int k]
        {
            get
            {
                if (k < 0 || k >= paragraphs.Count || paragraphs[k].Kind == ParagraphKind.Caption)
                {
                    return TermBag.Empty;
                }

                var slot = k & (Ring - 1);
                var bag = _ring[slot];
                if (_holds[slot] != k)
                {
                    bag.Fill(paragraphs[k].Text, lexicon, Numbers, ref _counts);
                    _holds[slot] = k;
                }

                return bag;
            }
        }

        /// <summary>Cosine similarity of the bags of paragraphs <paramref name="a"/> and <paramref name="b"/>.</summary>
        public double Cosine(int a, int b)
        {
            var bagA = this[a];
            var bagB = this[b];
            return TermBag.Cosine(bagA, bagB, _counts);
        }
    }

    /// <summary>
    /// Cosine similarity of the summed term counts of the <see cref="ShiftWindow"/> bags before a
    /// paragraph and the ones from it on. Moving one paragraph on moves one bag from the after side
    /// to the before side and brings one in and one out, so the dot product and both norms are kept
    /// up to date term by term instead of being recomputed from six bags.
    /// </summary>
    private sealed class ShiftWindowCounts
    {
        private readonly BagWindow _bags;
        // A side holds ShiftWindow bags of at most 160 terms: a count never exceeds 480, so 16 bits do.
        private ushort[] _before;
        private ushort[] _after;
        private long _dot;
        private long _normBefore;
        private long _normAfter;
        private int _at;

        public ShiftWindowCounts(BagWindow bags)
        {
            _bags = bags;
            _before = new ushort[bags.Numbers.Count + VocabularyGuess(bags.Paragraphs)];
            _after = new ushort[_before.Length];
            for (var k = 0; k < ShiftWindow; k++)
            {
                Add(bags[k], after: true);
            }
        }

        /// <summary>The cosine at the current paragraph (0 when either side has no terms).</summary>
        public double Cosine => _normBefore == 0 || _normAfter == 0 ? 0 : _dot / Math.Sqrt((double)_normBefore * _normAfter);

        /// <summary>Moves forward to paragraph <paramref name="i"/>.</summary>
        public void MoveTo(int i)
        {
            while (_at < i)
            {
                _at++;
                var crossing = _bags[_at - 1];
                Remove(_bags[_at - 1 - ShiftWindow], after: false);
                Remove(crossing, after: true);
                Add(crossing, after: false);
                Add(_bags[_at + ShiftWindow - 1], after: true);
            }
        }

        private void Add(TermBag bag, bool after)
        {
            var (mine, other) = Sides(after);
            long dot = 0, norm = 0;
            foreach (var t in bag.Terms)
            {
                norm += (2 * mine[t]) + 1;
                mine[t]++;
                dot += other[t];
            }

            Update(after, dot, norm);
        }

        private void Remove(TermBag bag, bool after)
        {
            var (mine, other) = Sides(after);
            long dot = 0, norm = 0;
            foreach (var t in bag.Terms)
            {
                mine[t]--;
                norm -= (2 * mine[t]) + 1;
                dot -= other[t];
            }

            Update(after, dot, norm);
        }

        private void Update(bool after, long dot, long norm)
        {
            _dot += dot;
            if (after)
            {
                _normAfter += norm;
            }
            else
            {
                _normBefore += norm;
            }
        }

        private (ushort[] Mine, ushort[] Other) Sides(bool after)
        {
            var size = _bags.Numbers.Count + 1;
            if (_before.Length < size)
            {
                Array.Resize(ref _before, Math.Max(size, _before.Length * 2));
                Array.Resize(ref _after, _before.Length);
            }

            return after ? (_after, _before) : (_before, _after);
        }
    }
}
