using NewsReader.Core.Reading;

namespace NewsReader.Core.Splitting;

/// <summary>Finds where each article of a seed file starts and ends.</summary>
public static class SeedSplitter
{
    /// <summary>Most leading lines read as the file's byline/source header.</summary>
    private const int MaxHeaderLines = 3;

    /// <summary>
    /// Splits a file into its header and articles. Seed format: stories are found by scoring each
    /// paragraph with the learned boundary model and choosing the file's starts at once (see
    /// <see cref="BoundaryModel"/> and <see cref="StartDecoder"/>). Markdown: <c>#</c>/<c>##</c>
    /// headings start articles. In both, doubled captions are kept once. Which stories repeat an
    /// earlier one is not the splitter's question: <c>SeedParser</c> asks <c>Dedup.DuplicateFinder</c>.
    /// </summary>
    /// <param name="overrides">People's joins and splits (seed format only: in Markdown the headings decide).</param>
    public static SplitResult Split(SeedText text, SplitOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = SplitterLexicon.Default;
        return text.Format == SeedFormat.Markdown ? MarkdownSplitter.Split(text.Lines, lexicon) : SplitSeed(text.Lines, lexicon, overrides);
    }

    internal static SplitResult SplitSeed(IReadOnlyList<string> lines, SplitterLexicon lexicon, SplitOverrides? overrides = null, BoundaryModel? model = null)
    {
        var (header, paragraphs) = Prepare(lines, lexicon);
        if (paragraphs.Count == 0)
        {
            return new SplitResult(header, []);
        }

        model ??= BoundaryModel.Default;
        var repeats = BoundaryScorer.RepeatedRuns(paragraphs);
        var probabilities = model.StartProbabilities(paragraphs, BoundaryScorer.Score(paragraphs, lexicon, repeats));
        Func<int, bool?>? decided = overrides is { IsEmpty: false } ? i => overrides.StartsAt(paragraphs[i - 1].Text, paragraphs[i].Text) : null;
        var starts = ChooseStarts(paragraphs, probabilities, model.Card.Decoder, decided);
        var aligned = AlignRepeatedCopies(paragraphs, repeats, starts, overrides);
        var articles = new List<SplitArticle>(starts.Count);
        for (var s = 0; s < starts.Count; s++)
        {
            var from = starts[s];
            var to = s + 1 < starts.Count ? starts[s + 1] : paragraphs.Count;
            var body = new Paragraph[to - from];
            for (var k = from; k < to; k++)
            {
                body[k - from] = paragraphs[k].Paragraph;
            }

            // A start a person made (a split, or a boundary they confirmed) is certain, and so is one
            // a repeated story's other copy fixes.
            var confidence = s == 0 || aligned.Contains(from) || decided?.Invoke(from) == true ? 1.0 : probabilities[LeadOf(paragraphs, from, to)];
            articles.Add(new SplitArticle(null, body, paragraphs[from].Line, Math.Round(confidence, 3)));
        }

        return new SplitResult(header, articles);
    }

