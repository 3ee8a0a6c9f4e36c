using System.Text;

namespace NewsReader.Core.Splitting;

/// <summary>
/// Gives an article a headline (at most 100 characters) and a summary (at most 320). Seed articles
/// have no titles, so the headline is the main clause of the lead sentence, stripped the way a desk
/// editor would: no throat-clearing opener, no scene-setting phrase, no attribution, no trailing
/// subordinate clause, no parenthesis; cut on a clause or word boundary, never on a dangling word.
/// </summary>
public static partial class HeadlineWriter
{
    /// <summary>Longest headline.</summary>
    public const int MaxTitle = 100;

    /// <summary>Longest summary.</summary>
    public const int MaxSummary = 320;

    // A trailing clause is only dropped when what stays still says something.
    private const int MinKept = 35;

    // "Microsoft is buying Vaani Labs" (30 characters) says it all; a description is cut off down to this.
    private const int MinBeforeDescription = 20;

    // Where a long headline or summary sentence may be cut, best first.
    private static readonly string[] ClauseMarkers = ["; ", " — ", " – ", ", "];

    /// <summary>Headline and summary of an article: the given title when there is one, otherwise written from the lead.</summary>
    public static (string Title, string Summary) Write(string? givenTitle, IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var lexicon = SplitterLexicon.Default;
        var leadIndex = LeadIndex(paragraphs);
        var lead = leadIndex < 0 ? string.Empty : paragraphs[leadIndex].Text;
        var summary = Summarize(lead, lexicon);
        var title = string.IsNullOrWhiteSpace(givenTitle)
            ? InHeadlineTense(HeadlineCut.Shorten(Drafted(paragraphs, leadIndex, lexicon), paragraphs, leadIndex, HeadlineModel.Default, lexicon), lexicon)
            : Fit(givenTitle.Trim(), lexicon);
        if (title.Length == 0)
        {
            title = Fit(paragraphs.Count > 0 ? paragraphs[0].Text : "Untitled story", lexicon);
        }

        return (title, summary);
    }

    /// <summary>Where the lead is: the first body paragraph that is not a quote, else the first body paragraph, else the first; -1 when there is none.</summary>
    internal static int LeadIndex(IReadOnlyList<Paragraph> paragraphs)
    {
        var firstText = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Kind != ParagraphKind.Text)
            {
                continue;
            }

