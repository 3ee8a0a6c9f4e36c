using System.Text;

namespace NewsReader.Core.Splitting;

/// <summary>
/// Gives an article a headline (at most 100 characters) and a summary (at most 320). Seed articles
/// have no titles, so the headline is the main clause of the lead sentence, stripped the way a desk
/// editor would: no throat-clearing opener, no scene-setting phrase, no attribution, no trailing
/// subordinate clause, no parenthesis; cut on a clause or word boundary, never on a dangling word.
/// </summary>
public static class HeadlineWriter
{
    /// <summary>Longest headline.</summary>
    public const int MaxTitle = 100;

    /// <summary>Longest summary.</summary>
    public const int MaxSummary = 320;

    // A trailing clause is only dropped when what stays still says something.
    private const int MinKept = 35;

    // "Microsoft is buying Vaani Labs" (30 characters) says it all; a description is cut off down to this.
    private const int MinBeforeDescription = 20;

    private static readonly string[] TailMarkers =
    [
        ", which ", ", who ", ", whose ", ", where ", ", while ", ", as ", ", after ", ", according to ",
        " according to ", ", including ", ", one of ", ", a ", ", an ", ", the ", " — ", " – ", " - ", "; ",
        ", but ", ", and ", ", with ", ", amid ", ", despite ", ", following ", ", since ", ", though ", ", although ",
        ", said ", ", says ", ", adding ", ", making ", ", bringing ", ", marking ", " as part of ", ", starting ",
        " as the ", " as it ", " as its ", " as they ",
    ];

    // Where a long headline or summary sentence may be cut, best first.
    private static readonly string[] ClauseMarkers = ["; ", " — ", " – ", ", "];

    private static readonly string[] AdverbSuffixes = ["ically", "ally", "edly", "ently", "antly", "ously", "ively", "ingly", "fully", "lessly", "ately"];

    private static readonly string[] NewsThat = ["the news that ", "news that ", "word that "];

    private static readonly string[] ReportingVerbs = ["announced", "announces", "said", "says", "confirmed", "confirms", "revealed", "reveals"];

    private static readonly string[] SpacedReportingVerbs = [.. ReportingVerbs.Select(v => " " + v + " ")];

    private static readonly string[] TimePhrases =
        [" earlier today", " today", " this week", " on Monday", " on Tuesday", " on Wednesday", " on Thursday", " on Friday", " on Saturday", " on Sunday"];

    /// <summary>Headline and summary of an article: the given title when there is one, otherwise written from the lead.</summary>
    public static (string Title, string Summary) Write(string? givenTitle, IReadOnlyList<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var lexicon = SplitterLexicon.Default;
        var lead = Lead(paragraphs);
        var summary = Summarize(lead, lexicon);
        var title = string.IsNullOrWhiteSpace(givenTitle) ? Headline(lead, lexicon) : Fit(givenTitle.Trim(), lexicon);
        if (title.Length == 0)
        {
            title = Fit(paragraphs.Count > 0 ? paragraphs[0].Text : "Untitled story", lexicon);
        }

        return (title, summary);
    }

    /// <summary>The lead: the first body paragraph that is not a quote, else the first body paragraph.</summary>
    internal static string Lead(IReadOnlyList<Paragraph> paragraphs)
    {
        string? firstText = null;
        foreach (var p in paragraphs)
        {
            if (p.Kind != ParagraphKind.Text)
            {
                continue;
            }

            firstText ??= p.Text;
            if (!ParagraphShape.StartsWithQuote(p.Text))
            {
                return p.Text;
            }
        }

        return firstText ?? (paragraphs.Count > 0 ? paragraphs[0].Text : string.Empty);
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

    /// <summary>The headline written from a lead paragraph.</summary>
    internal static string Headline(string lead, SplitterLexicon lexicon)
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
        s = DropReporting(s);
        s = DropTimePhrases(s);
        s = DropAppositive(s, lexicon);
        s = DropTail(s);
        s = DropMannerAdverbs(s);
        s = HeadlineTense(s, lexicon);
        return EndBeforeClause(Fit(s, lexicon), lexicon);
    }

