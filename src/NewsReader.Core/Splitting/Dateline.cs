namespace NewsReader.Core.Splitting;

/// <summary>
/// A wire dateline opening a paragraph: "SAN FRANCISCO (Reuters) - ", "(Reuters) - ",
/// "BEIJING, March 3 (AP) — ", "FRANKFURT/DETROIT (Reuters) - ", "LONDON — ", and the colon form
/// of South Asian papers, "MUMBAI: ", when the capitals are a shipped place (a transcript's
/// "SMITH: " is a speaker, not a dateline). Agencies put one
/// before the first paragraph of a story and nowhere else, so it marks a lead, and a headline
/// drops it.
/// </summary>
internal static class Dateline
{
    // Where the dash may stand at the latest: a place, a date and an agency ("WASHINGTON, Nov 3 (Thomson Reuters Foundation) - ").
    private const int MaxLength = 60;
    private const int MaxAgency = 40;
    private const int MaxPlace = 30;

    /// <summary>
    /// How many characters of <paramref name="text"/> the dateline takes, dash and space after it
    /// included; 0 when the text opens with none. A dateline is a place in capitals (a date may
    /// follow after a comma) and/or an agency in parentheses, then a dash, then a sentence that
    /// starts with a capital letter, a digit or a quotation mark.
    /// </summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        var colon = ColonLength(text);
        if (colon > 0)
        {
            return colon;
        }

        var limit = Math.Min(text.Length, MaxLength);
        for (var at = 0; at < limit; at++)
        {
            if (text[at] is not ('-' or '\u2013' or '\u2014'))
            {
                continue;
            }

            // The dash stands alone between spaces, with a sentence after it.
            var after = at + 1;
            if (at == 0 || text[at - 1] != ' ' || after >= text.Length || text[after] != ' ')
            {
                return 0;
            }

            var rest = after + 1;
            if (rest >= text.Length || !(char.IsUpper(text[rest]) || char.IsDigit(text[rest]) || text[rest] is '“' or '"' or '‘' or '\''))
            {
                return 0;
            }

            return IsDatelinePrefix(text[..(at - 1)]) ? rest : 0;
        }

        return 0;
    }

    // "MUMBAI: Reliance Retail ...", "NEW DELHI: The government ...": a shipped place in capitals, a
    // colon, a space and a sentence.
    private static int ColonLength(ReadOnlySpan<char> text)
    {
        var colon = text[..Math.Min(text.Length, MaxPlace)].IndexOf(':');
        if (colon < 2 || colon + 2 >= text.Length || text[colon + 1] != ' '
            || !(char.IsUpper(text[colon + 2]) || char.IsDigit(text[colon + 2]) || text[colon + 2] is '“' or '"' or '‘' or '\''))
        {
            return 0;
        }

        var place = text[..colon];
        return IsPlaceInCapitals(place) && ShippedNames.IsPlace(place) ? colon + 2 : 0;
    }

    // "HONG KONG (Reuters)", "(Reuters)", "BEIJING, March 3 (AP)", "LONDON".
    private static bool IsDatelinePrefix(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        var agency = false;
        if (s.Length > 0 && s[^1] == ')')
        {
            var open = s.LastIndexOf('(');
            if (open < 0 || s.Length - open - 2 > MaxAgency || open + 1 >= s.Length - 1 || !char.IsUpper(s[open + 1]))
            {
                return false;
            }

            agency = true;
            s = s[..open].TrimEnd();
        }

        // A date after the place: "BEIJING, March 3", "NEW YORK, Jan. 5". Only the place is checked.
        var comma = s.IndexOf(',');
        var place = comma >= 0 ? s[..comma] : s;
        return place.IsEmpty ? agency && comma < 0 : IsPlaceInCapitals(place);
    }

    private static bool IsPlaceInCapitals(ReadOnlySpan<char> place)
    {
        var letters = 0;
        foreach (var c in place)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (c is not (' ' or '.' or '/' or '\'' or '\u2019' or '-'))
            {
                return false;
            }
        }

        return letters >= 2;
    }
}
