using NewsReader.Web.Entities;
using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using NewsReader.Core.Stories;
using NewsReader.Web.Search;

namespace NewsReader.Web.Feeds;

/// <summary>A feed document ready to send, with what conditional requests compare against.</summary>
/// <param name="ETag">A strong validator: a hash of <see cref="Body"/>, quoted.</param>
/// <param name="LastModified">The newest entry's update time (whole seconds), or null for an empty feed.</param>
public sealed record FeedDocument(byte[] Body, string ContentType, string ETag, DateTimeOffset? LastModified);

/// <summary>What a feed is of: the list it mirrors and how it is described.</summary>
/// <param name="State">The list's URL state (query, filters, cursor), exactly as the page reads it.</param>
/// <param name="Title">The feed's title from the list (its resolved filters' names), as the page's heading says it.</param>
/// <param name="PageUrl">The absolute URL of the page the feed mirrors (first page).</param>
/// <param name="SelfUrl">The absolute URL of this feed document.</param>
/// <param name="NextUrl">Builds the absolute URL of the next page of the feed from a cursor.</param>
public sealed record FeedSource(ListState State, Func<StoryListResult, string> Title, string PageUrl, string SelfUrl, Func<string, string> NextUrl);

/// <summary>
/// Builds the Atom or RSS document of a story list: the same stories, in the same order, that the
/// page at the same URL state shows (through <see cref="StoryReader"/>), each with its headline,
/// summary, link, times and entities as categories.
/// </summary>
public sealed class FeedBuilder(StoryReader reader, StoryTimes storyTimes)
{
    public async Task<FeedDocument> BuildAsync(FeedSource source, FeedFormat format, Uri siteRoot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(siteRoot);
        var list = await reader.ListAsync(source.State, ct);
        var times = await storyTimes.OfAsync(list.Stories.Select(s => s.Slug).ToList(), ct);

        var items = new List<SyndicationItem>();
        foreach (var story in list.Stories)
        {
            var (created, updated) = times.GetValueOrDefault(story.Slug) ?? new StoryTime(DateTime.UnixEpoch, DateTime.UnixEpoch);
            var link = new Uri(siteRoot, "articles/" + Uri.EscapeDataString(story.Slug));
            var item = new SyndicationItem
            {
                Id = link.AbsoluteUri,
                Title = new TextSyndicationContent(XmlText.Clean(story.Title)),
                Summary = new TextSyndicationContent(XmlText.Clean(story.Summary)),
                LastUpdatedTime = Utc(updated),
                PublishDate = Utc(created),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(link, "text/html"));
            foreach (var chip in story.Entities)
            {
                // The name as the term: RSS has no label, and readers show Atom's term too; the scheme says the kind.
                var name = XmlText.Clean(chip.Name);
                item.Categories.Add(new SyndicationCategory(name, new Uri(siteRoot, chip.Kind.PathSegment).AbsoluteUri, name));
            }

            items.Add(item);
        }

        var lastUpdated = items.Count == 0 ? (DateTimeOffset?)null : items.Max(i => i.LastUpdatedTime);
        var title = XmlText.Clean(source.Title(list)) + " – NewsReader";
        var feed = new SyndicationFeed(title, title, new Uri(source.PageUrl), source.PageUrl, lastUpdated ?? DateTimeOffset.UnixEpoch, items)
        {
            Generator = "NewsReader",
        };
        feed.Links.Add(new SyndicationLink(new Uri(source.SelfUrl), "self", null, format.ContentType.Split(';')[0], 0));
        if (list.NextAfter is not null)
        {
            // RFC 5005 paging: a reader that wants more than one page follows rel="next".
            feed.Links.Add(new SyndicationLink(new Uri(source.NextUrl(list.NextAfter)), "next", null, format.ContentType.Split(';')[0], 0));
        }

        var body = Write(feed, format);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";
        // HTTP dates carry whole seconds; a validator with ticks would never compare equal.
        var lastModified = lastUpdated is { } l ? new DateTimeOffset(l.UtcTicks - (l.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : (DateTimeOffset?)null;
        return new FeedDocument(body, format.ContentType, etag, lastModified);
    }

    private static byte[] Write(SyndicationFeed feed, FeedFormat format)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
