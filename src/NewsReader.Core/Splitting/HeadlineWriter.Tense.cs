namespace NewsReader.Core.Splitting;

/// <summary>
/// The headline's tense (see <see cref="Headline"/>): desks write what happened in the present
/// ("Kestrel Bank has bought Pell" -> "Kestrel Bank buys Pell", "Shares fell" -> "Shares fall"), what
/// will happen with "to" ("X will cut jobs" -> "X to cut jobs") and the passive without its
/// auxiliary ("has been fined" -> "fined").
/// </summary>
public static partial class HeadlineWriter
{
    // Words after which a past form is a participle or an adjective, not the sentence's verb.
    private static readonly string[] SubjectPronouns = ["he", "she", "it", "they", "we", "i", "you"];

    // Prepositions that end the head of a subject ("Shares | in Kestrel Bank fell").
    private static readonly string[] SubjectPrepositions =
        ["in", "of", "at", "for", "from", "on", "with", "by", "across", "over", "near", "under", "among", "between", "into", "outside", "inside", "around", "behind", "like", "against", "about", "amid"];

    /// <summary>
    /// Headline tense: the main clause's verb in the present ("X has raised $5m" and "X raised $5m"
    /// become "X raises $5m"), "has been fined" becomes "fined", and "X will cut jobs" becomes "X to cut
    /// jobs", the way desks write headlines. Only the first verb of the main clause changes: what
    /// follows "that", a comma or a reporting verb ("IBM says its patents will be released") keeps
    /// its tense, and so does a past form that reads as a participle ("a film produced by ...").
    /// </summary>
    // Long because: one pass over the words carries the clause's state (main clause or not, its verb
    // seen, changed, and in which number) from each word to the next.
    internal static string HeadlineTense(string s, SplitterLexicon lexicon)
    {
        var words = s.Split(' ');
        var kept = new List<string>(words.Length);

        // "will" becomes "to" only in the main clause: "what a deal will look like" stays, and so does
        // what follows a reporting verb ("IBM says its patents will be released", not "... to be released").
        // A sentence that opens with a subordinate clause ("Before she left, ...") has none to change.
        var mainClause = !lexicon.HeadlineClauseWords.Contains(words[0]);
        var verbSeen = false;

        // Whether the main verb was put in the present, and in which number.
        var (changed, plural) = (false, false);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];

            // A word typed twice ("said has has given") is written once; "had had" is grammar.
            if (i > 0 && w.Length > 0 && char.IsLower(w[0]) && w == words[i - 1] && !IsOneOf(w, "had", "that"))
            {
                continue;
            }

            mainClause &= !w.EndsWith(',') && !IsOneOf(w, "what", "that", "which", "who", "whether", "if", "how", "when", "where", "why");
            var next = i + 1 < words.Length ? words[i + 1] : "";
            if (i > 0 && mainClause && IsOneOf(words[i - 1], ReportingVerbs))
            {
                mainClause = false;
            }

            // "is said to have turned down" keeps its "have": only a finite "has" or "have" goes.
            if (i > 0 && IsOneOf(w, "has", "have", "had") && !IsOneOf(words[i - 1], "to"))
            {
                if (IsOneOf(next, "been") && i + 2 < words.Length && IsParticiple(words[i + 2].TrimEnd('.', ',', ';', ':'), lexicon))
                {
                    i++;
                    verbSeen = true;
                    continue;
                }

                // "has raised" becomes "raises", but "has taken", "has become", "has been in charge" keep
                // their "has": on its own the participle would not read as the past.
                if (ReadsAsPast(next, lexicon))
                {
                    changed = mainClause && !verbSeen;
                    verbSeen = true;
                    if (changed)
                    {
                        plural = IsOneOf(w, "have") || PluralSubject(words, i, lexicon);
                        kept.Add(Present(next, plural, lexicon));
                        i++;
                    }

                    continue;
                }
            }

            if (mainClause && !verbSeen && i > 0 && IsMainVerbInThePast(words, i, lexicon))
            {
                plural = PluralSubject(words, i, lexicon);
                kept.Add(Present(w, plural, lexicon));
                verbSeen = changed = true;
                continue;
            }

            // "WPP posts profits and predicted that ...": a second verb of the same subject, when what
            // follows opens its object ("the", "that", a name, a number); not "and related assets".
            if (changed && mainClause && IsOneOf(words[i - 1], "and") && IsSimplePast(w, lexicon)
                && (next.Length == 0 || !char.IsLower(next[0]) || lexicon.Stopwords.Contains(next)))
            {
                kept.Add(Present(w, plural, lexicon));
                continue;
            }

