using NewsReader.Core.Data;

namespace NewsReader.Core.Extraction;

/// <summary>Finds companies: gazetteer matches, plus names the text itself marks as companies
/// (suffixes, descriptors, appositives, job titles, acronyms, deal verbs), minus people, places,
/// government bodies and other capitalised things.</summary>
internal sealed partial class CompanyFinder(ExtractionKnowledge knowledge)
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

        var found = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var acronymLinks = ScorePieces(story, pieces, found, rejected);
        MergeAcronyms(acronymLinks, found);
        PropagateThroughLists(tokens, pieces, known, found, rejected);
        var accepted = Accepted(tokens, pieces, found, rejected);
        var all = known.Values.Where(k => k.Known is not null && (!k.Known.Common || k.AnyMidSentence)).ToList();
        AddShortForms(all.Concat(accepted).ToList(), found);
        MergeVariants(all, accepted);
        return Rank(story, all.Concat(accepted).Where(c => c.MergedInto is null).ToList());
    }

    /// <summary>
    /// Scores every capitalised run as a candidate (into <paramref name="found"/>), or rejects its name
    /// for good; returns the acronyms the story defines (short and long name).
    /// </summary>
    private List<(string Short, string Long)> ScorePieces(
        StoryText story, List<Piece> pieces, Dictionary<string, Candidate> found, HashSet<string> rejected)
    {
        var tokens = story.Tokens;
        var people = FindPeople(tokens, pieces);
        var acronymLinks = new List<(string Short, string Long)>();
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

        return acronymLinks;
    }

    /// <summary>An acronym and the name it stands for are one company: the one named more often keeps both.</summary>
    private static void MergeAcronyms(List<(string Short, string Long)> acronymLinks, Dictionary<string, Candidate> found)
    {
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
    }

    /// <summary>The candidates with enough evidence, named as the story names them best.</summary>
    private List<Candidate> Accepted(List<TextToken> tokens, List<Piece> pieces, Dictionary<string, Candidate> found, HashSet<string> rejected)
    {
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

        return accepted;
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
            (var body, subject[i], headline[i], lead[i]) = Tally(story, sources, found[i].Occurrences);
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

    /// <summary>
    /// A candidate's mentions: in the body, in the body as the subject (not as a source), and whether
    /// it is the subject in the headline or the lead. Each position once (merged names can share one).
    /// </summary>
    private static (int Body, int Subject, bool Headline, bool Lead) Tally(StoryText story, HashSet<int> sources, List<int> positions)
    {
        var occurrences = positions.ToArray();
        Array.Sort(occurrences);
        var (body, subject, headline, lead) = (0, 0, false, false);
        for (var k = 0; k < occurrences.Length; k++)
        {
            var o = occurrences[k];
            if (k > 0 && o == occurrences[k - 1])
            {
                continue; // sorted: equal neighbours are one position
            }

            var asSubject = !sources.Contains(o);
            if (story.InHeadline(o))
            {
                headline |= asSubject;
                continue;
            }

            body++;
            if (asSubject)
            {
                subject++;
                lead |= story.InLead(o);
            }
        }

        return (body, subject, headline, lead);
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
