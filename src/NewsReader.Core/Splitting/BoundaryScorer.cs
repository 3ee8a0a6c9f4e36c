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

/// <summary>What the splitter reads around one paragraph before the model weighs it (see <see cref="BoundaryFeatures"/>).</summary>
/// <param name="Lead">The opening signals of the paragraph's first sentence, packed (<see cref="BoundaryScorer.Unpack"/>).</param>
/// <param name="Shift">1 minus the cosine of the words of the <see cref="BoundaryScorer.ShiftWindow"/> paragraphs before and from here on.</param>
/// <param name="Link">The closest cosine of this paragraph's words to one of the two before it.</param>
/// <param name="Forward">The closest cosine of this paragraph's words to one of the two after it.</param>
/// <param name="Repeat">Where the paragraph sits against the file's repeated runs (<see cref="RepeatPlace"/>).</param>
/// <param name="Shape">The paragraph's <see cref="ShapeFlags"/>, read once (its neighbours' features read them again).</param>
[StructLayout(LayoutKind.Auto)] // 20 bytes per paragraph of a big file
internal readonly record struct BoundarySignals(uint Lead, float Shift, float Link, float Forward, RepeatPlace Repeat, ShapeFlags Shape = ShapeFlags.None)
{
    public bool In(RepeatPlace place) => (Repeat & place) != 0;

    public LeadSignals LeadSignals => BoundaryScorer.Unpack(Lead);

    public bool Has(ShapeFlags flag) => (Shape & flag) != 0;
}

/// <summary>What a paragraph's shape says, as flags.</summary>
[Flags]
internal enum ShapeFlags : byte
{
    None = 0,
    Quote = 1,
    Question = 2,
    Speaker = 4,
    Candidate = 8,
    EndsQuote = 16,
    EndsColon = 32,
}

/// <summary>
/// Where a paragraph sits against the runs of paragraphs that repeat earlier text: a repeated story
/// starts where its copy starts, nothing starts inside a copy, and the next story starts after it.
/// </summary>
[Flags]
internal enum RepeatPlace : byte
{
    None = 0,

    /// <summary>The later copy of a run starts here.</summary>
    Start = 1,

    /// <summary>The earlier copy of a run starts here.</summary>
    SourceStart = 2,

    /// <summary>Inside either copy of a run, after its first paragraph.</summary>
    Inside = 4,

    /// <summary>The first substantial paragraph after either copy of a run.</summary>
    After = 8,
}

/// <summary>A run of paragraphs that repeats an earlier run: indexes of both copies' first paragraphs and of the paragraphs just after them.</summary>
/// <param name="Start">The later copy's first paragraph.</param>
/// <param name="End">The first substantial paragraph after the later copy (the paragraph count at the end of the file).</param>
/// <param name="SourceStart">The earlier copy's first paragraph.</param>
/// <param name="SourceEnd">The first substantial paragraph after the earlier copy.</param>
internal readonly record struct RepeatedRun(int Start, int End, int SourceStart, int SourceEnd);

/// <summary>
/// Reads, for every paragraph, the signals a human editor uses to tell a new story: how the paragraph
/// opens (lead or continuation), how much the vocabulary and the names change around it, and whether
/// it starts a repeat of earlier text. The boundary model weighs them (see <see cref="BoundaryModel"/>
/// and docs/adr/0001-segmentation.md).
/// </summary>
internal static class BoundaryScorer
{
    /// <summary>Paragraphs on each side whose vocabulary is compared.</summary>
    public const int ShiftWindow = 3;

    /// <summary>Paragraphs before a candidate whose names count as already known.</summary>
    public const int NameMemory = 6;

    /// <summary>Shortest paragraph that can be a lead.</summary>
    public const int MinLeadChars = 60;

    // Short lines ("Image Credits: Getty Images") repeat without meaning anything: a repeat is found
    // by paragraphs at least this long.
    private const int RepeatMinChars = 40;

    private const double PriorShift = 0.75; // median shift of long-form news text (3-paragraph windows)
    private const int PriorWeight = 20;

    public static BoundarySignals[] Score(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon) =>
        Score(paragraphs, lexicon, RepeatedRuns(paragraphs));

