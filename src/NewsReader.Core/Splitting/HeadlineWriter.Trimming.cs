using System.Text;

namespace NewsReader.Core.Splitting;

/// <summary>
/// The headline's trimming steps, in the order <see cref="Headline"/> applies them: each drops what a
/// desk editor drops from a lead sentence (a dateline, an aside, throat-clearing, a scene-setting
/// opener, the attribution, time phrases, an apposition, a trailing clause, manner adverbs) and
/// puts it in headline tense. Their word lists are in <c>SplitterLexicon.txt</c> (sections
/// <c>headline-*</c>).
/// </summary>
public static partial class HeadlineWriter
{
    private static readonly SplitterLexicon Words = SplitterLexicon.Default;

    // The main clause ends where a subordinate clause, apposition or attribution begins: a dash, a
    // semicolon, or a listed word after a comma or a space.
    private static readonly string[] TailMarkers =
    [
        " — ", " – ", " - ", "; ",
        .. Words.HeadlineTailWords.Select(w => ", " + w + " "),
        .. Words.HeadlineTailPhrases.Select(w => " " + w + " "),
    ];

    private static readonly string[] NewsThat = [.. Words.HeadlineNewsThat.Select(w => w + " ")];

    private static readonly string[] ReportingVerbs = [.. Words.HeadlineReportingVerbs];

    private static readonly string[] SpacedReportingVerbs = [.. ReportingVerbs.Select(v => " " + v + " ")];

    private static readonly string[] TimePhrases = [.. Words.HeadlineTimePhrases.Select(t => " " + t)];

    private static readonly string[] AdverbSuffixes = [.. Words.HeadlineAdverbSuffixes];

    private static readonly string[] AppositiveOpeners = [.. Words.HeadlineAppositiveDeterminers.Select(d => ", " + d + " ")];

    private static readonly string[] RelativeWords = [.. Words.HeadlineRelativeWords.Select(w => " " + w + " ")];

    // Content words a headline keeps before it may end at a clause word.
    private const int MinContentWordsBeforeClause = 3;

    /// <summary>Ends a headline before a subordinate clause once it holds <see cref="MinContentWordsBeforeClause"/> content words.</summary>
    internal static string EndBeforeClause(string s, SplitterLexicon lexicon)
    {
        var content = 0;
        var previous = ReadOnlySpan<char>.Empty;
        var scanner = new WordScanner(s);
        while (scanner.MoveNext())
        {
            var word = scanner.Current.In(s);
            if (content >= MinContentWordsBeforeClause && lexicon.HeadlineClauseWords.Contains(word) && char.IsLower(word[0]) && !OpensNoClause(previous, word, lexicon))
            {
                var cut = s.AsSpan(0, scanner.Current.Start).TrimEnd().TrimEnd(",;:—–- ".AsSpan());
                return cut.Length >= MinBeforeDescription ? cut.ToString() : s;
            }

            content += lexicon.Stopwords.Contains(word) ? 0 : 1;
            previous = word;
        }

        return s;
    }

    // "more than 1.2 million", "more than doubled", "less than a year": an amount, not a comparison
    // clause; "what it describes as $100 million", "known as DNP": the verb's complement, not a clause.
    private static bool OpensNoClause(ReadOnlySpan<char> previous, ReadOnlySpan<char> word, SplitterLexicon lexicon) =>
        (word.Equals("than", StringComparison.OrdinalIgnoreCase) && lexicon.HeadlineAmountWords.Contains(previous))
        || (word.Equals("as", StringComparison.OrdinalIgnoreCase) && lexicon.HeadlineAsVerbs.Contains(previous));

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

    // "Alibaba Group said today it will spend ..." -> "Alibaba Group will spend ...", "Brown has said he
    // hopes to ..." -> "Brown hopes to ...": the reporting verb and the pronoun that repeats the subject
    // add words a headline does without.
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
            var pronoun = StartsWithAny(rest, "it ", "they ", "he ", "she ", "its ", "it’s ", "it's ");
            if (pronoun is not null)
            {
                // "EuroDisney has said it will sell": the auxiliary goes with its verb.
                var subject = StripTrailing(s[..at], " has", " have", " had");
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

        // Splitting on spaces and joining again gives the same text when nothing is dropped. After an
        // article the adverb belongs to an adjective and stays ("a seasonally adjusted 0.5%").
        var words = s.Split(' ');
        return any ? string.Join(' ', words.Where((w, i) => !IsMannerAdverb(w) || (i > 0 && IsOneOf(words[i - 1], "a", "an", "the")))) : s;
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


    /// <summary>
    /// "Franz Ferdinand, who shot to prominence in 2004, won two Brit Awards" becomes "Franz Ferdinand
    /// won two Brit Awards": a relative clause set off by commas, when the verb of the sentence
    /// follows its closing comma, is background a headline leaves out.
    /// </summary>
    internal static string DropRelativeClause(string s, SplitterLexicon lexicon)
    {
        for (var open = s.IndexOf(", ", StringComparison.Ordinal); open > 0; open = s.IndexOf(", ", open + 2, StringComparison.Ordinal))
        {
            var rest = s.AsSpan(open + 2);
            if (!lexicon.HeadlineRelativeOpeners.Contains(FirstWord(rest)))
            {
                continue;
            }

            var close = s.IndexOf(", ", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return s;
            }

            var verb = FirstWord(s.AsSpan(close + 2));
            return IsVerbLike(verb.ToString(), lexicon)
                ? string.Concat(s.AsSpan(0, open), s.AsSpan(close + 1))
                : s;
        }

        return s;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s)
    {
        var space = s.IndexOf(' ');
        return space < 0 ? s : s[..space];
    }

    // "has ...", "said ...": the text starts with an auxiliary or a news verb.
    private static bool StartsWithVerb(ReadOnlySpan<char> rest, SplitterLexicon lexicon)
    {
        var word = FirstWord(rest);
        return !word.IsEmpty && char.IsLower(word[0]) && (lexicon.HeadlineAuxiliaries.Contains(word) || lexicon.NewsVerbs.Contains(word));
    }

    /// <summary>A word that reads as a verb: an auxiliary, a news verb or a past form ("raised", "won"); lower case.</summary>
    internal static bool IsVerbLike(string word, SplitterLexicon lexicon) => StartsWithVerb(word, lexicon) || ReadsAsPast(word, lexicon);


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
}
