namespace NewsReader.Core.Extraction;

// Phase 2, vetoes: people, places, government bodies and other capitalised things that are not companies.
internal sealed partial class CompanyFinder
{
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
}