    /// <param name="runs">The file's <see cref="RepeatedRuns"/>, when the caller has them already.</param>
    public static BoundarySignals[] Score(IReadOnlyList<SourceParagraph> paragraphs, SplitterLexicon lexicon, IReadOnlyList<RepeatedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(runs);
        var n = paragraphs.Count;
        var bags = new BagWindow(paragraphs, lexicon);
        var repeats = Places(runs, n);
        var known = new Dictionary<int, int>();
        var window = new ShiftWindowCounts(bags);
        var result = new BoundarySignals[n];
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                Remember(known, bags[i - 1].Names, +1);
                Remember(known, bags[i - 1 - NameMemory].Names, -1);
            }

            window.MoveTo(i);
            var p = paragraphs[i];
            var lookahead = i + 1 < n && paragraphs[i + 1].Kind == ParagraphKind.Text ? paragraphs[i + 1].Text : null;
            var lead = p.Kind == ParagraphKind.Caption ? 0u : Pack(LeadSignals.Read(p.Text, lexicon, lookahead, known));
            var link = Math.Max(bags.Cosine(i, i - 1), bags.Cosine(i, i - 2));
            var forward = Math.Max(bags.Cosine(i, i + 1), bags.Cosine(i, i + 2));
            result[i] = new BoundarySignals(lead, (float)(1 - window.Cosine), (float)link, (float)forward, repeats[i], Shape(p));
        }

        return result;
    }

    /// <summary>Each paragraph's <see cref="RepeatPlace"/>; linear in the paragraphs and runs, however often one story repeats.</summary>
    private static RepeatPlace[] Places(IReadOnlyList<RepeatedRun> runs, int n)
    {
        var places = new RepeatPlace[n];
        var inside = new int[n + 1]; // +1 where a copy's inside begins, -1 where it ends
        void Copy(int start, int end, RepeatPlace first)
        {
            places[start] |= first;
            if (end < n)
            {
                places[end] |= RepeatPlace.After;
            }

            if (start + 1 < end)
            {
                inside[start + 1]++;
                inside[end]--;
            }
        }

        foreach (var run in runs)
        {
            Copy(run.SourceStart, run.SourceEnd, RepeatPlace.SourceStart);
            Copy(run.Start, run.End, RepeatPlace.Start);
        }

        var depth = 0;
        for (var i = 0; i < n; i++)
        {
            depth += inside[i];
            places[i] |= depth > 0 ? RepeatPlace.Inside : 0;
        }

        return places;
    }

    private static ShapeFlags Shape(SourceParagraph p)
    {
        var text = p.Text;
        var trimmed = text.AsSpan().TrimEnd();
        var flags = ShapeFlags.None;
        flags |= ParagraphShape.StartsWithQuote(text) ? ShapeFlags.Quote : 0;
        flags |= ParagraphShape.IsQuestion(text) ? ShapeFlags.Question : 0;
        flags |= ParagraphShape.HasSpeakerLabel(text) ? ShapeFlags.Speaker : 0;
        flags |= p.Kind == ParagraphKind.Text && text.Length >= MinLeadChars && (flags & (ShapeFlags.Quote | ShapeFlags.Question | ShapeFlags.Speaker)) == 0
            ? ShapeFlags.Candidate
            : 0;
        flags |= trimmed.Length > 0 && trimmed[^1] is '"' or '”' or '’' or '\'' ? ShapeFlags.EndsQuote : 0;
        flags |= trimmed.Length > 0 && trimmed[^1] == ':' ? ShapeFlags.EndsColon : 0;
        return flags;
    }

    /// <summary>Whether a paragraph reads like a story's opening at all: body text long enough, not a quote, question or transcript line.</summary>
    public static bool IsCandidate(SourceParagraph p) => (Shape(p) & ShapeFlags.Candidate) != 0;

    /// <summary>
    /// Median vocabulary shift over the paragraphs that could open a story, from a 100-bin histogram
    /// (linear time), leaning on a prior for short files: how much vocabulary changes between
    /// paragraphs depends on the writing (long features share more words than short briefs), so
    /// the model reads a shift beside the file's typical one.
    /// </summary>
    public static double MedianShift(BoundarySignals[] signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var bins = new int[101];
        var count = 0;
        for (var i = 1; i < signals.Length; i++)
        {
            if (signals[i].Has(ShapeFlags.Candidate))
            {
                bins[(int)Math.Round(Math.Clamp(signals[i].Shift, 0, 1) * 100)]++;
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
        var (index, firstPosition, nextPosition) = Copies(paragraphs);
        var count = index.Length;
        ulong KeyAt(int k) => KeyOf(paragraphs[index[k]]);

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
                var (start, sourceStart) = WithShortLeadIn(paragraphs, index[i], index[j], index[j + length], runs.Count > 0 ? runs[^1].End : 0);
                runs.Add(new RepeatedRun(start, end, sourceStart, index[j + length]));
                covered = i + length;
            }
        }

        return runs;
    }

    /// <summary>
    /// The substantial paragraphs (their positions in the file: only they take part, so a caption
    /// between two repeated ones does not break a run) and, for each, the first of them with the same
    /// key and, for that first one, the next.
    /// </summary>
    private static (int[] Index, int[] FirstPosition, int[] NextPosition) Copies(IReadOnlyList<SourceParagraph> paragraphs)
    {
        var count = 0;
        foreach (var p in paragraphs)
        {
            count += p.Text.Length >= RepeatMinChars ? 1 : 0;
        }

        // The first earlier paragraph with the same key, found by sorting (key, position) pairs: two
        // arrays instead of a hash map over every paragraph of a big file. Keys in file order are
        // read back from the paragraphs (KeyAt), not copied.
        var index = new int[count];
        var sortedKeys = new ulong[count];
        for (int i = 0, k = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Text.Length >= RepeatMinChars)
            {
                index[k] = i;
                sortedKeys[k++] = KeyOf(paragraphs[i]);
            }
        }

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

        return (index, firstPosition, nextPosition);
    }

    /// <summary>
    /// Moves both copies' starts back over short paragraphs that are the same before each (a one-line
    /// lead or a kicker is too short to find a repeat by, but is part of the repeated story), as long
    /// as the copy's lead-in lies after the earlier copy and after the run before.
    /// </summary>
    private static (int Start, int SourceStart) WithShortLeadIn(IReadOnlyList<SourceParagraph> paragraphs, int start, int sourceStart, int sourceEnd, int floor)
    {
        const int MaxLeadIn = 2;
        for (var k = 0; k < MaxLeadIn && sourceStart > 0 && start - 1 >= Math.Max(sourceEnd, floor); k++)
        {
            var before = paragraphs[start - 1];
            var sourceBefore = paragraphs[sourceStart - 1];
            if (before.Text.Length >= RepeatMinChars || KeyOf(before) != KeyOf(sourceBefore) || !ParagraphShape.LooselyEqual(before.Text, sourceBefore.Text))
            {
                break;
            }

            start--;
            sourceStart--;
        }

        return (start, sourceStart);
    }

    private static ulong KeyOf(SourceParagraph p) => p.Key != 0 ? p.Key : ParagraphShape.LooseHash(p.Text);

    // The opening signals in 26 bits: ten flags, the counts of names and fresh names (at most 40 each), the dateline, three more flags.
    internal static uint Pack(LeadSignals l) =>
        (l.Dangling ? 1u : 0) | (l.DefiniteReference ? 2u : 0) | (l.DefiniteOpener ? 4u : 0) | (l.EarlyPronoun ? 8u : 0)
        | (l.LaterDefinite ? 16u : 0) | (l.NewsVerb ? 32u : 0) | (l.TimeWord ? 64u : 0) | (l.FullName ? 128u : 0)
        | (l.NamedSubject ? 256u : 0) | (l.KnownSubject ? 512u : 0) | ((uint)l.Names << 10) | ((uint)l.Fresh << 16)
        | (l.Dateline ? 1u << 22 : 0) | (l.SubjectVerb ? 1u << 23 : 0) | (l.Appositive ? 1u << 24 : 0) | (l.Reintroduced ? 1u << 25 : 0);

    internal static LeadSignals Unpack(uint b) => new(
        (b & 1) != 0, (b & 2) != 0, (b & 4) != 0, (b & 8) != 0, (b & 16) != 0, (b & 32) != 0, (b & 64) != 0, (b & 128) != 0,
        (b & 256) != 0, (b & 512) != 0, (byte)((b >> 10) & 63), (byte)((b >> 16) & 63), (b & (1u << 22)) != 0,
        (b & (1u << 23)) != 0, (b & (1u << 24)) != 0, (b & (1u << 25)) != 0);

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
