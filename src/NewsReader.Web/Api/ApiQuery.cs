using NewsReader.Core.Stories;
using NewsReader.Core.Data;
using System.Globalization;
using NewsReader.Core.Search;
using NewsReader.Web.Entities;
using NewsReader.Web.Search;

namespace NewsReader.Web.Api;

/// <summary>
/// Reads and checks an API request's query string. Anything unusable (an unknown parameter, a limit
/// that is not a number in range, a foreign cursor, too long a query) is collected as an error for a
/// 400 problem document; nothing here throws on input.
/// </summary>
public sealed class ApiQuery
{
    /// <summary>Most values one filter may repeat (the page keeps the first 16 silently; the API says so).</summary>
    public const int MaxValuesPerFilter = 16;

    private readonly IQueryCollection _query;

    public ApiQuery(IQueryCollection query, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        foreach (var key in query.Keys.Where(k => !allowed.Contains(k, StringComparer.Ordinal)))
        {
            Add(key, $"Unknown parameter '{key}'. Allowed here: {(allowed.Length == 0 ? "none" : string.Join(", ", allowed))}.");
        }

        foreach (var key in query.Keys.Where(k => allowed.Contains(k, StringComparer.Ordinal)))
        {
            if (query[key].Any(v => v is not null && v.Any(char.IsControl)))
            {
                Add(key, "Control characters are not allowed.");
            }
        }
    }

    /// <summary>The errors by parameter, for <c>Results.ValidationProblem</c>.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    /// <summary>A single-valued text parameter, or null.</summary>
    public string? Text(string key, int maxLength)
    {
        var values = _query[key];
        if (values.Count > 1)
        {
            Add(key, $"Give '{key}' once.");
            return null;
        }

        var value = values.Count == 0 ? null : values[0]?.Trim();
        if (value is { Length: > 0 } && value.Length > maxLength)
        {
            Add(key, $"'{key}' is longer than {maxLength} characters.");
            return null;
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Number(string key, int fallback, int min, int max)
    {
        var text = Text(key, 20);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Add(key, $"'{key}' must be a whole number from {min} to {max}.");
            return fallback;
        }

        return n;
    }

    /// <summary>The list's state: text, the four filters (each repeatable) and the cursor.</summary>
    public ListState ListState(int maxQueryLength)
    {
        string[] Slugs(EntityKind field)
        {
            var values = _query[field.Key].OfType<string>().ToArray();
            if (values.Length > MaxValuesPerFilter)
            {
                Add(field.Key, $"At most {MaxValuesPerFilter} values of '{field.Key}'.");
            }

            if (values.Any(v => v.Length > 200))
            {
                Add(field.Key, $"A '{field.Key}' value is at most 200 characters.");
            }

            return values;
        }

        var after = Text(Core.Stories.ListState.AfterKey, 100);
        if (after is not null && !StorySearch.IsCursor(after))
        {
            Add(Core.Stories.ListState.AfterKey, "'after' must be a 'next' value from an earlier page.");
            after = null;
        }

        return Core.Stories.ListState.From(
            Text(Core.Stories.ListState.QueryKey, maxQueryLength),
            Slugs(EntityKind.Company), Slugs(EntityKind.Country), Slugs(EntityKind.Topic), after, Slugs(EntityKind.Tag));
    }

    /// <summary><c>sort</c>: <c>relevance</c> (the default; newest first without text) or <c>newest</c>.</summary>
    public SearchSort Sort()
    {
        var text = Text("sort", 20);
        switch (text)
        {
            case null:
            case "relevance":
                return SearchSort.Relevance;
            case "newest":
                return SearchSort.Newest;
            default:
                Add("sort", "'sort' must be 'relevance' or 'newest'.");
                return SearchSort.Relevance;
        }
    }

    private void Add(string key, string message) =>
        Errors[key] = Errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}
