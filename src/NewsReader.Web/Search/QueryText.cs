using System.Buffers;

namespace NewsReader.Web.Search;

/// <summary>How a reader's search text is quoted in headings and sentences.</summary>
public static class QueryText
{
    private static readonly SearchValues<char> Quotes = SearchValues.Create("\"“”„«»");

    /// <summary>
    /// The text in typographic quotes (“tesla”), unless it has quotes of its own: a phrase search
    /// (<c>"Open Infrastructure Foundation"</c>) is shown as typed, not wrapped in a second pair.
    /// </summary>
    public static string Quoted(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.AsSpan().IndexOfAny(Quotes) >= 0 ? query : $"“{query}”";
    }
}