    /// <summary>
    /// The file's starts: <see cref="StartDecoder"/> over the paragraphs but the photo captions, then
    /// each start moved back onto the captions just before it. A caption goes with what follows it:
    /// inside a story, or as the first line of one (web pages often put the photo's caption or credit
    /// before the lead; in the annotated and web files no caption is followed by a start otherwise).
    /// Left out of the decoder's sequence, captions neither count towards a story's length nor stand
    /// between a lead and the story before it. A person's split is a start the decoder builds around
    /// (a caption they split at stays in the sequence); a person's join takes away only the start
    /// they joined at: decoded as a constraint, it could move the start to the paragraph after or
    /// open a story elsewhere, which is not what joining two stories asks for.
    /// </summary>
    internal static List<int> ChooseStarts(IReadOnlyList<SourceParagraph> paragraphs, float[] probabilities, DecoderSettings decoder, Func<int, bool?>? decided)
    {
        var sequence = new List<int>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i == 0 || paragraphs[i].Kind != ParagraphKind.Caption || decided?.Invoke(i) == true)
            {
                sequence.Add(i);
            }
        }

        List<int> starts;
        Func<int, bool?>? splits = decided is null ? null : i => decided(i) == true ? true : null;
        if (sequence.Count == paragraphs.Count)
        {
            starts = StartDecoder.Decode(probabilities, decoder, splits);
        }
        else
        {
            var seen = new float[sequence.Count];
            for (var j = 0; j < seen.Length; j++)
            {
                seen[j] = probabilities[sequence[j]];
            }

            starts = StartDecoder.Decode(seen, decoder, splits is null ? null : j => splits(sequence[j]));
            for (var k = 0; k < starts.Count; k++)
            {
                starts[k] = sequence[starts[k]];
            }
        }

        if (decided is not null)
        {
            starts.RemoveAll(i => i > 0 && decided(i) == false);
        }

        for (var k = 1; k < starts.Count; k++)
        {
            while (starts[k] - 1 > starts[k - 1] && paragraphs[starts[k] - 1].Kind == ParagraphKind.Caption && decided?.Invoke(starts[k] - 1) is null)
            {
                starts[k]--;
            }
        }

        return starts;
    }

    /// <summary>The paragraph whose probability a story from <paramref name="from"/> to <paramref name="to"/> started on: its first that is not a caption.</summary>
    internal static int LeadOf(IReadOnlyList<SourceParagraph> paragraphs, int from, int to)
    {
        var at = from;
        while (at + 1 < to && paragraphs[at].Kind == ParagraphKind.Caption)
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Takes the byline/source header off the top, drops the second copy of doubled lines, and gives
    /// each paragraph its kind (text, subheading, caption).
    /// </summary>
    internal static (List<string> Header, List<SourceParagraph> Paragraphs) Prepare(IReadOnlyList<string> lines, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lines);

        // The lines are walked in place (blank ones skipped) rather than copied into a list of the
        // non-blank ones: on a big file that copy was a few megabytes of the peak memory.
        var nonBlankCount = 0;
        foreach (var l in lines)
        {
            nonBlankCount += l.Length > 0 ? 1 : 0;
        }

        var header = new List<string>();
        var bodyStart = NextNonBlank(lines, 0);
        while (header.Count < MaxHeaderLines
               && header.Count + 1 < nonBlankCount
               && IsHeaderLine(lines[bodyStart], lexicon))
        {
            header.Add(lines[bodyStart]);
            bodyStart = NextNonBlank(lines, bodyStart + 1);
        }

        // A file of nothing but short lines has no header: they are its text.
        if (header.Count > 0 && !AnyLongOrPunctuated(lines, bodyStart))
        {
            header.Clear();
            bodyStart = NextNonBlank(lines, 0);
        }

        var paragraphs = new List<SourceParagraph>(nonBlankCount - header.Count);
        ulong? previousKey = null;
        for (var i = bodyStart; i < lines.Count; i++)
        {
            var t = lines[i];
            if (t.Length == 0)
            {
                continue;
            }

            var line = i + 1;
            var key = ParagraphShape.LooseHash(t);
            if (key == previousKey && ParagraphShape.LooselyEqual(t, paragraphs[^1].Text))
            {
                // Printed twice in a row: the scraper caught an image's alt text and its caption. Keep one.
                var kept = paragraphs[^1];
                paragraphs[^1] = kept with { Paragraph = kept.Paragraph with { Kind = ParagraphKind.Caption } };
                continue;
            }

            previousKey = key;
            paragraphs.Add(new SourceParagraph(t, line, Classify(t, lexicon), key));
        }

        return (header, paragraphs);
    }

    /// <summary>Index of the first non-blank line at or after <paramref name="from"/> (the line count when none).</summary>
    private static int NextNonBlank(IReadOnlyList<string> lines, int from)
    {
        while (from < lines.Count && lines[from].Length == 0)
        {
            from++;
        }

        return from;
    }

    private static bool AnyLongOrPunctuated(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Length > 0 && !ParagraphShape.IsShortUnpunctuated(lines[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Caption (by its markers), subheading (short line without final punctuation) or text.</summary>
    internal static ParagraphKind Classify(string text, SplitterLexicon lexicon)
    {
        if (ParagraphShape.IsCaption(text, lexicon))
        {
            return ParagraphKind.Caption;
        }

        return ParagraphShape.IsShortUnpunctuated(text) ? ParagraphKind.Subheading : ParagraphKind.Text;
    }

    /// <summary>A byline or source line: short, unpunctuated, and not a caption ("Steve Thomas - IT Consultant").</summary>
    internal static bool IsHeaderLine(string text, SplitterLexicon lexicon) =>
        ParagraphShape.IsShortUnpunctuated(text) && !ParagraphShape.IsCaption(text, lexicon);

    /// <summary>
    /// A story printed twice has the same bounds both times. When either copy of a repeated run is
    /// a whole story as split (the later copy always starts where its repeat starts; it is whole
    /// when the next story starts where the repeated text ends, or the file ends there), both are:
    /// each starts where its repeated text starts, the next story starts where it ends (even one
    /// that opens with a quote, which is no candidate on its own), and nothing starts inside.
    /// People's decisions inside either copy leave the run as it is.
    /// </summary>
    /// <returns>The starts the repeats settled.</returns>
    internal static HashSet<int> AlignRepeatedCopies(
        IReadOnlyList<SourceParagraph> paragraphs, IReadOnlyList<RepeatedRun> runs, List<int> starts, SplitOverrides? overrides)
    {
        // Every run is judged by the starts as chosen, then all are applied at once: a file that
        // repeats one story thousands of times stays linear.
        var settled = new HashSet<int>();
        var cleared = new List<(int From, int To)>(); // no start strictly inside
        foreach (var run in runs)
        {
            if (!(IsWholeStory(starts, run.Start, run.End, paragraphs.Count) || IsWholeStory(starts, run.SourceStart, run.SourceEnd, run.Start))
                || PersonDecidedWithin(paragraphs, overrides, run.SourceStart, run.SourceEnd)
                || PersonDecidedWithin(paragraphs, overrides, run.Start, run.End))
            {
                continue;
            }

            cleared.Add((run.SourceStart, run.SourceEnd));
            cleared.Add((run.Start, run.End));
            foreach (var s in (int[])[run.SourceStart, run.SourceEnd, run.Start, run.End])
            {
                if (s < paragraphs.Count)
                {
                    settled.Add(s);
                }
            }
        }

        if (settled.Count > 0)
        {
            ApplyAligned(starts, settled, cleared);
        }

        return settled;
    }

    /// <summary>Drops the starts strictly inside a cleared span and adds the settled ones, keeping <paramref name="starts"/> sorted and distinct.</summary>
    private static void ApplyAligned(List<int> starts, HashSet<int> settled, List<(int From, int To)> cleared)
    {
        cleared.Sort((a, b) => a.From.CompareTo(b.From));
        var kept = new List<int>(starts.Count + settled.Count);
        var c = 0;
        var clearedTo = int.MinValue; // the furthest end of the cleared spans that begin before s
        foreach (var s in starts)
        {
            while (c < cleared.Count && cleared[c].From < s)
            {
                clearedTo = Math.Max(clearedTo, cleared[c++].To);
            }

            if (s >= clearedTo || settled.Contains(s))
            {
                kept.Add(s);
            }
        }

        kept.AddRange(settled);
        kept.Sort();
        starts.Clear();
        for (var k = 0; k < kept.Count; k++)
        {
            if (k == 0 || kept[k] != kept[k - 1])
            {
                starts.Add(kept[k]);
            }
        }
    }

    // A story starts at `from` and none between it and `to`, where the next one starts or, when
    // `to` is `last` (the end of the text), the text ends: a whole story as split.
    private static bool IsWholeStory(List<int> starts, int from, int to, int last)
    {
        var at = starts.BinarySearch(from);
        if (at < 0)
        {
            return false;
        }

        var next = at + 1 < starts.Count ? starts[at + 1] : int.MaxValue;
        return next == to || (to == last && next >= to);
    }

    // Whether a person joined or split at any boundary from the one before paragraph `from` to the one before `to`.
    private static bool PersonDecidedWithin(IReadOnlyList<SourceParagraph> paragraphs, SplitOverrides? overrides, int from, int to)
    {
        if (overrides is not { IsEmpty: false })
        {
            return false;
        }

        for (var k = Math.Max(from, 1); k <= Math.Min(to, paragraphs.Count - 1); k++)
        {
            if (overrides.StartsAt(paragraphs[k - 1].Text, paragraphs[k].Text) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
