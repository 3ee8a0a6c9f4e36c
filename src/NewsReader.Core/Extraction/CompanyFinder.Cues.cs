namespace NewsReader.Core.Extraction;

// Phase 3, cues: the evidence that a candidate is a company (suffixes, descriptors, appositives, titles, acronyms, examples).
internal sealed partial class CompanyFinder
{
    // The cues in a fixed order, which is the order of the evidence the parse output shows.
    private void Score(List<TextToken> tokens, List<Piece> pieces, Piece piece, Candidate c, List<(string, string)> acronymLinks)
    {
        ScoreNameAndDescriptor(tokens, piece, c);
        ScoreRoles(tokens, piece, c);
        ScoreWhatFollows(tokens, pieces, piece, c, acronymLinks);
    }

    /// <summary>A company suffix ending the name ("Volterra Ltd"), a descriptor right before it ("the startup Volterra", "X-based").</summary>
    private void ScoreNameAndDescriptor(List<TextToken> tokens, Piece piece, Candidate c)
    {
        var len = piece.End - piece.Start;
        var last = tokens[piece.End - 1];
        var lastCue = knowledge.CueOf(last);
        if (len >= 2 && (lastCue & Cue.Legal) != 0)
        {
            Add(c, 3, "suffix " + last.Text);
        }
        else if (len >= 2 && (lastCue & Cue.Suffix) != 0)
        {
            Add(c, (lastCue & Cue.Weak) != 0 ? 1 : 2, "suffix " + last.Text);
        }

        var first = tokens[piece.Start];
        if (piece.Start > 0 && first.Joins && tokens[piece.Start - 1].Paragraph == first.Paragraph)
        {
            var prev = tokens[piece.Start - 1];
            // "the startup Volterra", but not "the company's H100": what a company owns is not a company.
            if (!prev.IsCapitalised && !prev.Is(TokenFlags.Possessive) && (knowledge.CueOf(prev) & Cue.Descriptor) != 0)
            {
                Add(c, 2, "described as " + prev.Lower);
            }
            else if (prev.Lower == "based" && prev.Is(TokenFlags.HyphenBefore))
            {
                Add(c, 2, "X-based");
            }
        }
    }

    /// <summary>What the sentence says the name is: an employer of a job title, an appositive, one of some companies, after a cue phrase.</summary>
    private void ScoreRoles(List<TextToken> tokens, Piece piece, Candidate c)
    {
        var last = tokens[piece.End - 1];
        if (piece.BeforeTitle || TitleAfter(tokens, piece.End))
        {
            Add(c, 2, "job title after");
        }

        if (TitleOfBefore(tokens, piece.Start))
        {
            Add(c, 2, "job title of");
        }

        if (AppositiveAfter(tokens, piece.End, out var noun))
        {
            Add(c, 2, "appositive " + noun);
            c.CalledACompany |= tokens[piece.End].Lower is "a" or "an";
        }
        else if (WhichClauseAfter(tokens, piece.End, out var verb))
        {
            Add(c, 2, "which " + verb);
        }

        if (last.Is(TokenFlags.Possessive) && piece.End < tokens.Count && tokens[piece.End].Joins
            && tokens[piece.End].Paragraph == last.Paragraph && (knowledge.CueOf(tokens[piece.End]) & Cue.Possession) != 0)
        {
            Add(c, 1, "its " + tokens[piece.End].Lower);
        }

        if (ExampleOfCompanies(tokens, piece.Start, out var kind))
        {
            Add(c, 2, "one of the " + kind);
        }

        if (PhraseEndsAt(knowledge.BeforePhrases, tokens, piece.Start, out var before))
        {
            Add(c, 1, "after '" + before + "'");
        }
    }

