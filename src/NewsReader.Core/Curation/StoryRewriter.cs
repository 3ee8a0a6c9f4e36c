using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;
using NewsReader.Core.Stories;
using NewsReader.Core.Store;

namespace NewsReader.Core.Curation;

/// <summary>
/// Gives a story new paragraphs inside a correction's transaction, the way the importer stores them
/// (both through <see cref="StoryWriter"/>): body, fingerprint, MinHash bands, headline and summary
/// (unless a person edited them), extracted links (a person's links and removals stay) and the
/// names copy the full-text index reads.
/// </summary>
internal sealed class StoryRewriter(NewsDbContext db, StoryAnalyzer analyzer, DateTime now)
{
    /// <summary>The dedup keys of a text, computed as <c>IncomingStory</c> does.</summary>
    public static (string Body, string Fingerprint, long[] Bands) Keys(IReadOnlyList<Paragraph> paragraphs)
    {
        var normalized = TextFingerprint.NormalizeParagraphs(paragraphs);
        return (Paragraph.ToMarkdown(paragraphs), TextFingerprint.OfNormalized(normalized), MinHasher.BandKeysOfNormalized(normalized));
    }

    /// <summary>Refuses a text already stored as another story (the fingerprint is unique).</summary>
    public async Task EnsureFreeAsync(string fingerprint, long? exceptStoryId, CancellationToken ct)
    {
        var other = await db.Stories.AsNoTracking()
            .Where(a => a.Fingerprint == fingerprint && a.Id != exceptStoryId)
            .Select(a => a.Slug).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (other is not null)
        {
            throw new CurationException($"That text is already stored as the story '{other}'.");
        }
    }

    /// <summary>
    /// Sets the text and everything derived from it; the article must be tracked (or new and added).
    /// Pending changes are saved first; the article is read back afterwards, so it shows what was stored.
    /// </summary>
    public async Task RewriteAsync(Story article, IReadOnlyList<Paragraph> paragraphs, CancellationToken ct)
    {
        var (body, fingerprint, bands) = Keys(paragraphs);
        var (title, summary) = HeadlineWriter.Write(null, paragraphs);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        using var writer = StoryWriter.Open(db, now);
        await writer.ReplaceTextAsync(article.Id, new StoryContent(title, summary, body, fingerprint, bands), ct).ConfigureAwait(false);
        await db.Entry(article).ReloadAsync(ct).ConfigureAwait(false);

        // Extraction reads the headline the story has now: a person's, when they edited it.
        var links = await writer.ResolveAsync(analyzer.Analyze(article.Title, paragraphs), ct).ConfigureAwait(false);
        await writer.SyncLinksAsync(article.Id, links, ct).ConfigureAwait(false);
    }

    /// <summary>Rewrites the names copy the full-text index reads for a story whose links changed.</summary>
    public static Task RefreshEntityTextAsync(NewsDbContext db, long articleId, CancellationToken ct) =>
        StoreEngine.Of(db).SearchIndex.RefreshEntityTextAsync(db, articleId, ct);
}
