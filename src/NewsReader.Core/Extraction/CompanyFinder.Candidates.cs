namespace NewsReader.Core.Extraction;

// Phase 1, candidates: runs of capitalised words cut into pieces, names listed alongside a company, short forms.
internal sealed partial class CompanyFinder
{
    private sealed record ListItem(int Start, int End, Candidate? Candidate, bool Confirmed);

    /// <summary>Names listed alongside a company ("backed by Prosus and SoftBank", "Tiantu
    /// Capital, SIG and Kuaishou") are taken to be companies too.</summary>
    private static void PropagateThroughLists(
        List<TextToken> tokens, List<Piece> pieces, Dictionary<string, Candidate> known, Dictionary<string, Candidate> found, HashSet<string> rejected)
    {
        var items = ListItems(pieces, known, found, rejected);
        var group = new List<int>();
        for (var i = 0; i <= items.Count; i++)
        {
            if (i < items.Count && group.Count > 0 && !Coordinated(tokens, EndOfName(tokens, items[group[^1]].End), items[i].Start))
            {
                Lift(group);
                group.Clear();
            }

            if (i < items.Count)
            {
                group.Add(i);
            }
        }

        Lift(group);

        void Lift(List<int> members)
        {
            if (members.Count < 2 || !members.Exists(m => items[m].Confirmed))
            {
                return;
            }

            var anchor = items[members.Find(m => items[m].Confirmed)];
            var anchorName = anchor.Candidate?.Known?.Name ?? anchor.Candidate?.Name ?? tokens[anchor.Start].Text;
            foreach (var m in members)
            {
                var item = items[m];
                if (!item.Confirmed && item.Candidate is { Known: null } c && c.Score < AcceptScore)
                {
                    Add(c, AcceptScore - c.Score, "listed with " + anchorName);
                }
            }
        }
    }

    /// <summary>Every occurrence of a known company and every candidate piece in text order, confirmed when it is a company already.</summary>
    private static List<ListItem> ListItems(
        List<Piece> pieces, Dictionary<string, Candidate> known, Dictionary<string, Candidate> found, HashSet<string> rejected)
    {
        // A record, not a tuple: see EntityOrder on generic code compiled per value type. The sort
        // below is the same algorithm either way, so ties come out in the same order.
        var items = new List<ListItem>();
        foreach (var k in known.Values)
        {
            if (k.Known is { } kc && (!kc.Common || k.AnyMidSentence))
            {
                foreach (var o in k.PlainOccurrences)
                {
                    items.Add(new ListItem(o, o + 1, k, true));
                }
            }
        }

        foreach (var p in pieces)
        {
            if (found.TryGetValue(p.Key, out var c) && !rejected.Contains(p.Key))
            {
                items.Add(new ListItem(p.Start, p.End, c, c.Score >= AcceptScore));
            }
        }

        items.Sort((a, b) => a.Start.CompareTo(b.Start));
        return items;
    }

    private static int EndOfName(List<TextToken> tokens, int end)
    {
        // A known name may run on into sub-brand words; skip them to find what follows.
        while (end < tokens.Count && tokens[end].Joins && tokens[end].IsCapitalised && !tokens[end - 1].Is(TokenFlags.Possessive))
        {
            end++;
        }

        return end;
    }

    private static bool Coordinated(List<TextToken> tokens, int end, int next)
    {
        if (end >= tokens.Count || next >= tokens.Count || tokens[end].Paragraph != tokens[next].Paragraph || tokens[end - 1].Is(TokenFlags.Possessive))
        {
            return false;
        }

        if (next == end)
        {
            return tokens[next].Gap == ",";
        }

        // "X and Y", "X, and Y", "X or Y"; also "X (Expansion), and Y" is left out on purpose.
        return next == end + 1 && tokens[end].Lower is "and" or "or" && tokens[end].Gap is "" or "," && tokens[next].Joins;
    }

