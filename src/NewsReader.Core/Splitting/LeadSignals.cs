namespace NewsReader.Core.Splitting;

/// <summary>What the opening sentence of a paragraph says about it being the lead of a new story.</summary>
/// <param name="Dangling">Opens by pointing back ("He", "But", "In other words", "Also").</param>
/// <param name="DefiniteReference">Opens with "The" + a noun already introduced ("The company", "The report").</param>
/// <param name="DefiniteOpener">Opens with "The" + a lower-case word ("The cuts will fall ..."): usually something named before.</param>
/// <param name="EarlyPronoun">A pronoun, "also" or "other" before any name in the first words ("In it, ...", "After he ...").</param>
/// <param name="LaterDefinite">Later in the first sentence, "the" + a noun already introduced ("opposing the proposed transaction").</param>
/// <param name="NewsVerb">A reporting or event verb in the first sentence (announced, said, raised).</param>
/// <param name="TimeWord">A news-cycle time word in the first sentence (today, this week, on Wednesday).</param>
/// <param name="FullName">Two capitalised words in a row: a full name or organisation ("Amnesty International").</param>
/// <param name="NamedSubject">The sentence opens with a name ("Huawei announced", "Mobileye's technology").</param>
/// <param name="KnownSubject">The first name of the sentence was named in at least two of the paragraphs just before.</param>
/// <param name="Names">How many words of the first sentence are names (at most 40).</param>
/// <param name="Fresh">How many of those were not named just before.</param>
/// <param name="Dateline">Opens with a wire dateline ("HONG KONG (Reuters) - "); the other signals read the sentence after it.</param>
/// <param name="SubjectVerb">Opens the way a lead does: a capitalised subject, then its verb within the first words, before any comma ("Tesco has raised", "Ford Motor Co. said").</param>
/// <param name="Appositive">The capitalised subject is introduced by a description set off by a comma ("Yatrik, an Indian startup that ...").</param>
/// <param name="Reintroduced">The subject's name is written in a fuller form than just before: a word of it was named in the paragraphs before, another was not ("Tesla Inc" after "Tesla").</param>
internal readonly record struct LeadSignals(
    bool Dangling,
    bool DefiniteReference,
    bool DefiniteOpener,
    bool EarlyPronoun,
    bool LaterDefinite,
    bool NewsVerb,
    bool TimeWord,
    bool FullName,
    bool NamedSubject,
    bool KnownSubject,
    byte Names,
    byte Fresh,
    bool Dateline = false,
    bool SubjectVerb = false,
    bool Appositive = false,
    bool Reintroduced = false)
{
    /// <summary>Share of the first sentence's names not named just before (0.5 when it names nobody).</summary>
    public double Novelty => Names == 0 ? 0.5 : (double)Fresh / Names;

    private const int MaxSentenceWords = 40;
    private const int EarlyWords = 8;
    private const int KnownSubjectMentions = 2;
    private const int SubjectWords = 4;
    private const int SubjectVerbWords = 6;

    // Long because: its last loop, the splitter's hottest, hashes each word of the sentence once and
    // reads six signals from that hash (news verb, time word, names, fresh names, full name, known
    // subject); split out, they would travel as out parameters on every paragraph.
    /// <summary>Reads the first sentence of <paramref name="text"/>.</summary>
    /// <param name="lookahead">The next paragraph or two, where a name at the start usually recurs.</param>
    /// <param name="known">For each name hash (<see cref="WordScanner.TermHash"/>), how many of the paragraphs just before name it.</param>
    public static LeadSignals Read(string text, SplitterLexicon lexicon, string? lookahead = null, IReadOnlyDictionary<int, int>? known = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        var dateline = Splitting.Dateline.Length(text);
        text = dateline > 0 ? text[dateline..] : text;
        Span<WordSpan> words = stackalloc WordSpan[MaxSentenceWords];
        var n = FirstSentence(text, lexicon, words);
        if (n == 0)
        {
            return default;
        }

        words = words[..n];
        var first = BeforeApostrophe(words[0].In(text)); // "We've" opens like "We"
        var second = n > 1 ? words[1].In(text) : [];
        var dangling = StartsWithPhrase(text, lexicon)
            || (lexicon.DanglingOpeners.Contains(first)
                && !(IsOneOf(first, "this", "that", "last", "next") && lexicon.TimeNouns.Contains(second))
                && !IsAnticipatoryIt(text, words, lexicon));

        var definite = IsOneOf(first, "the") && FollowedByAnaphor(text, words, 0, lexicon);
        var definiteOpener = IsOneOf(first, "the") && n > 1 && char.IsLower(text[words[1].Start]);
        var laterDefinite = false;
        for (var k = 1; k < n - 1 && !laterDefinite; k++)
        {
            laterDefinite = IsOneOf(words[k].In(text), "the") && FollowedByAnaphor(text, words, k, lexicon);
        }

        var namedSubject = !dangling && IsNameAtStart(text, words, lexicon, lookahead);

        // After a capitalised first word that is no function word ("Nvidia reported revenue for its
        // quarter"), "it" and "they" refer to that subject even when nothing marks it as a name.
        var capitalisedSubject = !dangling && char.IsUpper(first[0]) && !IsFunctionWord(first, lexicon) && !lexicon.CalendarNames.Contains(first);
        var earlyPronoun = HasEarlyPronoun(text, words, lexicon, namedSubject ? n : 1, capitalisedSubject);
        bool newsVerb = false, timeWord = false, fullName = false, knownSubject = false, sawName = false;
        var previousName = false;
        var subjectSlot = SubjectSlot(text, words);
        var subjectVerb = false;
        bool inSubject = capitalisedSubject, subjectKnown = false, subjectFresh = false;
        var appositive = capitalisedSubject && subjectSlot > 0 && subjectSlot < n && IsOneOf(words[subjectSlot].In(text), "a", "an", "the")
            && AllCapitalised(text, words[..subjectSlot]);
        int names = 0, fresh = 0;
        var previousHash = 0u; // hash of the previous word, continued over " word" to hash the bigram
        var hasPrevious = false;
        for (var k = 0; k < n; k++)
        {
            var w = words[k].In(text);
            uint h = 2166136261u, pairHash = (previousHash ^ ' ') * 16777619u;
            foreach (var c in w)
            {
                var lc = WordScanner.Lower(c);
                h = (h ^ lc) * 16777619u;
                pairHash = (pairHash ^ lc) * 16777619u;
            }

            var flags = (WordFlags)lexicon.WordHashes.Get((int)h);
            newsVerb |= (flags & WordFlags.NewsVerb) != 0;
            timeWord |= (flags & WordFlags.TimeWord) != 0 || (hasPrevious && (lexicon.WordHashes.Get((int)pairHash) & (int)WordFlags.TimeWord) != 0);
            var function = (flags & WordFlags.Function) != 0;
            subjectVerb |= capitalisedSubject && k > 0 && k <= SubjectVerbWords && (subjectSlot < 0 || k < subjectSlot)
                && ((flags & WordFlags.NewsVerb) != 0 || IsOneOf(w, "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "may"));
            // A capitalised first word that the paragraphs just before named is a name too ("Brightwave sells ...").
            var name = (WordScanner.IsNameLike(w, words[k].SentenceInitial) && !function && (flags & WordFlags.Calendar) == 0)
                || (k == 0 && (namedSubject || (capitalisedSubject && known?.GetValueOrDefault(WordScanner.TermHash(w)) > 0)));
            fullName |= name && previousName;
            previousName = name || (k == 0 && char.IsUpper(w[0]) && !function);
            inSubject &= name || (k == 0 && capitalisedSubject);
            if (inSubject)
            {
                var seen = known?.GetValueOrDefault(WordScanner.TermHash(w)) > 0;
                subjectKnown |= seen;
                subjectFresh |= !seen;
            }

            if (name)
            {
                var mentions = known?.GetValueOrDefault(WordScanner.TermHash(w)) ?? 0;
                names++;
                fresh += mentions > 0 ? 0 : 1;

                // The topic just before (named twice), in the subject's place: a continuation, not a new story.
                knownSubject |= !sawName && mentions >= KnownSubjectMentions && (k <= SubjectWords || k == subjectSlot || k == subjectSlot + 1);
                sawName = true;
            }

            previousHash = h;
            hasPrevious = true;
        }

        return new LeadSignals(dangling, definite, definiteOpener, earlyPronoun, laterDefinite, newsVerb, timeWord, fullName, namedSubject, knownSubject, (byte)names, (byte)fresh, dateline > 0, subjectVerb, appositive, subjectKnown && subjectFresh);
    }

    private static bool AllCapitalised(string text, ReadOnlySpan<WordSpan> words)
    {
        foreach (var w in words)
        {
            if (!char.IsUpper(text[w.Start]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The words of the first sentence into <paramref name="words"/> (at most its length); returns how many.
    /// </summary>
    private static int FirstSentence(string text, SplitterLexicon lexicon, Span<WordSpan> words)
    {
        var n = 0;
        var scanner = new WordScanner(text);
        while (n < MaxSentenceWords && scanner.MoveNext())
        {
            var word = scanner.Current;
            if (n > 0 && word.SentenceInitial)
            {
                // "JPMorgan Chase & Co. reported ...", "U.S. stocks fell ...": the dot of an abbreviation
                // ends no sentence, unless a capitalised function word follows it ("... of Acme Co. The deal ...").
                var dot = words[n - 1].Start + words[n - 1].Length;
                if (!(dot < text.Length && text[dot] == '.' && Sentences.IsAbbreviation(text, dot, lexicon)
                      && (char.IsLower(text[word.Start]) || !lexicon.FunctionWords.Contains(word.In(text)))))
                {
                    break;
                }

                word = word with { SentenceInitial = false };
            }

            words[n++] = word;
        }

        return n;
    }

    // "he", "those", "also" (and "it", "they" unless the sentence opened with a capitalised subject)
    // among the first words, before any name: the sentence goes on about something said before.
    private static bool HasEarlyPronoun(string text, ReadOnlySpan<WordSpan> words, SplitterLexicon lexicon, int from, bool capitalisedSubject)
    {
        for (var k = from; k < Math.Min(words.Length, EarlyWords); k++)
        {
            var w = words[k].In(text);
            if (IsName(w, words[k].SentenceInitial, lexicon))
            {
                return false;
            }

            if (IsOneOf(w, "he", "she", "his", "her", "those", "these", "also", "other", "another", "such", "same", "both")
                || (!capitalisedSubject && IsOneOf(w, "it", "its", "they", "their", "them")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word that names something: capitalised mid-sentence (or shaped like a name), no function or calendar word.</summary>
    public static bool IsName(ReadOnlySpan<char> w, bool sentenceInitial, SplitterLexicon lexicon) =>
        WordScanner.IsNameLike(w, sentenceInitial) && !IsFunctionWord(w, lexicon) && !lexicon.CalendarNames.Contains(w);

    private static bool IsFunctionWord(ReadOnlySpan<char> w, SplitterLexicon lexicon) =>
        lexicon.FunctionWords.Contains(w);

    // "the company", "the proposed transaction", "the human rights charity": up to three lower-case words.
    private static bool FollowedByAnaphor(string text, ReadOnlySpan<WordSpan> words, int the, SplitterLexicon lexicon)
    {
        for (var k = the + 1; k < Math.Min(words.Length, the + 4) && !char.IsUpper(text[words[k].Start]); k++)
        {
            if (lexicon.DefiniteAnaphors.Contains(words[k].In(text)))
            {
                return true;
            }
        }

        return false;
    }

    // "Huawei announced": the first word is capitalised, is no function word, and its shape, the next
    // word, or a capitalised use later in the paragraph or the next ones says it is a name.
    private static bool IsNameAtStart(string text, ReadOnlySpan<WordSpan> words, SplitterLexicon lexicon, string? lookahead)
    {
        var w = words[0].In(text);
        if (!char.IsUpper(w[0]) || IsFunctionWord(w, lexicon) || lexicon.CalendarNames.Contains(w))
        {
            return false;
        }

        if (WordScanner.IsNameLike(w, sentenceInitial: true)
            || (words.Length > 1 && IsName(words[1].In(text), false, lexicon)))
        {
            return true;
        }

        var bare = WordScanner.StripPossessive(w);
        return RecursMidSentence(text.AsSpan(words[0].Start + w.Length), bare)
            || (lookahead is not null && RecursMidSentence(lookahead, bare));
    }

    // "It's official: ...", "It's been a busy week for Epic Games": an "it" that points at what
    // follows, not back at the story before.
    private static bool IsAnticipatoryIt(string text, ReadOnlySpan<WordSpan> words, SplitterLexicon lexicon)
    {
        if (words.Length < 2 || !IsOneOf(BeforeApostrophe(words[0].In(text)), "it"))
        {
            return false;
        }

        var contracted = words[0].In(text).Length > 2; // "It’s"
        var k = contracted ? 1 : 2; // after "It’s" or "It is"/"It has"
        if (!contracted && !IsOneOf(words[1].In(text), "is", "has"))
        {
            return false;
        }

        if (k < words.Length && IsOneOf(words[k].In(text), "official"))
        {
            return true;
        }

        if (k + 1 >= words.Length || !IsOneOf(words[k].In(text), "been") || !IsOneOf(words[k + 1].In(text), "a", "an"))
        {
            return false;
        }

        // "It’s been a (busy|long|rough ...) week for": a time noun within the next three words.
        for (var j = k + 2; j < Math.Min(words.Length, k + 5); j++)
        {
            if (lexicon.TimeNouns.Contains(words[j].In(text)))
            {
                return true;
            }
        }

        return false;
    }

    // The word appears again, capitalised, after a lower-case word: "... said Huawei" or "While Huawei ...".
    private static bool RecursMidSentence(ReadOnlySpan<char> text, ReadOnlySpan<char> word)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(word, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            var end = at + word.Length;
            var boundedAfter = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            var boundedBefore = at >= 2 && text[at - 1] == ' ' && text[at - 2] is not ('.' or '!' or '?');
            if (boundedAfter && boundedBefore)
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    private static bool StartsWithPhrase(string text, SplitterLexicon lexicon)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !lexicon.PhraseStarts.Contains(text.AsSpan(0, space)))
        {
            return false;
        }

        foreach (var phrase in lexicon.DanglingPhrases)
        {
            if (Matches(text, phrase))
            {
                return true;
            }
        }

        return false;
    }

    // Case-insensitive prefix match on whole words; "*" in the phrase stands for one or two words.
    private static bool Matches(string text, string phrase)
    {
        var star = phrase.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return text.Length > phrase.Length
                && text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && !char.IsLetterOrDigit(text[phrase.Length]);
        }

        var head = phrase.AsSpan(0, star);
        var tail = phrase.AsSpan(star + 1).Trim();
        if (!text.AsSpan().StartsWith(head, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text.AsSpan(head.Length);
        for (var skip = 1; skip <= 2; skip++)
        {
            var space = IndexOfNth(rest, ' ', skip);
            if (space < 0)
            {
                return false;
            }

            var after = rest[(space + 1)..];
            if (after.StartsWith(tail, StringComparison.OrdinalIgnoreCase)
                && (after.Length == tail.Length || !char.IsLetterOrDigit(after[tail.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfNth(ReadOnlySpan<char> s, char c, int nth)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == c && --nth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // The word right after the first comma: where the subject stands after an opening phrase
    // ("Based in Israel, Mobileye was ..."); -1 when there is no comma.
    private static int SubjectSlot(string text, ReadOnlySpan<WordSpan> words)
    {
        for (var k = 1; k < words.Length; k++)
        {
            var gapStart = words[k - 1].Start + words[k - 1].Length;
            if (text.AsSpan(gapStart, words[k].Start - gapStart).Contains(','))
            {
                return k;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<char> BeforeApostrophe(ReadOnlySpan<char> w)
    {
        var at = w.IndexOfAny('\'', '\u2019');
        return at > 0 ? w[..at] : w;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, params ReadOnlySpan<string> options)
    {
        foreach (var o in options)
        {
            if (word.Equals(o, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
