using NewsReader.Core.Data;

namespace NewsReader.Core.Search.Model;

/// <summary>
/// One field filter a reader typed, e.g. <c>company:"Sun Art"</c> or <c>-country:France</c>.
/// <see cref="Kind"/> is the entity kind its word names; <see cref="Value"/> is as typed (trimmed,
/// quotes removed); <see cref="Exclude"/> is true for the minus form.
/// </summary>
public sealed record FieldFilter(EntityKind Kind, string Value, bool Exclude);

/// <summary>One word or phrase of a query as typed (quotes removed); <see cref="Prefix"/> for a trailing <c>*</c>.</summary>
public sealed record SearchTerm(string Text, bool Prefix);

/// <summary>
/// A parsed reader query. <see cref="FtsMatch"/> is a safe SQLite FTS5 MATCH expression (every term a
/// string literal, no column filters), or null when the query has no text to include.
/// </summary>
public sealed record SearchQuery(string? FtsMatch, IReadOnlyList<FieldFilter> Filters)
{
    /// <summary>The query for empty or unusable input: no text, no filters.</summary>
    public static SearchQuery Empty { get; } = new(null, []);

    /// <summary>
    /// Included words and phrases as typed (without quotes or <c>*</c>), for highlighting text that
    /// FTS5's own <c>snippet()</c>/<c>highlight()</c> does not cover, such as a title in a list.
    /// </summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>
    /// Set only when <see cref="FtsMatch"/> is null but the reader excluded text (<c>-tesla</c>):
    /// FTS5's NOT needs something on its left, so the exclusions come separately as an
    /// <c>"a" OR "b"</c> expression. A caller may apply it as
    /// <c>rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @x)</c>, or ignore it.
    /// </summary>
    public string? ExcludeOnlyMatch { get; init; }

    /// <summary>
    /// The same text as <see cref="FtsMatch"/> and <see cref="ExcludeOnlyMatch"/>, as terms: groups of
    /// alternatives (a story must match one term of every group) and exclusions (it must match none).
    /// An engine other than SQLite compiles these to its own syntax, with the same meaning.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; init; } = [];

    /// <summary>Excluded words and phrases (<c>-tesla</c>); see <see cref="Groups"/>.</summary>
    public IReadOnlyList<SearchTerm> Excluded { get; init; } = [];

    /// <summary>True when there is nothing to search for or filter by.</summary>
    public bool IsEmpty => FtsMatch is null && ExcludeOnlyMatch is null && Filters.Count == 0;
}