            firstText = firstText < 0 ? i : firstText;
            if (!ParagraphShape.StartsWithQuote(paragraphs[i].Text))
            {
                return i;
            }
        }

        return firstText >= 0 ? firstText : paragraphs.Count > 0 ? 0 : -1;
    }

    /// <summary>The lead's opening sentences, as many as fit in 320 characters, ending on a sentence boundary.</summary>
    internal static string Summarize(string lead, SplitterLexicon lexicon)
    {
        if (lead.Length <= MaxSummary)
        {
            return lead;
        }

        // Sentences are cut off the lead only until one no longer fits. A sentence ends only where a
        // space and then a capital, digit or quote follow (Sentences.FirstLength), so the sentences
        // that fit, joined by one space, are one stretch of the lead: taken as it is, not copied.
        var first = Range.All; // of the first sentence in the lead, kept as a range until needed
        int start = 0, end = 0;
        for (var from = 0; from < lead.Length;)
        {
            var raw = lead.AsSpan(from, Sentences.FirstLength(lead, lexicon, from));
            var s = raw.Trim();
            var at = from + raw.Length - raw.TrimStart().Length;
            if (first.Equals(Range.All) && !s.IsEmpty)
            {
                first = at..(at + s.Length);
            }

            from += raw.Length;
            if (s.IsEmpty)
            {
                continue;
            }

            // The stretch starts at the first sentence kept (this one, when none is kept yet).
            var begin = end > start ? start : at;
            if (at + s.Length - begin > MaxSummary)
            {
                break;
            }

            (start, end) = (begin, at + s.Length);
        }

        if (end > start)
        {
            return lead[start..end];
        }

        // One sentence longer than the limit: end on a clause boundary and say that it goes on.
        return string.Concat(CutAtBoundary(lead.AsSpan()[first], MaxSummary - 1, lexicon), "…");
    }

    /// <summary>The headline written from a lead paragraph, before <see cref="HeadlineCut"/> may end it sooner.</summary>
    internal static string Headline(string lead, SplitterLexicon lexicon) => InHeadlineTense(Trimmed(lead, lexicon), lexicon);

    /// <summary>
    /// The last step of a headline, after <see cref="HeadlineCut"/>: its tense (<see cref="HeadlineTense"/>).
    /// The cut comes first, so it reads the verb as the lead wrote it ("has raised", "raised"), the
    /// way its model was trained; a verb in the present may end a character or two longer.
    /// </summary>
    internal static string InHeadlineTense(string headline, SplitterLexicon lexicon)
    {
        var s = HeadlineTense(headline, lexicon);
        return s.Length > MaxTitle ? Fit(s, lexicon) : s;
    }

    /// <summary>The headline <see cref="HeadlineCut"/> reads: the lead trimmed, people named as the story names them.</summary>
    internal static string Drafted(IReadOnlyList<Paragraph> paragraphs, int leadIndex, SplitterLexicon lexicon) =>
        leadIndex < 0 ? string.Empty : SurnamesTheStoryUses(Trimmed(paragraphs[leadIndex].Text, lexicon), paragraphs, leadIndex, lexicon);

    /// <summary>The lead sentence trimmed to a headline, in the lead's tense.</summary>
    internal static string Trimmed(string lead, SplitterLexicon lexicon)
    {
        if (lead.Length == 0)
        {
            return string.Empty;
        }

        var s = lead[..Sentences.FirstLength(lead, lexicon)].Trim();
        s = DropDateline(s);
        s = StripParentheses(s);
        s = AfterThroatClearing(s, lexicon);
        s = DropSceneSetting(s, lexicon);
        s = DropTimePhrases(s);
        s = DropAppositive(s, lexicon);
        s = DropRelativeClause(s, lexicon);
        s = ShortenPersonNames(DropLeadingDescription(s, lexicon), lexicon);
        s = DropReporting(s);
        s = DropTail(s);
        s = DropMannerAdverbs(s);
        return EndBeforeClause(Fit(s, lexicon), lexicon);
    }

    private static bool IsOneOf(string word, params string[] options)
    {
        foreach (var o in options)
        {
            if (string.Equals(word, o, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Trims, drops final punctuation, cuts to 100 characters on a boundary, and capitalises.</summary>
    internal static string Fit(string s, SplitterLexicon lexicon)
    {
        // Trimmed and cut as a span over s: one string at the end, not one per step.
        var trimmed = s.AsSpan().Trim();
        var kept = trimmed.TrimEnd(".,;: ");
        if (kept.Length > MaxTitle)
        {
            // Never inside a quotation ("... users who “to convey personal"), when enough comes
            // before it; a summary may end inside one, as its "…" says it goes on.
            // A description with a clause of its own cannot end inside a headline ("Microsoft is
            // buying Vaani Labs, a Hyderabad-based startup that builds ..."): it goes first; a short
            // one stays ("Canva has acquired Affinity, the British maker of design software").
            var description = LongDescription(kept[..MaxTitle]);
            kept = description >= MinBeforeDescription ? kept[..description] : CutAtBoundary(kept, MaxTitle, lexicon);
            var open = OpenQuoteAt(kept);
            kept = open >= MinKept ? kept[..open] : kept;
        }

        // A whole sentence ends where its writer ended it ("... that Africa's banks never did.");
        // only a cut one may end on a dangling word.
        var wholeSentence = kept.Length == trimmed.Length - 1 && trimmed[^1] is '.' or '!' or '?';
        kept = wholeSentence ? kept : TrimDanglingEnd(kept, lexicon);
        s = BalanceQuotes(kept.Length == s.Length ? s : kept.ToString());
        return s.Length > 0 && char.IsLower(s[0]) && !IsCamelCaseName(s) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
    }

    // "eBay", "iPhone", "xAI": a name spelled with a small first letter keeps it at a headline's start.
    private static bool IsCamelCaseName(string s)
    {
        for (var k = 1; k < s.Length && char.IsLetterOrDigit(s[k]); k++)
        {
            if (char.IsUpper(s[k]))
            {
                return true;
            }
        }

        return false;
    }

    // Where a quotation opens that the text does not close ("... users who “to convey personal"), or -1.
    private static int OpenQuoteAt(ReadOnlySpan<char> s)
    {
        var curly = s.LastIndexOf('“');
        if (curly >= 0 && s[curly..].IndexOf('”') < 0)
        {
            return curly;
        }

        // A straight quote opens a quotation only after a space: 12.4" is a screen size.
        var straight = s.LastIndexOf('"');
        return s.Count('"') % 2 == 1 && straight > 0 && char.IsWhiteSpace(s[straight - 1]) ? straight : -1;
    }

    // Cut to at most max characters at the last clause boundary that keeps a reasonable headline,
    // else at the last word boundary.
    private static ReadOnlySpan<char> CutAtBoundary(ReadOnlySpan<char> s, int max, SplitterLexicon lexicon)
    {
        var window = s[..Math.Min(s.Length, max + 1)];
        foreach (var marker in ClauseMarkers)
        {
            // A marker wholly within the first max characters (or the window, when shorter).
            var at = window[..(Math.Min(window.Length - 1, max - 1) + 1)].LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= max / 2)
            {
                return TrimDanglingEnd(s[..at], lexicon);
            }
        }

        var space = window.LastIndexOf(' ');
        if (space <= 0)
        {
            return s[..Math.Min(s.Length, max)];
        }

        // Never split a name ("... vehicle called Zero | Concept"): back off to before it.
        var end = space;
        while (end > 0 && end + 1 < s.Length && char.IsUpper(s[end + 1]))
        {
            var previous = s[..end].LastIndexOf(' ');
            if (previous <= 0 || !char.IsUpper(s[previous + 1]) || previous < max / 2)
            {
                end = previous > max / 2 && char.IsUpper(s[previous + 1]) ? previous : end;
                break;
            }

            end = previous;
        }

        return TrimDanglingEnd(s[..end], lexicon);
    }

    private static ReadOnlySpan<char> TrimDanglingEnd(ReadOnlySpan<char> s, SplitterLexicon lexicon)
    {
        while (true)
        {
            s = s.TrimEnd(" ,;:—–-“‘\"(");
            var space = s.LastIndexOf(' ');
            if (space <= 0)
            {
                return s;
            }

            // A possessive waits for its noun: "... the debts of some of the world's" ends before it (a
            // capitalised one may be a name: "Sainsbury's").
            var last = s[(space + 1)..].Trim("\"“”‘’'");
            if (!lexicon.DanglingEnds.Contains(last) && !IsPossessive(s[(space + 1)..]))
            {
                return s;
            }

            s = s[..space];
        }
    }

    private static bool IsPossessive(ReadOnlySpan<char> word) =>
        char.IsLower(word[0])
        && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)
            || word.EndsWith("s'", StringComparison.Ordinal) || word.EndsWith("s’", StringComparison.Ordinal));

    // An opening quote whose closing one was cut off is dropped, so the headline does not leave a quote open.
    private static string BalanceQuotes(string s)
    {
        var open = s.AsSpan().Count('“');
        var close = s.AsSpan().Count('”');
        if (open > close)
        {
            var at = s.LastIndexOf('“');
            s = s.Remove(at, 1);
        }

        else if (close > open)
        {
            s = s.Remove(s.LastIndexOf('”'), 1);
        }

        if (s.AsSpan().Count('‘') > s.AsSpan().Count('’'))
        {
            s = s.Remove(s.LastIndexOf('‘'), 1);
        }

        return CollapseSpaces(s);
    }

    private static string StripTrailing(string s, params string[] endings)
    {
        foreach (var e in endings)
        {
            if (s.EndsWith(e, StringComparison.Ordinal) && s.Length > e.Length)
            {
                return s[..^e.Length];
            }
        }

        return s;
    }

    private static string StripLeading(string s, params string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (s.StartsWith(p, StringComparison.Ordinal))
            {
                return s[p.Length..];
            }
        }

        return s;
    }

    private static string? StartsWithAny(string s, params string[] prefixes) =>
        prefixes.FirstOrDefault(p => s.StartsWith(p, StringComparison.Ordinal));

    private static string CollapseSpaces(string s)
    {
        // Most text has nothing to collapse: no copy then.
        if (s.Length == 0
            || (!char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1])
                && !s.Contains("  ", StringComparison.Ordinal) && !s.Contains(" ,", StringComparison.Ordinal) && !s.Contains(" .", StringComparison.Ordinal)))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            if (c is ',' or '.' && sb.Length > 0 && sb[^1] == ' ')
            {
                sb.Length--;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }
}
