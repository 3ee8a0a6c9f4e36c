namespace NewsReader.Core.Splitting;

/// <summary>Finds sentence ends in English news text, knowing that "U.S.", "Inc." or "J." do not end one.</summary>
internal static class Sentences
{
    /// <summary>Length of the first sentence of <paramref name="text"/> (the whole text when it has one sentence).</summary>
    public static int FirstLength(string text, SplitterLexicon lexicon, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\u201D' or '\u2019' or '\'' or ')')
            {
                end++;
            }

            if (end >= text.Length)
            {
                return text.Length - from;
            }

            if (text[end] != ' ' || end + 1 >= text.Length)
            {
                continue;
            }

            var next = text[end + 1];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '\u2018' or '\''))
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, i, lexicon))
            {
                continue;
            }

            return end - from;
        }

        return text.Length - from;
    }

    /// <summary>Splits text into sentences (trimmed).</summary>
    public static List<string> Split(string text, SplitterLexicon lexicon)
    {
        var result = new List<string>();
        var from = 0;
        while (from < text.Length)
        {
            var len = FirstLength(text, lexicon, from);
            var s = text.Substring(from, len).Trim();
            if (s.Length > 0)
            {
                result.Add(s);
            }

            from += len;
        }

        return result;
    }

    // The word before the dot: an initial ("J."), a dotted abbreviation ("U.S."), or a listed one ("Inc.").
    internal static bool IsAbbreviation(string text, int dot, SplitterLexicon lexicon)
    {
        var start = dot;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text.AsSpan(start, dot - start);
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return word.Contains('.') || lexicon.Abbreviations.Contains(word);
    }
}