    /// <summary>The words right after the name ("X-owned", "the X board", a cue phrase), and an acronym in brackets.</summary>
    private void ScoreWhatFollows(List<TextToken> tokens, List<Piece> pieces, Piece piece, Candidate c, List<(string, string)> acronymLinks)
    {
        var last = tokens[piece.End - 1];
        if (piece.End < tokens.Count && tokens[piece.End].Paragraph == last.Paragraph && !last.Is(TokenFlags.Possessive))
        {
            var next = tokens[piece.End];
            if (next.Is(TokenFlags.HyphenBefore) && next.Lower is "owned" or "backed" or "funded" or "controlled")
            {
                Add(c, 2, "X-" + next.Lower);
            }
            else if (next.Joins && (knowledge.CueOf(next) & Cue.Possession) != 0 && piece.Start > 0 && tokens[piece.Start - 1].Lower == "the")
            {
                Add(c, 1, "the X " + next.Lower);
            }
        }

        if (piece.End < tokens.Count && tokens[piece.End].Joins && !tokens[piece.End - 1].Is(TokenFlags.Possessive)
            && knowledge.AfterPhrases.TryMatch(tokens, piece.End, caseSensitive: true, out _, out var alen))
        {
            Add(c, 1, "subject of '" + TextTokens.Join(tokens, piece.End, piece.End + alen, lower: true) + "'");
        }

        // Acronym and expansion in brackets, either way round: "VSPN (Versus Programming Network)".
        if (piece.End < tokens.Count && tokens[piece.End].Gap == "(")
        {
            // The first piece starting there; a scan, as brackets after a name are rare.
            var next = pieces.Find(p => p.Start == piece.End);
            if (next is not null && !tokens[next.End - 1].Is(TokenFlags.Possessive) && next.End < tokens.Count + 1)
            {
                var (shortP, longP) = next.End - next.Start == 1 ? (next, piece) : (piece, next);
                if (shortP.End - shortP.Start == 1 && tokens[shortP.Start].Is(TokenFlags.AllCaps)
                    && IsAbbreviationOf(tokens[shortP.Start].Text, NameOf(tokens, longP.Start, longP.End))
                    && longP.End - longP.Start >= 2)
                {
                    Add(c, 1.5, "acronym");
                    acronymLinks.Add((shortP.Key, longP.Key));
                }
            }
        }
    }

    private static void Add(Candidate c, double score, string evidence)
    {
        c.Score += score;
        if (!c.Evidence.Contains(evidence))
        {
            c.Evidence.Add(evidence);
        }
    }

    /// <summary>Schwartz and Hearst (2003): the short form's letters appear in order in the long
    /// form, the first one starting a word ("VSPN" in "VerSus Programming Network").</summary>
    internal static bool IsAbbreviationOf(string shortForm, string longForm)
    {
        var s = shortForm.Length - 1;
        var l = longForm.Length - 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                s--;
                continue;
            }

            while (l >= 0 && (char.ToLowerInvariant(longForm[l]) != c || (s == 0 && l > 0 && char.IsLetterOrDigit(longForm[l - 1]))))
            {
                l--;
            }

            if (l < 0)
            {
                return false;
            }

