namespace NewsReader.Core.Splitting;

/// <summary>
/// The headline's naming steps (see <see cref="Headline"/>): a description before the name a lead
/// opens with goes, and people are named by surname, as desks write headlines (by the shipped given
/// names, or by how the story itself names them).
/// </summary>
public static partial class HeadlineWriter
{
    // Lower-case words a description before a name may have ("Russian oil firm Yukos").
    private const int MaxDescriptionWords = 3;

    // Words a description before a person's name may have in any case ("Former Conservative party leader").
    private const int MaxTitleWords = 5;

    /// <summary>
    /// "Computer giant IBM says ..." becomes "IBM says ...", "Arsenal boss Arsene Wenger says ..."
    /// becomes "Arsene Wenger says ...": a lower-case description right before the name a sentence
    /// opens with goes, the way desks write headlines. Only a short one (a capitalised word and up to
    /// <see cref="MaxDescriptionWords"/> more in lower case, none a function word or a verb) before a
    /// run of capitalised words that a lower-case word follows; "The", "Two" and the like open none.
    /// </summary>
    internal static string DropLeadingDescription(string s, SplitterLexicon lexicon)
    {
        var words = s.Split(' ');
        if (words.Length < 4 || words.Any(w => w.Length == 0) || !char.IsUpper(words[0][0]) || lexicon.Stopwords.Contains(words[0]))
        {
            return s;
        }

        var person = PersonAfterDescription(words, lexicon);
        if (person > 0)
        {
            return string.Join(' ', words[person..]);
        }

        var name = 1;
        while (name < words.Length && IsDescriptionWord(words[name], lexicon))
        {
            name++;
        }

        if (name == 1 || name > MaxDescriptionWords + 1 || name >= words.Length || !char.IsUpper(words[name][0]))
        {
            return s;
        }

        var after = name;
        while (after < words.Length && (char.IsUpper(words[after][0]) || words[after] is "and" or "&"))
        {
            after++;
        }

        var nameThenVerb = after < words.Length && words[after - 1] is not ("and" or "&") && char.IsLower(words[after][0]);
        return nameThenVerb ? string.Join(' ', words[name..]) : s;
    }

    // Where a person's name starts after a description of them in any case ("New Home Secretary
    // Charles Clarke", "Singer Kylie Minogue"): a given name within the first MaxTitleWords words,
    // then a surname, and before it no function word, verb, comma or title ("Sir"); else 0.
    private static int PersonAfterDescription(string[] words, SplitterLexicon lexicon)
    {
        // A sentence that opens with a person's name ("Graeme Souness believes Walter Smith ...") has none.
        if (ShippedNames.GivenNames.Contains(words[0]))
        {
            return 0;
        }

        for (var k = 1; k <= MaxTitleWords && k + 1 < words.Length; k++)
        {
            var word = words[k - 1];
            if (word.EndsWith(',') || lexicon.Stopwords.Contains(word) || lexicon.DanglingEnds.Contains(word) || lexicon.HeadlineNameTitles.Contains(word)
                || (char.IsLower(word[0]) && (!IsDescriptionWord(word, lexicon) || IsThirdPersonVerb(word))))
            {
                return 0;
            }

            if (ShippedNames.GivenNames.Contains(words[k]) && IsSurname(words[k + 1], ShippedNames.GivenNames))
            {
                return k;
            }
        }

        return 0;
    }

