using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Importing;
using NewsReader.Core.Splitting;
using NewsReader.Core.Store;

namespace NewsReader.Core.Curation;

/// <summary>
/// Gives a story new paragraphs inside a correction's transaction, the way the importer would have
/// stored them: body, fingerprint, MinHash bands, headline and summary (unless a person edited
/// them), extracted links (a person's links and removals stay) and the entity text FTS reads.
/// </summary>
internal sealed class StoryRewriter(NewsDbContext db, ArticleAnalyzer analyzer, DateTime now)
{
    /// <summary>The dedup keys of a text, computed as <c>IncomingStory</c> does.</summary>
    public static (string Body, string Fingerprint, long[] Bands) Keys(IReadOnlyList<Paragraph> paragraphs)
    {
        var normalized = TextFingerprint.NormalizeParagraphs(paragraphs);
        return (Paragraph.ToMarkdown(paragraphs), TextFingerprint.OfNormalized(normalized), MinHasher.BandKeysOfNormalized(normalized));
    }

    /// <summary>Refuses a text already stored as another story (the fingerprint is unique).</summary>
    public async Task EnsureFreeAsync(string fingerprint, long? exceptArticleId, CancellationToken ct)
    {
        var other = await db.Articles.AsNoTracking()
            .Where(a => a.Fingerprint == fingerprint && a.Id != exceptArticleId)
            .Select(a => a.Slug).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (other is not null)
        {
            throw new CurationException($"That text is already stored as the story '{other}'.");
        }
    }

    /// <summary>Sets the text and everything derived from it; the article must be tracked (or new and added).</summary>
    public async Task RewriteAsync(Article article, IReadOnlyList<Paragraph> paragraphs, CancellationToken ct)
    {
        var (body, fingerprint, bands) = Keys(paragraphs);
        var (title, summary) = HeadlineWriter.Write(null, paragraphs);
        article.Body = body;
        article.Fingerprint = fingerprint;
        article.UpdatedAt = now;
        if (article.TitleEditedAt is null)
        {
            article.Title = title;
        }

        if (article.SummaryEditedAt is null)
        {
            article.Summary = summary;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await db.ArticleBands.Where(b => b.ArticleId == article.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        for (var b = 0; b < bands.Length; b++)
        {
            db.ArticleBands.Add(new ArticleBand { ArticleId = article.Id, Band = b, Key = bands[b] });
        }

        var wanted = await ResolveAsync(analyzer.Analyze(article.Title, paragraphs), ct).ConfigureAwait(false);
        var links = await db.ArticleEntities.Where(l => l.ArticleId == article.Id).ToListAsync(ct).ConfigureAwait(false);
        foreach (var link in links.Where(l => l is { Origin: LinkOrigin.Extracted, RemovedAt: null } && !wanted.ContainsKey(l.EntityId)))
        {
            db.ArticleEntities.Remove(link);
        }

        foreach (var (entityId, mention) in wanted)
        {
            var link = links.Find(l => l.EntityId == entityId);
            if (link is null)
            {
                db.ArticleEntities.Add(new ArticleEntity
                {
                    ArticleId = article.Id, EntityId = entityId, Origin = LinkOrigin.Extracted,
                    About = mention.About, Mentions = mention.Mentions, Score = mention.Score, AddedAt = now,
                });
            }
            else if (link is { Origin: LinkOrigin.Extracted, RemovedAt: null })
            {
                (link.About, link.Mentions, link.Score) = (mention.About, mention.Mentions, mention.Score);
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await RefreshEntityTextAsync(db, article.Id, ct).ConfigureAwait(false);
    }

    /// <summary>Rewrites the names copy FTS reads for a story whose links changed.</summary>
    public static Task RefreshEntityTextAsync(NewsDbContext db, long articleId, CancellationToken ct) =>
        StoreEngine.Of(db).SearchIndex.RefreshEntityTextAsync(db, articleId, ct);

    /// <summary>Extracted names to entity ids through the aliases, creating entities never seen (as the importer does).</summary>
    private async Task<Dictionary<long, EntityMention>> ResolveAsync(ArticleEntities entities, CancellationToken ct)
    {
        var resolved = new Dictionary<long, EntityMention>();
        foreach (var mention in entities.Entities)
        {
            var kind = StoredKind.Of(mention.Kind);
            var key = NameKey.Of(mention.Name);
            if (key.Length == 0)
            {
                continue;
            }

            var entityId = await db.EntityAliases.Where(a => a.Kind == kind && a.Key == key).Select(a => (long?)a.EntityId)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (entityId is null)
            {
                var name = mention.Name.Trim();
                var entity = new NewsEntity { Kind = kind, Name = name, Slug = await EntitySlugs.UniqueAsync(db, kind, name, null, ct).ConfigureAwait(false), CreatedAt = now };
                entity.Aliases.Add(new EntityAlias { Kind = kind, Name = name, Key = key });
                db.Entities.Add(entity);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                entityId = entity.Id;
            }

            resolved[entityId.Value] = resolved.TryGetValue(entityId.Value, out var other)
                ? other with { About = other.About || mention.About, Mentions = other.Mentions + mention.Mentions, Score = Math.Max(other.Score, mention.Score) }
                : mention;
        }

        return resolved;
    }
}
