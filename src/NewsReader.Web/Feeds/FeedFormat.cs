using NewsReader.Core.Stories;
namespace NewsReader.Web.Feeds;

/// <summary>The syndication formats a feed is served in: Atom 1.0 (the default) and RSS 2.0 (<c>?format=rss</c>).</summary>
public sealed record FeedFormat(string Key, string ContentType)
{
    public const string QueryKey = "format";

    public static FeedFormat Atom { get; } = new("atom", "application/atom+xml; charset=utf-8");

    public static FeedFormat Rss { get; } = new("rss", "application/rss+xml; charset=utf-8");

    /// <summary>The format a <c>format</c> value asks for (none: Atom), or null for a value that names no format.</summary>
    public static FeedFormat? Parse(string? value) =>
        string.IsNullOrEmpty(value) ? Atom
        : string.Equals(value, Atom.Key, StringComparison.OrdinalIgnoreCase) ? Atom
        : string.Equals(value, Rss.Key, StringComparison.OrdinalIgnoreCase) ? Rss
        : null;
}