    // "believes", "warns": a lower-case word ending in a single "s" may be a verb ("boss" is not one).
    private static bool IsThirdPersonVerb(string word) =>
        word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal);

    // "giant", "oil firm", "boss": a description's words are lower-case nouns and adjectives.
    private static bool IsDescriptionWord(string word, SplitterLexicon lexicon) =>
        char.IsLower(word[0]) && !word.EndsWith(',') && !lexicon.Stopwords.Contains(word) && !lexicon.DanglingEnds.Contains(word)
        && !IsVerbLike(word, lexicon);

    /// <summary>
    /// "Arsene Wenger says ..." becomes "Wenger says ...", "Samuel L Jackson" and "Juan Carlos Ferrero"
    /// become "Jackson" and "Ferrero": a person is named by surname in a headline. A person's name is a
    /// given name of the shipped list, any initials or more given names, then a capitalised surname; "Sir Alex Ferguson" keeps its title and name, and a
    /// company named like a person ("John Lewis") stays whole.
    /// </summary>
    internal static string ShortenPersonNames(string s, SplitterLexicon lexicon)
    {
        var (givenNames, companies) = (ShippedNames.GivenNames, ShippedNames.Companies);
        var words = s.Split(' ');
        var kept = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var surname = i + 1;
            while (surname < words.Length && (IsInitial(words[surname]) || givenNames.Contains(words[surname])))
            {
                surname++;
            }

            var isPerson = givenNames.Contains(words[i]) && surname < words.Length && IsSurname(words[surname], givenNames)
                && (i == 0 || !lexicon.HeadlineNameTitles.Contains(words[i - 1]))
                && !companies.Contains(words[i] + " " + Bare(words[surname]));
            if (isPerson)
            {
                i = surname - 1;
                continue;
            }

            kept.Add(words[i]);
        }

        return kept.Count == words.Length ? s : string.Join(' ', kept);
    }

    /// <summary>
    /// "Gordon Brown hopes to ..." becomes "Brown hopes to ..." when the story itself calls him "Mr
    /// Brown" or writes "Brown said": news writing names a person in full once, then by surname, and
    /// a headline uses the surname ("Dr Reddy's" keeps its title). Only a two-word name (a capitalised word, then a surname) whose
    /// first word the story never uses alone ("Manchester United" stays whole: "Manchester" stands on
    /// its own), read in the story's other paragraphs (their first 4,000 characters, as
    /// <see cref="HeadlineCut"/> does). Given names of the shipped list need no story (<see cref="ShortenPersonNames"/>).
    /// </summary>
    internal static string SurnamesTheStoryUses(string headline, IReadOnlyList<Paragraph> paragraphs, int leadIndex, SplitterLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var words = headline.Split(' ');
        List<int>? dropped = null;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            var twoWordName = IsNameWord(words[i]) && IsSurname(words[i + 1], ShippedNames.GivenNames)
                && (i == 0 || !char.IsUpper(words[i - 1][0])) && (i + 2 >= words.Length || !char.IsUpper(words[i + 2][0]))
                && !lexicon.Stopwords.Contains(words[i]) && !lexicon.CalendarNames.Contains(words[i]) && !lexicon.HeadlineNameTitles.Contains(words[i])
                && !lexicon.HeadlineHonorifics.Contains(words[i]);
            if (twoWordName && StoryCallsBySurname(words[i], Bare(words[i + 1]), paragraphs, leadIndex, lexicon))
            {
                (dropped ??= []).Add(i);
            }
        }

        return dropped is null ? headline : string.Join(' ', words.Where((_, i) => !dropped.Contains(i)));
    }

    // "Gordon", "Arsene": a capitalised word of letters only, longer than an initial.
    private static bool IsNameWord(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && word.AsSpan(1).IndexOfAnyExceptInRange('a', 'z') < 0;

    // Whether the story's other paragraphs call the person by surname ("Mr Brown", "Brown said") and
    // never use the first word without the surname after it.
    private static bool StoryCallsBySurname(string first, string surname, IReadOnlyList<Paragraph> paragraphs, int leadIndex, SplitterLexicon lexicon)
    {
        var (budget, bySurname) = (HeadlineCut.BodyChars, false);
        for (var p = 0; p < paragraphs.Count && budget > 0; p++)
        {
            if (p == leadIndex || paragraphs[p].Kind != ParagraphKind.Text)
            {
                continue;
            }

            var text = paragraphs[p].Text.AsSpan(0, Math.Min(paragraphs[p].Text.Length, budget));
            budget -= text.Length;
            for (var at = WholeWord(text, first, 0); at >= 0; at = WholeWord(text, first, at + first.Length))
            {
                var after = text[(at + first.Length)..];
                if (!after.StartsWith(" ", StringComparison.Ordinal) || !after[1..].StartsWith(surname, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            for (var at = WholeWord(text, surname, 0); at >= 0 && !bySurname; at = WholeWord(text, surname, at + surname.Length))
            {
                var before = text[..at].TrimEnd();
                var previous = before[(before.LastIndexOf(' ') + 1)..];
                var next = text[(at + surname.Length)..].TrimStart();
                var following = next[..Math.Max(0, next.IndexOfAny(' ', ',', '.') is var end and >= 0 ? end : next.Length)];
                bySurname = lexicon.HeadlineHonorifics.Contains(previous)
                    || (!previous.Equals(first, StringComparison.Ordinal) && IsOneOf(following.ToString(), ReportingVerbs));
            }
        }

        return bySurname;
    }

    // Where word stands as a whole word in text from start on, or -1.
    private static int WholeWord(ReadOnlySpan<char> text, string word, int start)
    {
        for (var at = start; at < text.Length;)
        {
            var found = text[at..].IndexOf(word, StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var i = at + found;
            var end = i + word.Length;
            if ((i == 0 || !char.IsLetter(text[i - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return i;
            }

            at = i + 1;
        }

        return -1;
    }

    // "L", "W.": a middle initial.
    private static bool IsInitial(string word) =>
        word.Length is 1 or 2 && char.IsUpper(word[0]) && (word.Length == 1 || word[1] == '.');

    // "Wenger", "O'Driscoll", "Gervais'", "Leigh's": capitalised, longer than an initial, not a second given name.
    private static bool IsSurname(string word, IReadOnlySet<string> givenNames)
    {
        var bare = Bare(word);
        return bare.Length > 1 && char.IsUpper(bare[0]) && char.IsLower(bare[^1]) && !givenNames.Contains(bare);
    }

    // The word without a possessive or the punctuation after it.
    private static string Bare(string word)
    {
        var w = word.TrimEnd(',', '.', ';', ':');
        foreach (var ending in (ReadOnlySpan<string>)["'s", "’s", "'", "’"])
        {
            if (w.EndsWith(ending, StringComparison.Ordinal))
            {
                return w[..^ending.Length];
            }
        }

        return w;
    }
}