            s--;
            l--;
        }

        // Every word of the long form (bar connectors) should be covered by the letters used.
        return char.ToLowerInvariant(longForm[0]) == char.ToLowerInvariant(shortForm[0]);
    }

    private bool TitleAfter(List<TextToken> tokens, int end)
    {
        if (end >= tokens.Count || !tokens[end].Joins || tokens[end].Paragraph != tokens[end - 1].Paragraph)
        {
            return false;
        }

        var t = tokens[end];
        return (knowledge.CueOf(t) & Cue.Title) != 0 && (!t.IsCapitalised || t.Is(TokenFlags.AllCaps));
    }

    private bool TitleOfBefore(List<TextToken> tokens, int start)
    {
        // "CEO of VSPN", "general manager of the X"
        var k = start - 1;
        if (k >= 0 && tokens[k].Lower == "the" && tokens[k + 1].Joins)
        {
            k--;
        }

        if (k < 1 || !tokens[k + 1].Joins || tokens[k].Lower is not ("of" or "at") || !tokens[k].Joins)
        {
            return false;
        }

        return (knowledge.CueOf(tokens[k - 1]) & Cue.Title) != 0 && tokens[k - 1].Paragraph == tokens[start].Paragraph;
    }

    /// <summary>"X, which was founded in 2016", "X, which sells ...": people take "who".</summary>
    private bool WhichClauseAfter(List<TextToken> tokens, int end, out string verb)
    {
        verb = string.Empty;
        if (end >= tokens.Count || tokens[end].Gap != "," || tokens[end].Lower != "which" || tokens[end].Paragraph != tokens[end - 1].Paragraph)
        {
            return false;
        }

        for (var k = end + 1; k < Math.Min(tokens.Count, end + 4); k++)
        {
            if (!tokens[k].Joins || tokens[k].Paragraph != tokens[end].Paragraph)
            {
                return false;
            }

            if ((knowledge.CueOf(tokens[k]) & Cue.Which) != 0)
            {
                verb = tokens[k].Lower;
                return true;
            }
        }

        return false;
    }

    private bool AppositiveAfter(List<TextToken> tokens, int end, out string noun)
    {
        noun = string.Empty;
        if (end >= tokens.Count || tokens[end].Gap != "," || tokens[end].Paragraph != tokens[end - 1].Paragraph
            || !AppositiveOpeners.Contains(tokens[end].Lower))
        {
            return false;
        }

        for (var k = end + 1; k < Math.Min(tokens.Count, end + 9); k++)
        {
            var t = tokens[k];
            if (t.Paragraph != tokens[end].Paragraph
                || (t.Gap.Length > 0 && t.Gap != "-" && t.Gap != "&" && !IsCityStateBased(tokens, k)))
            {
                return false;
            }

            if (!t.IsCapitalised && (knowledge.CueOf(t) & Cue.Appositive) != 0)
            {
                noun = t.Lower;
                return true;
            }
        }

        return false;
    }

    // "an Austin, Texas-based maker": the comma between a city and its state stays inside the appositive.
    private static bool IsCityStateBased(List<TextToken> tokens, int k) =>
        tokens[k].Gap == "," && tokens[k].IsCapitalised && tokens[k - 1].IsCapitalised
        && k + 1 < tokens.Count && tokens[k + 1].Lower == "based" && tokens[k + 1].Is(TokenFlags.HyphenBefore);

    /// <summary>"retailers such as X", "companies like X", "investors including X".</summary>
    private bool ExampleOfCompanies(List<TextToken> tokens, int start, out string kind)
    {
        kind = string.Empty;
        var k = start - 1;
        if (k < 1 || !tokens[start].Joins || tokens[k].Paragraph != tokens[start].Paragraph)
        {
            return false;
        }

        if (tokens[k].Lower == "as" && tokens[k - 1].Lower == "such" && tokens[k].Joins)
        {
            k -= 1;
        }
        else if (tokens[k].Lower is not ("like" or "including"))
        {
            return false;
        }

        var noun = tokens[k - 1];
        if (!tokens[k].Joins || noun.IsCapitalised || !noun.Lower.EndsWith('s') || (knowledge.CueOf(noun) & Cue.Appositive) == 0)
        {
            return false;
        }

        kind = noun.Lower;
        return true;
    }

    private static bool PhraseEndsAt(PhraseTable<bool> table, List<TextToken> tokens, int start, out string phrase)
    {
        phrase = string.Empty;
        if (start == 0 || !tokens[start].Joins)
        {
            return false;
        }

        for (var len = 1; len <= 4 && start - len >= 0; len++)
        {
            var from = start - len;
            if (tokens[from].IsCapitalised || tokens[from].Paragraph != tokens[start].Paragraph)
            {
                return false;
            }

            if (table.TryMatch(tokens, from, caseSensitive: true, out _, out var l) && l == len)
            {
                phrase = TextTokens.Join(tokens, from, from + len, lower: true);
                return true;
            }

            if (!tokens[from].Joins)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAllCapsLine(List<TextToken> tokens, int pos)
    {
        var p = tokens[pos].Paragraph;
        var prevCaps = pos > 0 && tokens[pos - 1].Paragraph == p && tokens[pos - 1].Is(TokenFlags.AllCaps);
        var nextCaps = pos + 1 < tokens.Count && tokens[pos + 1].Paragraph == p && tokens[pos + 1].Is(TokenFlags.AllCaps);
        return prevCaps && nextCaps;
    }
}