    /// <summary>"Volterra Motors" is also called "Volterra" later on: count those mentions too.</summary>
    private void AddShortForms(List<Candidate> accepted, Dictionary<string, Candidate> found)
    {
        var acceptedSet = accepted.ToHashSet();
        foreach (var c in accepted)
        {
            if (!(c.Known?.Name ?? c.Key).Contains(' ', StringComparison.Ordinal))
            {
                continue; // one word has no suffix to drop
            }

            var words = (c.Known?.Name ?? c.Key).ToLowerInvariant().Split(' ');
            var n = words.Length;
            while (n > 1 && (knowledge.CueOf(words[n - 1]) & (Cue.Suffix | Cue.Legal)) != 0)
            {
                n--;
            }

            if (n == words.Length)
            {
                continue;
            }

            var shortKey = string.Join(' ', words.Take(n));
            if (found.TryGetValue(shortKey, out var s) && s != c && s.MergedInto is null && !acceptedSet.Contains(s))
            {
                c.Occurrences.AddRange(s.Occurrences);
                c.AnyMidSentence |= s.AnyMidSentence;
                s.MergedInto = c;
            }
        }
    }

    private void CollectRuns(List<TextToken> tokens, Dictionary<string, Candidate> known, List<Piece> pieces, HashSet<int> companyTokens)
    {
        // Public institutions named like companies ("People's Bank of China") are taken out first.
        var institution = new bool[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].IsCapitalised && knowledge.Institutions.TryMatch(tokens, k, caseSensitive: false, out _, out var len))
            {
                Array.Fill(institution, true, k, len);
                k += len - 1;
            }
        }

        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsCapitalised)
            {
                i++;
                continue;
            }

            if (institution[i])
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && !tokens[end - 1].Is(TokenFlags.Possessive) && tokens[end].Joins)
            {
                var t = tokens[end];
                if (institution[end])
                {
                    break;
                }

                if (t.IsCapitalised)
                {
                    end++;
                }
                else if (Connectors.Contains(t.Lower) && end + 1 < tokens.Count && tokens[end + 1].IsCapitalised && tokens[end + 1].Joins)
                {
                    end += 2;
                }
                else
                {
                    break;
                }
            }

            SplitRun(tokens, i, end, known, pieces, companyTokens);
            i = end;
        }
    }

    private void SplitRun(List<TextToken> tokens, int start, int end, Dictionary<string, Candidate> known, List<Piece> pieces, HashSet<int> companyTokens)
    {
        var lastCue = knowledge.CueOf(tokens[end - 1]);
        var namedWhole = end - start > 1 && (lastCue & (Cue.Legal | Cue.Suffix)) != 0;
        var pieceStart = start;
        var afterHonorific = false;
        var pos = start;
        while (pos < end)
        {
            var t = tokens[pos];
            if (knowledge.Companies.TryMatch(tokens, pos, caseSensitive: false, out var company, out var len)
                && pos + len <= end
                && (pos == pieceStart || !company.Common)
                && !(company.Common && PartOfLongerName(tokens, pos + len))
                && !(namedWhole && pos > start && pos + len < end))
            {
                AddPiece(tokens, pieceStart, pos, afterHonorific, beforeTitle: false, pieces);
                pos = AddKnown(tokens, pos, len, end, company, known, companyTokens);
                pieceStart = pos;
                afterHonorific = false;
                continue;
            }

            var cue = knowledge.CueOf(t);
            if ((cue & (Cue.Title | Cue.Honorific)) != 0 && !(namedWhole && pos < end - 1 && pos > start))
            {
                AddPiece(tokens, pieceStart, pos, afterHonorific, beforeTitle: (cue & Cue.Title) != 0, pieces);
                afterHonorific = true;
                pieceStart = pos + 1;
            }
            else if ((cue & Cue.Never) != 0)
            {
                // A government body's name runs on over its connectors ("US Securities and Exchange
                // Commission", "Ministry of Electronics and Information Technology"): no company
                // stands inside it.
                if (Connectors.Contains(t.Lower)
                    && (IsGovernmentWord(tokens[end - 1]) || (t.Lower == "of" && pos > pieceStart && IsGovernmentWord(tokens[pos - 1]))))
                {
                    return;
                }

                AddPiece(tokens, pieceStart, pos, afterHonorific, beforeTitle: false, pieces);

                afterHonorific = false;
                pieceStart = pos + 1;
            }

            pos++;
        }

        AddPiece(tokens, pieceStart, end, afterHonorific, beforeTitle: false, pieces);
    }

    /// <summary>
    /// Records a known company's name at <paramref name="pos"/> (<paramref name="len"/> tokens) with the
    /// sub-brand words that ride with it (Facebook Connectivity, Tencent Esports), up to a title or a
    /// word that is never part of a name; returns where the name ends.
    /// </summary>
    private int AddKnown(
        List<TextToken> tokens, int pos, int len, int end, KnownCompany company, Dictionary<string, Candidate> known, HashSet<int> companyTokens)
    {
        var stop = pos + len;
        while (stop < end && (knowledge.CueOf(tokens[stop]) & (Cue.Title | Cue.Honorific | Cue.Never)) == 0
               && !tokens[stop - 1].Is(TokenFlags.Possessive) && !knowledge.Companies.TryMatch(tokens, stop, false, out _, out _))
        {
            stop++;
        }

        var key = company.Name;
        if (!known.TryGetValue(key, out var c))
        {
            c = new Candidate(key) { Known = company };
            known[key] = c;
        }

        c.Occurrences.Add(pos);
        if (stop == pos + len)
        {
            c.PlainOccurrences.Add(pos);
        }

        if ((!tokens[pos].Is(TokenFlags.SentenceStart) && !IsAllCapsLine(tokens, pos)) || TitleAfter(tokens, pos + len))
        {
            c.AnyMidSentence = true;
        }

        for (var k = pos; k < stop; k++)
        {
            companyTokens.Add(k);
        }

        return stop;
    }

    private bool IsGovernmentWord(TextToken t) =>
        (knowledge.CueOf(t) & (Cue.Government | Cue.Suffix | Cue.Legal)) == Cue.Government;

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "its", "his", "her", "their", "our", "my", "your" };

    private static bool OwnedByDeterminer(List<TextToken> tokens, int start) =>
        start > 0 && tokens[start].Joins && Determiners.Contains(tokens[start - 1].Lower);

    private static bool IsQuoted(List<TextToken> tokens, Piece piece)
    {
        var open = tokens[piece.Start].Gap.EndsWith('"');
        var close = piece.End < tokens.Count && tokens[piece.End].Gap.StartsWith('"') && tokens[piece.End].Paragraph == tokens[piece.Start].Paragraph;
        var lastInParagraph = piece.End >= tokens.Count || tokens[piece.End].Paragraph != tokens[piece.Start].Paragraph;
        return open && (close || lastInParagraph) && !tokens[piece.End - 1].Is(TokenFlags.Possessive);
    }

    private static bool PartOfLongerName(List<TextToken> tokens, int after) =>
        after + 1 < tokens.Count && tokens[after].Joins && tokens[after].Lower is "of" or "de" or "&"
        && tokens[after + 1].IsCapitalised && tokens[after + 1].Joins;

    private void AddPiece(List<TextToken> tokens, int start, int end, bool afterHonorific, bool beforeTitle, List<Piece> pieces)
    {
        while (start < end && Connectors.Contains(tokens[start].Lower))
        {
            start++;
        }

        while (end > start && Connectors.Contains(tokens[end - 1].Lower))
        {
            end--;
        }

        if (start >= end)
        {
            return;
        }

        var hasConnector = false;
        for (var k = start; k < end; k++)
        {
            hasConnector |= !tokens[k].IsCapitalised;
        }

        var edgeCues = knowledge.CueOf(tokens[start]) | knowledge.CueOf(tokens[end - 1]);
        if (hasConnector && (edgeCues & (Cue.Legal | Cue.Suffix | Cue.Government | Cue.Other)) == 0)
        {
            // "Huawei and ZTE" is two names; "Bank of X" or "X and Y Administration" is one.
            var s = start;
            for (var k = start; k <= end; k++)
            {
                if (k == end || !tokens[k].IsCapitalised)
                {
                    if (k > s)
                    {
                        pieces.Add(new Piece(s, k, KeyOf(tokens, s, k), afterHonorific && s == start, beforeTitle && k == end));
                    }

                    s = k + 1;
                }
            }

            return;
        }

        pieces.Add(new Piece(start, end, KeyOf(tokens, start, end), afterHonorific, beforeTitle));
    }

    // "Will Tessellate go public?": at a sentence start "Will" asks a question, and taking
    // "Will Tessellate" for a person would make "Tessellate" a surname everywhere in the story.
    private static bool IsAuxiliaryAtSentenceStart(TextToken first) =>
        first.Is(TokenFlags.SentenceStart) && first.Lower is "will" or "can" or "may";
}
