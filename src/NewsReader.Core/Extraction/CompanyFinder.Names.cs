namespace NewsReader.Core.Extraction;

// Phase 4, names: keys, display names, canonical forms and merged variants.
internal sealed partial class CompanyFinder
{
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
}