    // Content words a headline keeps before it may end at a clause word.
    private const int MinContentWordsBeforeClause = 3;

    /// <summary>
    /// Headline tense: "X has raised $5m" becomes "X raised $5m", "has been fined" becomes "fined",
    /// and "X will cut jobs" becomes "X to cut jobs", the way desks write headlines (and two words
    /// fewer that say nothing about the story).
    /// </summary>
    internal static string HeadlineTense(string s, SplitterLexicon lexicon)
    {
        var words = s.Split(' ');
        var kept = new List<string>(words.Length);
        var mainClause = true; // "will" becomes "to" only in the main clause ("what a deal will look like" stays)
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            mainClause &= !w.EndsWith(',') && !IsOneOf(w, "what", "that", "which", "who", "whether", "if", "how", "when", "where", "why");
            var next = i + 1 < words.Length ? words[i + 1] : "";
            if (i > 0 && IsOneOf(w, "has", "have", "had"))
            {
                if (IsOneOf(next, "been") && i + 2 < words.Length && IsParticiple(words[i + 2], lexicon))
                {
                    i++;
                    continue;
                }

                if (IsParticiple(next, lexicon))
                {
                    continue;
                }
            }

            kept.Add(mainClause && i > 0 && IsOneOf(w, "will") && next.Length > 0 && char.IsLower(next[0]) ? "to" : w);
        }

