namespace NewsReader.Core.Extraction;

/// <summary>Finds companies: gazetteer matches, plus names the text itself marks as companies
/// (suffixes, descriptors, appositives, job titles, acronyms, deal verbs), minus people, places,
/// government bodies and other capitalised things.</summary>
internal sealed class CompanyFinder(ExtractionKnowledge knowledge)
{
    private const double AcceptScore = 2.0;

    // A mention naming an outlet as a source weighs this much of one naming it as the subject.
    private const double SourceMentionWeight = 0.25;

    private const int RepeatedMentions = 3;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "for", "de", "&" };

    private static readonly HashSet<string> AppositiveOpeners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "one", "already", "now", "another", "its", "which", "also",
    };

    private static readonly HashSet<string> DroppableGroupWords = new(StringComparer.Ordinal) { "group", "holdings", "holding" };

    /// <summary>A run of capitalised words that may name something.</summary>
    private sealed record Piece(int Start, int End, string Key, bool AfterHonorific, bool BeforeTitle);

    private sealed class Candidate(string key)
    {
        public string Key { get; } = key;

        public string Name { get; set; } = key;

        public KnownCompany? Known { get; set; }

        public double Score { get; set; }

        public List<int> Occurrences { get; } = [];

        public List<string> Evidence { get; } = [];

        public bool AnyMidSentence { get; set; }

        /// <summary>The text calls it a company in so many words: "X, a Berlin-based startup".</summary>
        public bool CalledACompany { get; set; }

        public Candidate? MergedInto { get; set; }

        /// <summary>Where a known name stands alone, not as part of a product name ("Apple Music").</summary>
        public List<int> PlainOccurrences { get; } = [];
    }

    /// <summary>Finds the companies of a story; <paramref name="companyTokens"/> receives the tokens
    /// inside gazetteer names, so that "Bank of America" is not read as a country.</summary>
    public List<EntityMention> Find(StoryText story, HashSet<int> companyTokens)
    {
        var tokens = story.Tokens;
        var known = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var pieces = new List<Piece>();
        CollectRuns(tokens, known, pieces, companyTokens);

        var people = FindPeople(tokens, pieces);
        var found = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var acronymLinks = new List<(string Short, string Long)>();

        var rejected = new HashSet<string>(StringComparer.Ordinal);
        // Body first: headlines are often in Title Case, where capitals say nothing, so a headline
        // only adds mentions to names the body has already shown to be companies.
        var headline = pieces.Where(p => story.InHeadline(p.Start)).ToList();
        foreach (var piece in pieces.Where(p => !story.InHeadline(p.Start)).Concat(headline))
        {
            if (IsExcluded(tokens, piece, people))
            {
                continue;
            }

            if (story.InHeadline(piece.Start))
            {
                AddHeadlineMentions(tokens, piece, found);
                continue;
            }

            if (IsQuoted(tokens, piece) || OwnedByDeterminer(tokens, piece.Start))
            {
                // A coined term in quotes ("New Retail") or a unit of something ("its Intellectual
                // Property Group") is not a company, wherever else the name appears.
                rejected.Add(piece.Key);
                continue;
            }

            if (!found.TryGetValue(piece.Key, out var c))
            {
                c = new Candidate(piece.Key) { Name = NameOf(tokens, piece.Start, piece.End) };
                found[piece.Key] = c;
            }

            c.Occurrences.Add(piece.Start);
            if (!tokens[piece.Start].Is(TokenFlags.SentenceStart))
            {
                c.AnyMidSentence = true;
            }

            Score(tokens, pieces, piece, c, acronymLinks);
        }

        foreach (var (shortKey, longKey) in acronymLinks)
        {
            if (found.TryGetValue(shortKey, out var s) && found.TryGetValue(longKey, out var l)
                && s != l && s.MergedInto is null && l.MergedInto is null)
            {
                var total = s.Score + l.Score;
                var (keep, drop) = s.Occurrences.Count > l.Occurrences.Count ? (s, l) : (l, s);
                keep.Score = total;
                keep.Evidence.AddRange(drop.Evidence);
                keep.Occurrences.AddRange(drop.Occurrences);
                keep.AnyMidSentence |= drop.AnyMidSentence;
                keep.CalledACompany |= drop.CalledACompany;
                drop.Score = 0;
                drop.MergedInto = keep;
                keep.Evidence.Insert(0, "also called " + drop.Name);
            }
        }

        PropagateThroughLists(tokens, pieces, known, found, rejected);
        var accepted = new List<Candidate>();
        foreach (var c in found.Values)
        {
            if (c.MergedInto is not null || rejected.Contains(c.Key))
            {
                continue;
            }

            // A name the story keeps coming back to needs less evidence than one named in passing.
            var midSentence = 0;
            foreach (var o in c.Occurrences)
            {
                midSentence += tokens[o].Is(TokenFlags.SentenceStart) ? 0 : 1;
            }

            if (midSentence >= RepeatedMentions && c.Score > 0 && c.Score < AcceptScore)
            {
                Add(c, 1, "mentioned " + midSentence + " times");
            }

            // A single word seen only at sentence starts may be any capitalised word ("Instead, the
            // company said"), unless the story keeps coming back to something it called a company.
            var single = !c.Key.Contains(' ', StringComparison.Ordinal);
            var recurringCompany = c.CalledACompany && c.Occurrences.Count >= 2;
            var needed = single && !c.AnyMidSentence && !recurringCompany ? AcceptScore + 1 : AcceptScore;
            if (c.Score >= needed)
            {
                c.Name = Canonical(c.Name, pieces);
                accepted.Add(c);
            }
        }

        var all = known.Values.Where(k => k.Known is not null && (!k.Known.Common || k.AnyMidSentence)).ToList();
        AddShortForms(all.Concat(accepted).ToList(), found);
        MergeVariants(all, accepted);
        return Rank(story, all.Concat(accepted).Where(c => c.MergedInto is null).ToList());
    }

    private static void AddHeadlineMentions(List<TextToken> tokens, Piece piece, Dictionary<string, Candidate> found)
    {
        // Any stretch of the headline run that the body knows by name ("… As Zentrix Capital Grows").
        for (var a = piece.Start; a < piece.End; a++)
        {
            for (var b = piece.End; b > a; b--)
            {
                if (found.TryGetValue(KeyOf(tokens, a, b), out var seen))
                {
                    seen.Occurrences.Add(a);
                    a = b - 1;
                    break;
                }
            }
        }
    }

    private sealed record ListItem(int Start, int End, Candidate? Candidate, bool Confirmed);

    /// <summary>Names listed alongside a company ("backed by Prosus and SoftBank", "Tiantu
    /// Capital, SIG and Kuaishou") are taken to be companies too.</summary>
    private static void PropagateThroughLists(
        List<TextToken> tokens, List<Piece> pieces, Dictionary<string, Candidate> known, Dictionary<string, Candidate> found, HashSet<string> rejected)
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
                var stop = pos + len;
                // Sub-brands ride with their company (Facebook Connectivity, Tencent Esports),
                // up to a title or a word that is never part of a name.
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

                if ((!t.Is(TokenFlags.SentenceStart) && !IsAllCapsLine(tokens, pos)) || TitleAfter(tokens, pos + len))
                {
                    c.AnyMidSentence = true;
                }

                for (var k = pos; k < stop; k++)
                {
                    companyTokens.Add(k);
                }

                pos = stop;
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

    private HashSet<string> FindPeople(List<TextToken> tokens, List<Piece> pieces)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in pieces)
        {
            var len = p.End - p.Start;
            var first = tokens[p.Start];
            var isPerson = (len is >= 2 and <= 4 && knowledge.FirstNames.Contains(first.Text) && !IsAuxiliaryAtSentenceStart(first))
                || (len <= 3 && (p.AfterHonorific || LowerHonorificBefore(tokens, p.Start)))
                || (len is >= 2 and <= 3 && TitleOfAfterComma(tokens, p.End));
            if (isPerson && knowledge.CueOf(tokens[p.End - 1]) is var cue && (cue & (Cue.Legal | Cue.Suffix | Cue.Government)) == 0)
            {
                people.Add(p.Key);
                people.Add(tokens[p.End - 1].Lower);
                if (len >= 2 && !knowledge.FirstNames.Contains(first.Text))
                {
                    people.Add(first.Lower); // "Zhang Yiming" later called "Zhang"
                }
            }
        }

        return people;
    }

    private bool LowerHonorificBefore(List<TextToken> tokens, int start)
    {
        if (start == 0 || !tokens[start].Joins || tokens[start].Paragraph != tokens[start - 1].Paragraph)
        {
            return false;
        }

        var prev = tokens[start - 1];
        return !prev.IsCapitalised && (knowledge.CueOf(prev) & Cue.Honorific) != 0;
    }

    private bool TitleOfAfterComma(List<TextToken> tokens, int end)
    {
        // "Dino Ying, CEO of VSPN", "Mars Hou, general manager of Tencent Esports"
        if (end >= tokens.Count || tokens[end].Gap != "," || tokens[end].Paragraph != tokens[end - 1].Paragraph)
        {
            return false;
        }

        for (var k = end; k < Math.Min(tokens.Count, end + 4); k++)
        {
            if (k > end && !tokens[k].Joins)
            {
                return false;
            }

            if ((knowledge.CueOf(tokens[k]) & (Cue.Title | Cue.Honorific)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsExcluded(List<TextToken> tokens, Piece piece, HashSet<string> people)
    {
        if (people.Contains(piece.Key))
        {
            return true;
        }

        var len = piece.End - piece.Start;
        var firstCue = knowledge.CueOf(tokens[piece.Start]);
        var lastCue = knowledge.CueOf(tokens[piece.End - 1]);
        if (len == 1 && (firstCue & (Cue.Never | Cue.Title | Cue.Honorific | Cue.Government | Cue.Other | Cue.Descriptor | Cue.Suffix | Cue.Legal)) != 0)
        {
            return true;
        }

        if ((lastCue & (Cue.Government | Cue.Other)) != 0 && (lastCue & (Cue.Suffix | Cue.Legal)) == 0)
        {
            return true;
        }

        if (len > 1 && (firstCue & Cue.Government) != 0 && !tokens[piece.Start + 1].IsCapitalised)
        {
            return true; // Department of Justice
        }

        // The whole name is a place, a country or a demonym.
        if (Covers(knowledge.Countries, tokens, piece) || Covers(knowledge.Places, tokens, piece) || Covers(knowledge.Demonyms, tokens, piece))
        {
            return true;
        }

        // Two or three words ending in a known surname: a person ("Segars" after "Simon Segars").
        return len <= 3 && people.Contains(tokens[piece.End - 1].Lower) && (lastCue & (Cue.Suffix | Cue.Legal)) == 0;
    }

    private static bool Covers<T>(PhraseTable<T> table, List<TextToken> tokens, Piece piece) =>
        table.TryMatch(tokens, piece.Start, caseSensitive: true, out _, out var len) && len == piece.End - piece.Start;

    private void Score(List<TextToken> tokens, List<Piece> pieces, Piece piece, Candidate c, List<(string, string)> acronymLinks)
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

    private static string KeyOf(List<TextToken> tokens, int start, int end) =>
        TextTokens.Join(tokens, start, end, lower: true);

    private static string NameOf(List<TextToken> tokens, int start, int end)
    {
        if (end - start == 1)
        {
            return tokens[start].Text;
        }

        var parts = new List<string>();
        for (var k = start; k < end; k++)
        {
            if (k > start && tokens[k].Gap == "&")
            {
                parts.Add("&");
            }

            parts.Add(tokens[k].Text);
        }

        return string.Join(' ', parts);
    }

    private string Canonical(string name, List<Piece> pieces)
    {
        if (!name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        var words = name.Split(' ').ToList();
        while (words.Count > 1 && (knowledge.CueOf(words[^1].ToLowerInvariant()) & Cue.Legal) != 0)
        {
            words.RemoveAt(words.Count - 1);
        }

        // "Ant Group" is "Ant" when the story also calls it that (a scan: few names end so).
        if (words.Count > 1 && DroppableGroupWords.Contains(words[^1].ToLowerInvariant()))
        {
            var rest = string.Join(' ', words.Take(words.Count - 1));
            var restKey = rest.ToLowerInvariant();
            if (pieces.Exists(p => p.Key == restKey) && !IsPlaceName(rest))
            {
                words.RemoveAt(words.Count - 1);
            }
        }

        return string.Join(' ', words);
    }

    private bool IsPlaceName(string name)
    {
        var tokens = new List<TextToken>();
        TextTokenizer.Tokenize(name, 0, tokens);
        var piece = new Piece(0, tokens.Count, name, false, false);
        return tokens.Count > 0
            && (Covers(knowledge.Countries, tokens, piece) || Covers(knowledge.Places, tokens, piece) || Covers(knowledge.Demonyms, tokens, piece));
    }

    private static string FirstWord(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? name : name[..space];
    }

    private sealed record NamedCandidate(Candidate Candidate, string Lower);

    private static void MergeVariants(List<Candidate> known, List<Candidate> discovered)
    {
        // One name per company: "Sun Art Retail" joins "Sun Art", "Tencent Holdings Ltd" joins "Tencent".
        // Records and loops rather than LINQ over tuples (see EntityOrder for why).
        var byFirstWord = new Dictionary<string, List<NamedCandidate>>(StringComparer.Ordinal);
        foreach (var o in known.Concat(discovered))
        {
            var lower = (o.Known?.Name ?? o.Name).ToLowerInvariant();
            if (!byFirstWord.TryGetValue(FirstWord(lower), out var list))
            {
                byFirstWord[FirstWord(lower)] = list = [];
            }

            list.Add(new NamedCandidate(o, lower));
        }

        var longestFirst = discovered.ToArray();
        EntityOrder.StableSort<Candidate>(longestFirst, static (a, b) => b.Name.Length.CompareTo(a.Name.Length));
        foreach (var d in longestFirst)
        {
            var dl = d.Name.ToLowerInvariant();
            Candidate? target = null;
            foreach (var (o, ol) in byFirstWord.GetValueOrDefault(FirstWord(dl)) ?? [])
            {
                if (o == d || o.MergedInto is not null || (target is not null && target.Name.Length <= o.Name.Length))
                {
                    continue;
                }

                if (dl == ol || dl.StartsWith(ol + " ", StringComparison.Ordinal)
                    || (o.Known is not null && ol.StartsWith(dl + " ", StringComparison.Ordinal)))
                {
                    target = o;
                }
            }

            if (target is null)
            {
                continue;
            }

            target.Occurrences.AddRange(d.Occurrences);
            target.AnyMidSentence |= d.AnyMidSentence;
            d.MergedInto = target;
        }
    }

    private List<EntityMention> Rank(StoryText story, List<Candidate> found)
    {
        if (found.Count == 0)
        {
            return [];
        }

        var sources = SourceMentions(story, found);

        // Loops rather than LINQ over tuples (see EntityOrder for why). Mentions that only name a news
        // outlet as the source of a report or photo are counted, but make no story about it.
        var mentions = new int[found.Count];
        var subject = new int[found.Count];
        var headline = new bool[found.Count];
        var lead = new bool[found.Count];
        var score = new double[found.Count];
        var maxSubject = 0;
        for (var i = 0; i < found.Count; i++)
        {
            // Each position once (merged names can share one): sorted, equal neighbours skipped.
            var occurrences = found[i].Occurrences.ToArray();
            Array.Sort(occurrences);
            var body = 0;
            for (var k = 0; k < occurrences.Length; k++)
            {
                var o = occurrences[k];
                if (k > 0 && o == occurrences[k - 1])
                {
                    continue;
                }

                var asSubject = !sources.Contains(o);
                if (story.InHeadline(o))
                {
                    headline[i] |= asSubject;
                    continue;
                }

                body++;
                if (asSubject)
                {
                    subject[i]++;
                    lead[i] |= story.InLead(o);
                }
            }

            score[i] = Math.Log2(1 + subject[i] + ((body - subject[i]) * SourceMentionWeight))
                + (headline[i] ? 1.5 : 0) + (lead[i] ? 1 : 0);
            mentions[i] = Math.Max(body, 1);
            maxSubject = Math.Max(maxSubject, subject[i]);
        }

        var ranked = new List<EntityMention>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var c = found[i];
            var about = headline[i] || (lead[i] && subject[i] >= 2) || subject[i] >= Math.Max(3, maxSubject / 2);
            var evidence = c.Known is not null ? new List<string> { "known company" } : c.Evidence.GetRange(0, Math.Min(4, c.Evidence.Count));
            if (c.Known is { Outlet: true } && subject[i] < mentions[i])
            {
                evidence.Add("named as a source " + (mentions[i] - subject[i]) + " times");
            }

            ranked.Add(new EntityMention(c.Known?.Name ?? c.Name, EntityKind.Company, about, mentions[i], Math.Round(score[i], 3), evidence));
        }

        return EntityOrder.AboutFirst(ranked);
    }

    /// <summary>Where a news outlet is named as the source of a report or a photo rather than as the
    /// subject: after a <c>source</c> phrase ("according to", "told", also with "the" between), before a <c>source-after</c> word
    /// ("reported", "report"), in a caption or a credit ("Photo: Reuters", "Frayer/Getty Images"), as a
    /// dateline's agency ("LONDON (Reuters) -"), as the interviewer ("TechCrunch: Why now?"), or listed
    /// right after another outlet named as a source ("picked up by Bloomberg, the Wall Street Journal
    /// and CNBC").</summary>
    private HashSet<int> SourceMentions(StoryText story, List<Candidate> found)
    {
        var tokens = story.Tokens;
        var sources = new HashSet<int>();
        var outletMentions = new List<int>();
        foreach (var c in found)
        {
            if (c.Known is { Outlet: true })
            {
                outletMentions.AddRange(c.Occurrences);
            }
        }

        outletMentions.Sort();
        var previousEnd = -1;
        foreach (var o in outletMentions)
        {
            var end = EndOfCapitals(tokens, o);
            if (IsSourceMention(story, o, end) || (previousEnd >= 0 && ListedAfter(tokens, previousEnd, o)))
            {
                sources.Add(o);
                previousEnd = end;
            }
            else
            {
                previousEnd = -1;
            }
        }

        return sources;
    }

    private bool IsSourceMention(StoryText story, int start, int end)
    {
        var tokens = story.Tokens;
        var gap = tokens[start].Gap;
        if (story.InCaption(start) || gap.Contains(':', StringComparison.Ordinal) || gap.Contains('/', StringComparison.Ordinal)
            || PhraseEndsAt(knowledge.SourceBeforePhrases, tokens, start, out _)
            || (start > 0 && tokens[start - 1].Lower == "the" && tokens[start].Joins
                && PhraseEndsAt(knowledge.SourceBeforePhrases, tokens, start - 1, out _)))
        {
            return true;
        }

        if (end >= tokens.Count || tokens[end].Paragraph != tokens[start].Paragraph)
        {
            return false;
        }

        var next = tokens[end];
        var opensParagraph = start == 0 || tokens[start - 1].Paragraph != tokens[start].Paragraph;
        return (gap.Contains('(', StringComparison.Ordinal) && next.Gap.StartsWith(')'))
            || (opensParagraph && next.Gap.StartsWith(':'))
            || (next.Joins && knowledge.SourceAfterPhrases.TryMatch(tokens, end, caseSensitive: true, out _, out _));
    }

    /// <summary>The end of the run of joined capitalised words from <paramref name="start"/> ("The Wall Street Journal").</summary>
    private static int EndOfCapitals(List<TextToken> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Count && tokens[end].Paragraph == tokens[start].Paragraph && tokens[end].Joins && tokens[end].IsCapitalised)
        {
            end++;
        }

        return end;
    }

    /// <summary>True when only commas, "and", "or" and "the" stand between the name ending at
    /// <paramref name="previousEnd"/> and the one at <paramref name="start"/>.</summary>
    private static bool ListedAfter(List<TextToken> tokens, int previousEnd, int start)
    {
        if (start < previousEnd || start - previousEnd > 3 || tokens[start].Paragraph != tokens[previousEnd - 1].Paragraph)
        {
            return false;
        }

        for (var k = previousEnd; k <= start; k++)
        {
            if (tokens[k].Gap is not ("" or ","))
            {
                return false;
            }

            if (k < start && tokens[k].Lower is not ("and" or "or" or "the"))
            {
                return false;
            }
        }

        return start > previousEnd || tokens[start].Gap == ",";
    }
}
