namespace NewsReader.Core.Splitting;

/// <summary>
/// Turns the signals around a paragraph into the numbers the boundary model reads: the paragraph's
/// own opening, the change of words and names around it, and how the paragraphs just before and
/// after it read (a lead is rarely followed by another lead, and a story's last paragraph rarely
/// ends on a colon). Every feature belongs to one named group, so an ablation can drop a group.
/// </summary>
internal static class BoundaryFeatures
{
    /// <summary>The features' names, in vector order, each prefixed by its group ("lead.", "shift.", ...).</summary>
    public static readonly string[] Names =
    [
        // The paragraph's own opening sentence (LeadSignals).
        "lead.dangling", "lead.definite_reference", "lead.definite_opener", "lead.early_pronoun", "lead.later_definite",
        "lead.news_verb", "lead.time_word", "lead.full_name", "lead.named_subject", "lead.known_subject",
        "lead.names", "lead.fresh_names", "lead.novelty", "lead.dateline", "lead.subject_verb", "lead.appositive", "lead.reintroduced",

        // How words change around it.
        "shift.window", "shift.above_typical", "shift.typical", "shift.link", "shift.forward", "shift.forward_minus_link",
        "shift.rise_over_previous", "shift.rise_over_next",

        // Its shape.
        "shape.subheading", "shape.caption", "shape.quote", "shape.question", "shape.speaker", "shape.candidate",

        // The paragraph before it: does it read as an ending, or as a lead that this one continues?
        "before.subheading", "before.caption", "before.quote", "before.ends_quote", "before.ends_colon",
        "before.news_verb", "before.time_word", "before.dangling", "before.dateline",

        // The paragraph after it: does it lean back on this one?
        "after.dangling", "after.definite_reference", "after.early_pronoun", "after.news_verb", "after.time_word",
        "after.quote",

        // Where it sits against the runs that repeat earlier text: a copy's start (later or earlier copy), inside a copy, just after one.
        "repeat.start", "repeat.source_start", "repeat.inside", "repeat.after",
    ];

    /// <summary>The length of a feature vector.</summary>
    public static int Count => Names.Length;

    /// <summary>The groups, in order of first appearance ("lead", "shift", ...).</summary>
    public static IReadOnlyList<string> Groups { get; } = [.. Names.Select(GroupOf).Distinct()];

    /// <summary>The group of a feature name: the part before its dot.</summary>
    public static string GroupOf(string name) => name[..name.IndexOf('.', StringComparison.Ordinal)];

    // Long because: one line per feature, in the order of Names (the model's columns); split into
    // parts, that order would be spread over several methods and easier to break.
    /// <summary>Writes paragraph <paramref name="i"/>'s features into <paramref name="into"/> (at least <see cref="Count"/> long).</summary>
    public static void Write(IReadOnlyList<SourceParagraph> paragraphs, BoundarySignals[] signals, FileStyle style, int i, Span<float> into)
    {
        var typicalShift = style.TypicalShift;
        var p = paragraphs[i];
        var s = signals[i];
        var lead = s.LeadSignals;
        var k = 0;
        into[k++] = Flag(lead.Dangling);
        into[k++] = Flag(lead.DefiniteReference);
        into[k++] = Flag(lead.DefiniteOpener);
        into[k++] = Flag(lead.EarlyPronoun);
        into[k++] = Flag(lead.LaterDefinite);
        into[k++] = Flag(lead.NewsVerb);
        into[k++] = Flag(lead.TimeWord);
        into[k++] = Flag(lead.FullName);
        into[k++] = Flag(lead.NamedSubject);
        into[k++] = Flag(lead.KnownSubject);
        into[k++] = lead.Names;
        into[k++] = lead.Fresh;
        into[k++] = (float)lead.Novelty;
        into[k++] = Flag(lead.Dateline);
        into[k++] = Flag(lead.SubjectVerb);
        into[k++] = Flag(lead.Appositive);
        into[k++] = Flag(lead.Reintroduced);

        var previousShift = i > 0 ? signals[i - 1].Shift : s.Shift;
        var nextShift = i + 1 < signals.Length ? signals[i + 1].Shift : s.Shift;
        into[k++] = s.Shift;
        into[k++] = (float)(s.Shift - typicalShift);
        into[k++] = (float)typicalShift;
        into[k++] = s.Link;
        into[k++] = s.Forward;
        into[k++] = s.Forward - s.Link;
        into[k++] = s.Shift - previousShift;
        into[k++] = s.Shift - nextShift;

        into[k++] = Flag(p.Kind == ParagraphKind.Subheading);
        into[k++] = Flag(p.Kind == ParagraphKind.Caption);
        into[k++] = Flag(s.Has(ShapeFlags.Quote));
        into[k++] = Flag(s.Has(ShapeFlags.Question));
        into[k++] = Flag(s.Has(ShapeFlags.Speaker));
        into[k++] = Flag(s.Has(ShapeFlags.Candidate));

        if (i > 0)
        {
            var b = paragraphs[i - 1];
            var bl = signals[i - 1].LeadSignals;
            into[k++] = Flag(b.Kind == ParagraphKind.Subheading);
            into[k++] = Flag(b.Kind == ParagraphKind.Caption);
            var bs = signals[i - 1];
            into[k++] = Flag(bs.Has(ShapeFlags.Quote));
            into[k++] = Flag(bs.Has(ShapeFlags.EndsQuote));
            into[k++] = Flag(bs.Has(ShapeFlags.EndsColon));
            into[k++] = Flag(bl.NewsVerb);
            into[k++] = Flag(bl.TimeWord);
            into[k++] = Flag(bl.Dangling);
            into[k++] = Flag(bl.Dateline);
        }
        else
        {
            into.Slice(k, 9).Clear();
            k += 9;
        }

        if (i + 1 < paragraphs.Count)
        {
            var a = paragraphs[i + 1];
            var al = signals[i + 1].LeadSignals;
            into[k++] = Flag(al.Dangling);
            into[k++] = Flag(al.DefiniteReference);
            into[k++] = Flag(al.EarlyPronoun);
            into[k++] = Flag(al.NewsVerb);
            into[k++] = Flag(al.TimeWord);
            into[k++] = Flag(signals[i + 1].Has(ShapeFlags.Quote));
        }
        else
        {
            into.Slice(k, 6).Clear();
            k += 6;
        }

        into[k++] = Flag(s.In(RepeatPlace.Start));
        into[k++] = Flag(s.In(RepeatPlace.SourceStart));
        into[k++] = Flag(s.In(RepeatPlace.Inside));
        into[k] = Flag(s.In(RepeatPlace.After));
    }

    private static float Flag(bool b) => b ? 1f : 0f;


}

/// <summary>
/// What is typical of one file, so that features read relative to it: outlets differ in how much
/// their vocabulary moves between paragraphs, and a model that learned one outlet's absolute
/// figures would misread another's.
/// </summary>
/// <param name="TypicalShift">The file's <see cref="BoundaryScorer.MedianShift"/>.</param>
internal readonly record struct FileStyle(double TypicalShift)
{
    public static FileStyle Of(BoundarySignals[] signals) => new(BoundaryScorer.MedianShift(signals));
}
