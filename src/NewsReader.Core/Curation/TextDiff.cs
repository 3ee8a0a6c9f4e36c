namespace NewsReader.Core.Curation;

/// <summary>Whether a piece of text is in both versions, only the one before, or only the one after.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text of one kind; words keep the whitespace that followed them.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>One paragraph of the comparison: unchanged, changed word by word, or only on one side.</summary>
public sealed record ParagraphDiff(IReadOnlyList<DiffSpan> Spans)
{
    public bool Changed => Spans.Any(s => s.Kind != DiffKind.Same);
}

/// <summary>
/// What changed between two texts, as an editor reads it: paragraphs (blank-line separated, as stored
/// bodies are) matched first, then the words of each changed paragraph against the paragraph it
/// replaced. Longest common subsequence at both levels, after the common start and end are set
/// aside; a middle too long to compare (more than <see cref="MaxWordCells"/> words x words) shows as
/// removed and added whole. Used by the import report to show what a near-duplicate changed.
/// </summary>
public static class TextDiff
{
    /// <summary>Largest words-before x words-after table compared (about 2,000 x 2,000 words).</summary>
    public const int MaxWordCells = 4_000_000;

    /// <summary>Largest paragraphs-before x paragraphs-after table compared; beyond it, only the common start and end are matched.</summary>
    public const int MaxParagraphCells = 4_000_000;

    /// <summary>The paragraphs of both texts in reading order, each marked as it changed.</summary>
    public static IReadOnlyList<ParagraphDiff> Paragraphs(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = SplitParagraphs(before);
        var b = SplitParagraphs(after);
        var result = new List<ParagraphDiff>();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var (kind, index) in Align(a, b, MaxParagraphCells))
        {
            switch (kind)
            {
                case DiffKind.Removed:
                    removed.Add(a[index]);
                    break;
                case DiffKind.Added:
                    added.Add(b[index]);
                    break;
                default:
                    Flush(result, removed, added);
                    result.Add(new ParagraphDiff([new DiffSpan(DiffKind.Same, b[index])]));
                    break;
            }
        }

        Flush(result, removed, added);
        return result;
    }

    /// <summary>Word by word differences of two short texts (a headline, one paragraph).</summary>
    public static IReadOnlyList<DiffSpan> Words(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = SplitWords(before);
        var b = SplitWords(after);
        var spans = new List<DiffSpan>(a.Count + b.Count);
        foreach (var (kind, index) in Align(a.Select(w => w.Key).ToList(), b.Select(w => w.Key).ToList(), MaxWordCells))
        {
            // Words that match keep the spacing of the text after.
            spans.Add(new DiffSpan(kind, kind == DiffKind.Removed ? a[index].Text : b[index].Text));
        }

        // A text's last word has no space after it; followed by a word from the other text, it needs one.
        for (var i = 0; i < spans.Count - 1; i++)
        {
            if (spans[i].Text.Length > 0 && !char.IsWhiteSpace(spans[i].Text[^1]))
            {
                spans[i] = spans[i] with { Text = spans[i].Text + " " };
            }
        }

        return Merge(spans);
    }

    // A run of removed paragraphs followed by added ones: paired in order and compared word by word;
    // the unpaired rest stays removed or added whole.
    private static void Flush(List<ParagraphDiff> result, List<string> removed, List<string> added)
    {
        var pairs = Math.Min(removed.Count, added.Count);
        for (var i = 0; i < pairs; i++)
        {
            result.Add(new ParagraphDiff(Words(removed[i], added[i])));
        }

        result.AddRange(removed.Skip(pairs).Select(p => new ParagraphDiff([new DiffSpan(DiffKind.Removed, p)])));
        result.AddRange(added.Skip(pairs).Select(p => new ParagraphDiff([new DiffSpan(DiffKind.Added, p)])));
        removed.Clear();
        added.Clear();
    }

    /// <summary>
    /// The two sequences merged in order: each item of <paramref name="a"/> Same (with its index in
    /// <paramref name="b"/>) or Removed (its index in a), each other item of b Added. Removals come
    /// before the additions that replace them.
    /// </summary>
    private static List<(DiffKind Kind, int Index)> Align(List<string> a, List<string> b, long maxCells)
    {
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var steps = new List<(DiffKind, int)>(a.Count + b.Count);
        for (var i = 0; i < start; i++)
        {
            steps.Add((DiffKind.Same, i));
        }

        var n = endA - start;
        var m = endB - start;
        if ((long)n * m > maxCells)
        {
            steps.AddRange(Enumerable.Range(start, n).Select(i => (DiffKind.Removed, i)));
            steps.AddRange(Enumerable.Range(start, m).Select(j => (DiffKind.Added, j)));
        }
        else
        {
            AlignMiddle(a, b, start, n, m, steps);
        }

        for (var j = endB; j < b.Count; j++)
        {
            steps.Add((DiffKind.Same, j));
        }

        return steps;
    }

    /// <summary>
    /// The steps of a longest common subsequence of <c>a[start..start+n)</c> and <c>b[start..start+m)</c>
    /// (the part between the common prefix and suffix), added to <paramref name="steps"/>.
    /// </summary>
    private static void AlignMiddle(List<string> a, List<string> b, int start, int n, int m, List<(DiffKind, int)> steps)
    {
        // lcs[i, j]: length of the longest common subsequence of a[start+i..endA) and b[start+j..endB).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var (x, y) = (0, 0);
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                steps.Add((DiffKind.Same, start + y));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                steps.Add((DiffKind.Removed, start + x));
                x++;
            }
            else
            {
                steps.Add((DiffKind.Added, start + y));
                y++;
            }
        }
    }

    private static List<DiffSpan> Merge(List<DiffSpan> spans)
    {
        var merged = new List<DiffSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && merged[^1].Kind == span.Kind)
            {
                merged[^1] = span with { Text = merged[^1].Text + span.Text };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static List<string> SplitParagraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

    // Words with the whitespace after them; compared without it, so re-spacing alone is no change.
    private static List<(string Key, string Text)> SplitWords(string text)
    {
        var words = new List<(string, string)>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var end = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add((text[start..end], text[start..i]));
        }

        return words;
    }
}
