using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;
using NewsReader.Core.Stories;

namespace NewsReader.Core.Curation;

/// <summary>
/// Fixes the splitter's mistakes: joins a story with the one that followed it in its file, splits a
/// story in two, and lists the least certain boundaries for review. Every decision is remembered as
/// a <see cref="BoundaryOverride"/> keyed by the text on either side, which the importer hands to the
/// splitter, so importing the same text again reproduces it. One transaction each, under the import
/// write lock.
/// </summary>
public sealed class BoundaryCurator(IDbContextFactory<NewsDbContext> factory, StoryAnalyzer analyzer, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Joins a story with the next one of its file. The first keeps its id and slug and gets the
    /// combined text (headline, summary and extraction anew, except a person's edits); both earlier
    /// texts become <see cref="RevisionReason.Joined"/> revisions of it (their fingerprints stay
    /// known, so they map to the joined story). The second story is removed: its revisions, a
    /// person's tags and tag removals move to the first.
    /// </summary>
    public async Task<JoinResult> JoinWithNextAsync(long id, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return await CurationWrite.RunAsync(factory, async db =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var first = await StoryCurator.FindAsync(db, id, ct).ConfigureAwait(false);
            RefuseDeleted(first);
            var second = await db.Stories
                .FirstOrDefaultAsync(n => n.SourceFile == first.SourceFile && n.SourcePosition == first.SourcePosition + 1 && n.Id != first.Id, ct)
                .ConfigureAwait(false) ?? throw new CurationException("No stored story follows this one in its file.");
            RefuseDeleted(second);
            var before = StoredBody.Paragraphs(first.Body);
            var after = StoredBody.Paragraphs(second.Body);
            if (before.Count == 0 || after.Count == 0)
            {
                throw new CurationException("One of the two stories has no text.");
            }

            var rewriter = new StoryRewriter(db, analyzer, now);
            var combined = before.Concat(after).ToList();
            await rewriter.EnsureFreeAsync(StoryRewriter.Keys(combined).Fingerprint, first.Id, ct).ConfigureAwait(false);
            await RememberAsync(db, BoundaryDecision.Join, before[^1].Text, after[0].Text, by, now, ct).ConfigureAwait(false);

            db.StoryRevisions.Add(Revision(first, first, RevisionReason.Joined, by, now));
            db.StoryRevisions.Add(Revision(first, second, RevisionReason.Joined, by, now));
            await db.StoryRevisions.Where(r => r.StoryId == second.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StoryId, first.Id), ct).ConfigureAwait(false);

            // A person's tags and removals on the second story hold for the joined one, unless it has its own.
            var held = await db.EntityLinks.Where(l => l.StoryId == first.Id).Select(l => l.EntityId).ToListAsync(ct).ConfigureAwait(false);
            var moving = await db.EntityLinks.AsNoTracking()
                .Where(l => l.StoryId == second.Id && (l.Origin == LinkOrigin.Person || l.RemovedAt != null) && !held.Contains(l.EntityId))
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var link in moving)
            {
                link.StoryId = first.Id;
                link.Story = null;
                db.EntityLinks.Add(link);
            }

            var removed = new StoryRef(second.Id, second.Slug, second.Title);
            var position = second.SourcePosition;
            db.Stories.Remove(second);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await ShiftPositionsAsync(db, first.SourceFile, position, -1, ct).ConfigureAwait(false);

            await rewriter.RewriteAsync(first, combined, ct).ConfigureAwait(false);
            return new JoinResult(new StoryRef(first.Id, first.Slug, first.Title), removed);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Splits a story before paragraph <paramref name="at"/> (0-based, at least 1). The story keeps its
    /// id, slug, a person's edits and tags with the first part; a new story (new slug, a position after
    /// it in its file) gets the rest. Both get headline, summary and extraction anew; the whole text
    /// before is kept as a <see cref="RevisionReason.Split"/> revision.
    /// </summary>
    public async Task<SplitOutcome> SplitAsync(long id, int at, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return await CurationWrite.RunAsync(factory, async db =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var story = await StoryCurator.FindAsync(db, id, ct).ConfigureAwait(false);
            RefuseDeleted(story);
            var paragraphs = StoredBody.Paragraphs(story.Body);
            if (at < 1 || at >= paragraphs.Count)
            {
                throw new CurationException("Choose a paragraph after the first one to start the new story.");
            }

            var head = paragraphs.Take(at).ToList();
            var rest = paragraphs.Skip(at).ToList();
            var rewriter = new StoryRewriter(db, analyzer, now);
            await rewriter.EnsureFreeAsync(StoryRewriter.Keys(head).Fingerprint, story.Id, ct).ConfigureAwait(false);
            await rewriter.EnsureFreeAsync(StoryRewriter.Keys(rest).Fingerprint, story.Id, ct).ConfigureAwait(false);
            await RememberAsync(db, BoundaryDecision.Split, head[^1].Text, rest[0].Text, by, now, ct).ConfigureAwait(false);
            db.StoryRevisions.Add(Revision(story, story, RevisionReason.Split, by, now));
            await ShiftPositionsAsync(db, story.SourceFile, story.SourcePosition + 1, +1, ct).ConfigureAwait(false);
            await rewriter.RewriteAsync(story, head, ct).ConfigureAwait(false);

            var (title, summary) = HeadlineWriter.Write(null, rest);
            var keys = StoryRewriter.Keys(rest);
            string slug;
            using (var writer = StoryWriter.Open(db, now))
            {
                slug = await writer.UniqueStorySlugAsync(SlugSet.Slugify(title), ct).ConfigureAwait(false);
            }

            var created = new Story
            {
                Slug = slug,
                Title = title,
                Summary = summary,
                Body = keys.Body,
                Fingerprint = keys.Fingerprint,
                SourceFile = story.SourceFile,
                SourcePosition = story.SourcePosition + 1,
                StartConfidence = 1.0, // a person put the start here
                CreatedByRunId = story.UpdatedByRunId ?? story.CreatedByRunId,
                CreatedAt = story.CreatedAt, // the news is as old as the story it came from
                UpdatedAt = now,
            };
            db.Stories.Add(created);
            await rewriter.RewriteAsync(created, rest, ct).ConfigureAwait(false);
            return new SplitOutcome(new StoryRef(story.Id, story.Slug, story.Title), new StoryRef(created.Id, created.Slug, created.Title));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Live stories whose start the splitter was least sure of (confidence nearest 0.5, its threshold),
    /// not yet decided by a person, with the text on either side of the boundary.
    /// </summary>
    public async Task<IReadOnlyList<BoundaryReview>> LeastCertainAsync(int limit = 20, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, 200);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var decided = (await db.BoundaryOverrides.AsNoTracking().Select(o => o.Key).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var candidates = await db.Stories.AsNoTracking()
                .Where(a => a.DeletedAt == null && a.SourcePosition > 0 && a.StartConfidence < 1.0)
                .OrderBy(a => Math.Abs(a.StartConfidence - 0.5)).ThenBy(a => a.Id)
                .Take(limit * 2)
                .Select(a => new { a.Id, a.Slug, a.Title, a.Body, a.StartConfidence, a.SourceFile, a.SourcePosition })
                .ToListAsync(ct).ConfigureAwait(false);
            var reviews = new List<BoundaryReview>();
            foreach (var c in candidates)
            {
                var previous = await db.Stories.AsNoTracking()
                    .Where(p => p.SourceFile == c.SourceFile && p.SourcePosition == c.SourcePosition - 1 && p.DeletedAt == null)
                    .Select(p => new { p.Id, p.Slug, p.Title, p.Body }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                var paragraphs = StoredBody.Paragraphs(c.Body);
                var lastBefore = previous is null ? null : LastOf(StoredBody.Paragraphs(previous.Body))?.Text;
                if (lastBefore is not null && paragraphs.Count > 0 && decided.Contains(BoundaryKey.Of(lastBefore, paragraphs[0].Text)))
                {
                    continue;
                }

                reviews.Add(new BoundaryReview(
                    new StoryRef(c.Id, c.Slug, c.Title),
                    previous is null ? null : new StoryRef(previous.Id, previous.Slug, previous.Title),
                    c.StartConfidence, c.SourceFile, c.SourcePosition, lastBefore,
                    paragraphs.Take(2).Select(p => p.Text).ToList()));
                if (reviews.Count == limit)
                {
                    break;
                }
            }

            return reviews;
        }
    }

    /// <summary>
    /// Confirms that a story starts where the splitter put it: remembered as a split (so neither a
    /// re-import nor a future splitter can undo it) and the story's start confidence set to 1, which
    /// takes it off the review list.
    /// </summary>
    public async Task KeepAsync(long id, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await CurationWrite.RunAsync(factory, async db =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var story = await StoryCurator.FindAsync(db, id, ct).ConfigureAwait(false);
            var previous = await db.Stories.AsNoTracking()
                .Where(p => p.SourceFile == story.SourceFile && p.SourcePosition == story.SourcePosition - 1 && p.Id != story.Id)
                .Select(p => p.Body).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var paragraphs = StoredBody.Paragraphs(story.Body);
            var lastBefore = previous is null ? null : LastOf(StoredBody.Paragraphs(previous));
            if (lastBefore is not null && paragraphs.Count > 0)
            {
                await RememberAsync(db, BoundaryDecision.Split, lastBefore.Text, paragraphs[0].Text, by, now, ct).ConfigureAwait(false);
            }

            story.StartConfidence = 1.0;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Stores (or replaces: the latest decision wins) a person's decision about a boundary.</summary>
    private static async Task RememberAsync(NewsDbContext db, BoundaryDecision decision, string before, string after, string by, DateTime now, CancellationToken ct)
    {
        var key = BoundaryKey.Of(before, after);
        var row = await db.BoundaryOverrides.FirstOrDefaultAsync(o => o.Key == key, ct).ConfigureAwait(false);
        if (row is null)
        {
            row = new BoundaryOverride { Key = key, Preview = string.Empty, CreatedBy = by };
            db.BoundaryOverrides.Add(row);
        }

        (row.Decision, row.Preview, row.CreatedBy, row.CreatedAt) = (decision, StoredBody.Preview(after, 200), by, now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static Task<int> ShiftPositionsAsync(NewsDbContext db, string sourceFile, int fromPosition, int by, CancellationToken ct) =>
        db.Stories.Where(a => a.SourceFile == sourceFile && a.SourcePosition >= fromPosition)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SourcePosition, a => a.SourcePosition + by), ct);

    private static StoryRevision Revision(Story owner, Story text, RevisionReason reason, string by, DateTime now) => new()
    {
        StoryId = owner.Id, Title = text.Title, Summary = text.Summary, Body = text.Body, Fingerprint = text.Fingerprint,
        Reason = reason, SourceFile = text.SourceFile, CreatedAt = now, CreatedBy = by,
    };

    private static Paragraph? LastOf(IReadOnlyList<Paragraph> paragraphs) => paragraphs.Count > 0 ? paragraphs[^1] : null;

    private static void RefuseDeleted(Story a)
    {
        if (a.DeletedAt is not null)
        {
            throw new CurationException($"The story '{a.Slug}' is deleted; restore it first.");
        }
    }
}