        return string.Join(' ', kept);
    }

    /// <summary>Ends a headline before a subordinate clause once it holds <see cref="MinContentWordsBeforeClause"/> content words.</summary>
    internal static string EndBeforeClause(string s, SplitterLexicon lexicon)
    {
        var content = 0;
        var scanner = new WordScanner(s);
        while (scanner.MoveNext())
        {
            var word = scanner.Current.In(s);
            if (content >= MinContentWordsBeforeClause && lexicon.HeadlineClauseWords.Contains(word) && char.IsLower(word[0]))
            {
                var cut = s.AsSpan(0, scanner.Current.Start).TrimEnd().TrimEnd(",;:—–- ".AsSpan());
                return cut.Length >= MinBeforeDescription ? cut.ToString() : s;
            }

            content += lexicon.Stopwords.Contains(word) ? 0 : 1;
        }

        return s;
    }

    private static bool IsParticiple(string word, SplitterLexicon lexicon) =>
        word.Length > 2 && char.IsLower(word[0])
        && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal) || lexicon.IrregularParticiples.Contains(word));

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

    // "(Versus Programming Network)", "(see also our interview)": asides a headline never carries.
    private static string StripParentheses(string s)
    {
        if (!s.Contains('(', StringComparison.Ordinal))
        {
            return CollapseSpaces(s);
        }

        var sb = new StringBuilder(s.Length);
        var depth = 0;
        foreach (var c in s)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return CollapseSpaces(sb.ToString());
    }

    // "This has been a long time coming, but X ..." / "Further confirmation ... comes today with the news that X ...":
    // the story starts where the news does.
    private static string AfterThroatClearing(string s, SplitterLexicon lexicon)
    {
        foreach (var marker in NewsThat)
        {
            var at = s.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && s.Length - at - marker.Length >= MinKept)
            {
                return s[(at + marker.Length)..];
            }
        }

        var but = s.IndexOf(", but ", StringComparison.Ordinal);
        if (but > 0 && but < s.Length / 2 && !HasName(s.AsSpan(0, but), lexicon) && s.Length - but - 6 >= MinKept)
        {
            return s[(but + 6)..];
        }

        return s;
    }

    // "SAN FRANCISCO (Reuters) - Uber said ...": the wire dateline goes, when enough is left.
    private static string DropDateline(string s)
    {
        var length = Dateline.Length(s);
        return length > 0 && s.Length - length >= MinKept ? s[length..] : s;
    }

    private static string DropSceneSetting(string s, SplitterLexicon lexicon)
    {
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !lexicon.HeadlineOpeners.Contains(s.AsSpan(0, space)))
        {
            return s;
        }

        var comma = s.IndexOf(", ", StringComparison.Ordinal);
        return comma > 0 && comma <= 70 && s.Length - comma - 2 >= MinKept ? s[(comma + 2)..] : s;
    }

    // "Alibaba Group said today it will spend ..." -> "Alibaba Group will spend ...": the reporting verb
    // and the pronoun that repeats the subject add words a headline does without.
    private static string DropReporting(string s)
    {
        for (var v = 0; v < ReportingVerbs.Length; v++)
        {
            var verb = ReportingVerbs[v];
            var at = s.IndexOf(SpacedReportingVerbs[v], StringComparison.Ordinal);
            if (at <= 0 || at > 60)
            {
                continue;
            }

            var rest = s[(at + verb.Length + 2)..];
            rest = StripLeading(rest, "today ", "this week ", "on Monday ", "on Tuesday ", "on Wednesday ", "on Thursday ", "on Friday ");
            rest = StripLeading(rest, "that ");
            var pronoun = StartsWithAny(rest, "it ", "they ", "its ", "it’s ", "it's ");
            if (pronoun is not null)
            {
                var subject = s[..at];
                return pronoun is "its " ? subject + "’s " + rest[pronoun.Length..] : subject + " " + rest[(pronoun.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            }

            return s;
        }

        return s;
    }

    private static string DropTimePhrases(string s)
    {
        // "Today, Tessellate is launching ...", "On Monday, Samsung said ...": the news is always today.
        var comma = s.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0 && s.Length - comma - 2 >= MinKept && IsTimePhrase(s.AsSpan(0, comma)))
        {
            s = s[(comma + 2)..];
        }

        foreach (var t in TimePhrases)
        {
            var at = s.IndexOf(t, StringComparison.Ordinal);
            var end = at + t.Length;
            if (at > 0 && (end == s.Length || !char.IsLetterOrDigit(s[end])))
            {
                s = s.Remove(at, t.Length);
            }
        }

        return s;
    }

    private static bool IsTimePhrase(ReadOnlySpan<char> opening)
    {
        foreach (var t in TimePhrases)
        {
            if (opening.Equals(t.AsSpan(1), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "has slowed significantly", "reportedly said": manner adverbs are the first words a headline loses.
    private static string DropMannerAdverbs(string s)
    {
        var any = false;
        foreach (var range in s.AsSpan().Split(' '))
        {
            any |= IsMannerAdverb(s.AsSpan()[range]);
        }

        // Splitting on spaces and joining again gives the same text when nothing is dropped.
        return any ? string.Join(' ', s.Split(' ').Where(w => !IsMannerAdverb(w))) : s;
    }

    private static bool IsMannerAdverb(ReadOnlySpan<char> w)
    {
        if (w.Length < 7 || !char.IsLower(w[0]))
        {
            return false;
        }

        foreach (var suffix in AdverbSuffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The main clause ends where a subordinate clause, apposition or attribution begins.
    private static readonly string[] AppositiveOpeners = [", the ", ", a ", ", an ", ", his ", ", her ", ", its ", ", their "];

    /// <summary>
    /// "Flipkart, the Indian e-commerce company controlled by Walmart, has raised $1 billion" becomes
    /// "Flipkart has raised $1 billion": a description set off by commas right after the subject
    /// (every word before it capitalised), up to the comma its verb follows (an auxiliary or a news
    /// verb: "has", "said", "raised"); commas inside it ("helps small shops, or warungs, order
    /// stock") do not end it. A description after an object ("is buying Vaani Labs, a Hyderabad
    /// startup ...") stays, and so does a list ("Tiantu Capital, SIG and Kuaishou").
    /// </summary>
    internal static string DropAppositive(string s, SplitterLexicon lexicon)
    {
        foreach (var opener in AppositiveOpeners)
        {
            var at = s.IndexOf(opener, StringComparison.Ordinal);
            if (at <= 0 || !IsCapitalisedRun(ClauseBefore(s.AsSpan(0, at))))
            {
                continue;
            }

            for (var close = s.IndexOf(", ", at + opener.Length, StringComparison.Ordinal);
                 close > 0 && close + 2 < s.Length;
                 close = s.IndexOf(", ", close + 2, StringComparison.Ordinal))
            {
                if (StartsWithVerb(s.AsSpan(close + 2), lexicon))
                {
                    return string.Concat(s.AsSpan(0, at), s.AsSpan(close + 1));
                }
            }
        }

        return s;
    }

    private static readonly string[] Auxiliaries =
        ["has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "should", "must", "plans", "wants", "hopes", "expects"];

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s)
    {
        var space = s.IndexOf(' ');
        return space < 0 ? s : s[..space];
    }

    private static bool StartsWithVerb(ReadOnlySpan<char> rest, SplitterLexicon lexicon)
    {
        var word = FirstWord(rest);
        if (word.IsEmpty || !char.IsLower(word[0]))
        {
            return false;
        }

        foreach (var a in Auxiliaries)
        {
            if (word.SequenceEqual(a))
            {
                return true;
            }
        }

        return lexicon.NewsVerbs.Contains(word);
    }

    private static readonly string[] RelativeWords = [" that ", " which ", " who "];

    // Where ", a/an/the/its ... that|which|who ..." starts (a description, not a list: ", the Wall
    // Street Journal and CNBC"); -1 when there is none.
    private static int LongDescription(ReadOnlySpan<char> s)
    {
        var first = -1;
        foreach (var opener in AppositiveOpeners)
        {
            var at = s.IndexOf(opener, StringComparison.Ordinal);
            var from = at + opener.Length;
            if (at >= 0 && (first < 0 || at < first) && from < s.Length && IsDescriptionWord(s[from..]) && HasRelativeWord(s[from..]))
            {
                first = at;
            }
        }

        return first;
    }

    // "the British maker", "a Hyderabad-based startup"; not "the Wall Street Journal".
    private static bool IsDescriptionWord(ReadOnlySpan<char> s)
    {
        var word = FirstWord(s);
        return !word.IsEmpty && (char.IsLower(word[0]) || word.Contains('-'));
    }

    private static bool HasRelativeWord(ReadOnlySpan<char> s)
    {
        foreach (var w in RelativeWords)
        {
            if (s.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ClauseStarts = [": ", "; ", "\u2014 ", " that "];

    // The clause the description's name stands in: "Good news for commuters: Voltra" gives "Voltra",
    // "Elon Musk said that xAI" gives "xAI".
    private static ReadOnlySpan<char> ClauseBefore(ReadOnlySpan<char> s)
    {
        var from = 0;
        foreach (var marker in ClauseStarts)
        {
            var at = s.LastIndexOf(marker, StringComparison.Ordinal);
            from = at >= 0 ? Math.Max(from, at + marker.Length) : from;
        }

        return s[from..];
    }

    // "Flipkart", "Mistral AI", "Satya Nadella": the subject, a name and nothing else.
    private static bool IsCapitalisedRun(ReadOnlySpan<char> s)
    {
        foreach (var range in s.Split(' '))
        {
            var word = s[range];
            if (word.IsEmpty || !(char.IsUpper(word[0]) || char.IsDigit(word[0]) || (word.Length > 1 && char.IsUpper(word[1]))))
            {
                return false;
            }
        }

        return true;
    }

    private static string DropTail(string s)
    {
        if (s.Length <= MinKept)
        {
            return s;
        }

        // A comma inside closing quotes (",” starting in 2021") still ends the clause.
        s = s.Replace(",\u201D ", "\u201D, ", StringComparison.Ordinal).Replace(",\" ", "\", ", StringComparison.Ordinal);
        var cut = s.Length;
        foreach (var marker in TailMarkers)
        {
            var at = s.IndexOf(marker, MinKept, StringComparison.Ordinal);
            if (at >= MinKept && at < cut)
            {
                cut = at;
            }
        }

        return s[..cut];
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

            var last = s[(space + 1)..].Trim("\"“”‘’'");
            if (!lexicon.DanglingEnds.Contains(last))
            {
                return s;
            }

            s = s[..space];
        }
    }

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

    private static bool HasName(ReadOnlySpan<char> s, SplitterLexicon lexicon)
    {
        var text = s.ToString();
        var scanner = new WordScanner(text);
        while (scanner.MoveNext())
        {
            if (LeadSignals.IsName(scanner.Current.In(text), scanner.Current.SentenceInitial, lexicon))
            {
                return true;
            }
        }

        return false;
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
