using NewsReader.Core.Data;

namespace NewsReader.Core.Extraction;

/// <summary>Finds the countries a story refers to by name, abbreviation, demonym or well-known city,
/// keeping those it refers to with enough weight (see <c>docs/extraction.md</c>).</summary>
internal sealed class CountryFinder(ExtractionKnowledge knowledge)
{
    // A name or abbreviation counts in full; a demonym or a city only partly, and anything in a
    // photo caption or inside a company's name counts half. A country needs a full weight of 1.
    private const double NameWeight = 1.0;
    private const double IndirectWeight = 0.6;
    private const double Threshold = 1.0;

    private sealed class Hit(string country)
    {
        public string Country { get; } = country;

        public double Weight { get; set; }

        public int Mentions { get; set; }

        public bool Headline { get; set; }

        public bool Lead { get; set; }

        public List<string> Evidence { get; } = [];
    }

    public List<EntityMention> Find(StoryText story, HashSet<int> companyTokens)
    {
        var tokens = story.Tokens;
        var hits = new Dictionary<string, Hit>(StringComparer.Ordinal);
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (!t.IsCapitalised)
            {
                i++;
                continue;
            }

            var (best, country, weight) = LongestMatch(tokens, i);
            if (best == 0)
            {
                i++;
                continue;
            }

            if (!string.IsNullOrEmpty(country) && !PersonName(tokens, i))
            {
                if (companyTokens.Contains(i) || story.InCaption(i))
                {
                    weight /= 2;
                }

                if (!hits.TryGetValue(country, out var h))
                {
                    h = new Hit(country);
                    hits[country] = h;
                }

                h.Weight += weight;
                h.Mentions++;
                h.Headline |= story.InHeadline(i);
                h.Lead |= story.InLead(i) && !story.InHeadline(i);
                var surface = TextTokens.Join(tokens, i, i + best, lower: false);
                if (!h.Evidence.Contains(surface) && h.Evidence.Count < 4)
                {
                    h.Evidence.Add(surface);
                }
            }

            i += best;
        }

        return Found(hits);
    }

    /// <summary>
    /// The longest place, country name or demonym at token <paramref name="i"/> (tokens matched, country,
    /// weight), or 0 tokens: a country's name wins a tie with a place, a demonym only a longer match.
    /// </summary>
    private (int Length, string? Country, double Weight) LongestMatch(List<TextToken> tokens, int i)
    {
        var best = 0;
        string? country = null;
        var weight = 0.0;
        if (knowledge.Places.TryMatch(tokens, i, caseSensitive: true, out var place, out var pl) && !FollowedBySurname(tokens, i + pl))
        {
            (best, country, weight) = (pl, place, IndirectWeight);
        }

        if (knowledge.Countries.TryMatch(tokens, i, caseSensitive: true, out var name, out var cl) && cl >= best && Plausible(tokens, i, cl))
        {
            (best, country, weight) = (cl, name, NameWeight);
        }

        if (knowledge.Demonyms.TryMatch(tokens, i, caseSensitive: true, out var dem, out var dl) && dl > best)
        {
            (best, country, weight) = (dl, dem, OfTheState(tokens, i + dl) ? NameWeight : IndirectWeight);
        }

        return (best, country, weight);
    }

    private static List<EntityMention> Found(Dictionary<string, Hit> hits)
    {
        var found = new List<EntityMention>();
        foreach (var h in hits.Values)
        {
            if (h.Weight >= Threshold)
            {
                found.Add(new EntityMention(
                    h.Country, EntityKind.Country, About: h.Headline || (h.Lead && h.Weight >= 1.5) || h.Weight >= 3,
                    h.Mentions, Math.Round(h.Weight, 3), h.Evidence));
            }
        }

        return EntityOrder.AboutFirst(found);
    }

    // "the Russian government", "Chinese authorities", "the French embassy": the demonym names the
    // state itself, as much as the country's name would.
    private bool OfTheState(List<TextToken> tokens, int next)
    {
        if (next >= tokens.Count || !tokens[next].Joins || tokens[next].Paragraph != tokens[next - 1].Paragraph)
        {
            return false;
        }

        var lower = tokens[next].Lower;
        var singular = lower.EndsWith("ies", StringComparison.Ordinal) ? lower[..^3] + "y" // authorities
            : lower.Length > 3 && lower[^1] == 's' ? lower[..^1] // regulators
            : lower;
        return ((knowledge.CueOf(lower) | knowledge.CueOf(singular)) & Cue.Government) != 0;
    }

    private static bool Plausible(List<TextToken> tokens, int i, int len)
    {
        var t = tokens[i];
        if (len == 1 && t.Text == "US")
        {
            if (i + 1 < tokens.Count && tokens[i + 1].Gap.StartsWith('$'))
            {
                return false; // "US$100" names a currency
            }

            // "US" in an all-capitals line may be the word "us".
            var p = t.Paragraph;
            var prevCaps = i == 0 || tokens[i - 1].Paragraph != p || tokens[i - 1].Is(TokenFlags.AllCaps);
            var nextCaps = i + 1 >= tokens.Count || tokens[i + 1].Paragraph != p || tokens[i + 1].Is(TokenFlags.AllCaps);
            return !(prevCaps && nextCaps);
        }

        return true;
    }

    private bool FollowedBySurname(List<TextToken> tokens, int after)
    {
        // "Austin Russell", "Paris Hilton": a city name used as a given name is followed by exactly
        // one more capitalised word that is no place and no organisation word.
        if (after >= tokens.Count || !tokens[after].Joins || !tokens[after].IsCapitalised || tokens[after].Is(TokenFlags.AllCaps)
            || tokens[after].Paragraph != tokens[after - 1].Paragraph || tokens[after - 1].Is(TokenFlags.Possessive))
        {
            return false;
        }

        var next = after + 1;
        if (next < tokens.Count && tokens[next].Joins && tokens[next].IsCapitalised && tokens[next].Paragraph == tokens[after].Paragraph)
        {
            return false;
        }

        return knowledge.CueOf(tokens[after]) == Cue.None
            && !knowledge.Places.TryMatch(tokens, after, caseSensitive: true, out _, out _)
            && !knowledge.Countries.TryMatch(tokens, after, caseSensitive: true, out _, out _);
    }

    private bool PersonName(List<TextToken> tokens, int i)
    {
        // "Michael Jordan", "Chad" after a given name is a person, not a country.
        return i > 0 && tokens[i].Joins && tokens[i - 1].Paragraph == tokens[i].Paragraph && knowledge.FirstNames.Contains(tokens[i - 1].Text);
    }
}