            verbSeen |= i > 0 && IsFiniteVerb(words, i, lexicon);
            kept.Add(mainClause && i > 0 && IsOneOf(w, "will") && next.Length > 0 && char.IsLower(next[0]) ? "to" : w);
        }

        return string.Join(' ', kept);
    }

    // "Harbourline sued | four lenders": a simple past after the subject, which no auxiliary follows
    // in its clause; not after a function word ("the proposed merger"), a possessive ("the firm's
    // revised forecast"), a number or a comma, nor before "by" or another verb ("a film produced by",
    // "rumours picked up by", "the biggest listed company posted").
    private static bool IsMainVerbInThePast(string[] words, int i, SplitterLexicon lexicon)
    {
        var w = words[i];
        if (w.Contains('-', StringComparison.Ordinal) || !IsSimplePast(w.TrimEnd(',', '.', ';', ':'), lexicon))
        {
            return false;
        }

        var previous = words[i - 1];
        var afterSubject = previous.Length > 0 && !previous.EndsWith(',') && !char.IsDigit(previous[0])
            && !previous.EndsWith("'s", StringComparison.Ordinal) && !previous.EndsWith("’s", StringComparison.Ordinal)
            && (!lexicon.Stopwords.Contains(previous) || IsOneOf(previous, SubjectPronouns));
        // "a film produced by", "rumours picked up by": a passive participle.
        if (!afterSubject || (i + 1 < words.Length && IsOneOf(words[i + 1], "by")) || (i + 2 < words.Length && IsOneOf(words[i + 2], "by")))
        {
            return false;
        }

        // The rest of the clause: a verb after this one makes it a participle.
        for (var k = i + 1; k < words.Length && k <= i + 2; k++)
        {
            var later = words[k].TrimEnd(',', '.', ';', ':');
            if (lexicon.HeadlineAuxiliaries.Contains(later) && char.IsLower(later[0]) || IsSimplePast(later, lexicon))
            {
                return false;
            }

            if (words[k].EndsWith(',') || IsOneOf(later, "that", "which", "who"))
            {
                break;
            }
        }

        for (var k = i + 3; k < words.Length && !words[k - 1].EndsWith(',') && !IsOneOf(words[k], "that", "which", "who"); k++)
        {
            if (lexicon.HeadlineAuxiliaries.Contains(words[k]) && char.IsLower(words[k][0]))
            {
                return false;
            }
        }

        return true;
    }

    // A verb in the present or with an auxiliary: "is", "will", "says", and a lower-case word in -s
    // right after a name or pronoun ("Stone believes ..."). After one, no past form is the main verb.
    private static bool IsFiniteVerb(string[] words, int i, SplitterLexicon lexicon)
    {
        var w = words[i];
        if (w.Length == 0 || !char.IsLower(w[0]))
        {
            return false;
        }

        var previous = words[i - 1];
        return lexicon.HeadlineAuxiliaries.Contains(w) || lexicon.NewsVerbs.Contains(w) || IsOneOf(w, "be", "does", "did", "do", "to")
            || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && previous.Length > 0
                && (char.IsUpper(previous[0]) || IsOneOf(previous, SubjectPronouns)));
    }

    // A past form: a listed one ("fell", "agreed") or a regular one in -ed ("dropped"), lower case; not
    // "exceed" or "speed" (an "-eed" past is listed) nor a listed word that only looks like one ("hundred").
    private static bool IsSimplePast(string word, SplitterLexicon lexicon) =>
        word.Length > 2 && char.IsLower(word[0])
        && (lexicon.HeadlinePastForms.ContainsKey(word)
            || (word.Length > 3 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal)
                && !lexicon.ParticiplesNotPast.Contains(word) && !lexicon.HeadlineNotPast.Contains(word)));

    // Whether the subject before the verb at index verb takes the plural: its head (the word before
    // a preposition or a participle, "Shares | in Kestrel Bank") is a listed pronoun or number, or a lower-case noun
    // in -s ("investors"); a capitalised name ("Airlines", "Wales") counts as one.
    private static bool PluralSubject(string[] words, int verb, SplitterLexicon lexicon)
    {
        var head = verb - 1;
        for (var k = 1; k < verb; k++)
        {
            // "Rumours | picked up by ...", "a firm | based in ...": a participle with its phrase after the head ends it too.
            var participle = IsSimplePast(words[k], lexicon) && k + 2 < verb
                && (IsOneOf(words[k + 1], SubjectPrepositions) || IsOneOf(words[k + 2], "by"));
            if (IsOneOf(words[k], SubjectPrepositions) || participle)
            {
                head = k - 1;
                break;
            }
        }

        var word = words[head].Trim(',', '"', '“', '”', '‘', '’');
        if (word.Length == 0)
        {
            return false;
        }

        // "Mauresmo and Sharapova won": two names joined; not "Ireland and Munster lock O'Connell".
        for (var k = head - 1; k > 0 && char.IsUpper(words[k + 1][0]); k--)
        {
            if (words[k] is "and")
            {
                return true;
            }
        }

        if (lexicon.HeadlinePluralSubjects.Contains(word))
        {
            return true;
        }

        var lower = head == 0 || char.IsLower(word[0]);
        return lower && word.Length > 3 && word.EndsWith('s')
            && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal);
    }

    /// <summary>The present of a past form: the base for a plural subject ("fall"), else the third person ("falls").</summary>
    internal static string Present(string past, bool plural, SplitterLexicon lexicon)
    {
        var bare = past.TrimEnd(',', '.', ';', ':');
        var baseForm = lexicon.HeadlinePastForms.TryGetValue(bare, out var listed) ? listed : BaseOfPast(bare);
        var present = plural ? baseForm : ThirdPerson(baseForm);
        return present + past[bare.Length..];
    }

    // "buy" -> "buys", "push" -> "pushes", "go" -> "goes", "deny" -> "denies".
    private static string ThirdPerson(string verb)
    {
        if (verb.EndsWith('y') && verb.Length > 1 && !IsVowel(verb[^2]))
        {
            return verb[..^1] + "ies";
        }

        return verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith('o')
            || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith("sh", StringComparison.Ordinal)
            ? verb + "es"
            : verb + "s";
    }

    /// <summary>
    /// The base of a regular past form by English spelling: "denied" -> "deny", "agreed" -> "agree",
    /// "dropped" -> "drop" (a doubled consonant, but not "called" or "added"), "cancelled" -> "cancel",
    /// and an "e" back where the spelling dropped one ("moved", "announced", "tumbled", "fired", "stated",
    /// "decided", "hoped"). Words the rules get wrong are listed in <c>headline-past-forms</c>.
    /// </summary>
    internal static string BaseOfPast(string past)
    {
        if (!past.EndsWith("ed", StringComparison.Ordinal) || past.Length < 4)
        {
            return past;
        }

        if (past.EndsWith("ied", StringComparison.Ordinal))
        {
            return past.Length == 4 ? past[..^1] : past[..^3] + "y";
        }

        var stem = past[..^2];
        char last = stem[^1], vowel = stem[^2], before = stem.Length > 2 ? stem[^3] : 'a';
        if (last == vowel && !IsVowel(last))
        {
            // "dropped", "planned"; British "cancelled", "travelled", "controlled" but not "spelled" or "called".
            var longL = last == 'l' && ((vowel == 'l' && before == 'e' && (stem.Length > 5 || IsVowel(stem[^4])))
                || (before == 'o' && stem.Length > 6));
            return "lsfzd".Contains(last, StringComparison.Ordinal) && !longL ? stem : stem[..^1];
        }

        return NeedsE(stem) ? stem + "e" : stem;
    }

    private static bool NeedsE(string stem)
    {
        char last = stem[^1], vowel = stem[^2], before = stem.Length > 2 ? stem[^3] : 'a';
        switch (last)
        {
            case 'v' or 'z' or 'u' or 'c':
                return true;
            case 's':
                return vowel != 's';
            case 'g':
                // "changed", "urged", "judged", "staged"; not "belonged".
                return stem.EndsWith("ng", StringComparison.Ordinal) ? !stem.EndsWith("ong", StringComparison.Ordinal)
                    : vowel is 'r' or 'd' || (vowel is 'a' or 'i' or 'o' or 'u' && !IsVowel(before));
            case 't' when vowel == 'a':
                // "stated", "negotiated", "evaluated"; not "treated" or "floated".
                return before is not ('e' or 'o');
            case 'l':
                return "bcdfgkptzs".Contains(vowel, StringComparison.Ordinal) || (vowel is 'a' or 'i' or 'o' or 'u' && !IsVowel(before));
        }

        // One vowel (not "e") between consonants: "hop|ed", "stat|ed", "decid|ed"; not "treat|ed" or "open|ed".
        if (!(vowel is 'a' or 'i' or 'o' or 'u') || (IsVowel(before) && (last, vowel) is not ('r', 'i')) || !"rtdkmnpb".Contains(last, StringComparison.Ordinal))
        {
            return false;
        }

        return (last, vowel) switch
        {
            ('r', 'o') => false, // "sponsored", "honored", "monitored": the "-ore" verbs are listed
            ('r', 'i') => before != 'a', // "fired", "acquired"; not "chaired"
            ('t', 'i') => false, // "visited", "limited", "edited": the "-ite" verbs are listed
            ('n', 'o') => "hlzpr".Contains(before, StringComparison.Ordinal), // "phoned", "postponed"; not "abandoned"
            _ => true,
        };
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsParticiple(string word, SplitterLexicon lexicon) =>
        ReadsAsPast(word, lexicon)
        || (word.Length > 2 && char.IsLower(word[0])
            && (word.EndsWith("en", StringComparison.Ordinal) || lexicon.ParticiplesNotPast.Contains(word)));

    // A participle that is also the simple past: "raised", "won", "bought"; not "taken" or "become".
    private static bool ReadsAsPast(string word, SplitterLexicon lexicon) =>
        word.Length > 2 && char.IsLower(word[0])
        && (word.EndsWith("ed", StringComparison.Ordinal) || lexicon.IrregularParticiples.Contains(word));
}
