using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Stories;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tagging;

/// <summary>
/// People's tags on stories: link a story to an existing company, country, topic or tag, or to a new
/// free tag; remove a link; suggest names while someone types. Callers check who may do this (the web
/// layer's <c>TagActions</c>); this class records who did it. Each change is one short write
/// transaction that also refreshes the story's search text (<see cref="ISearchIndex.RefreshEntityTextAsync(NewsDbContext, long, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// A removal is always a tombstone (<see cref="EntityLink.RemovedAt"/>), whoever made the link: a
/// person's "this story is not about X" then holds through re-imports, even when a later version of the
/// text makes the extractor find X, and the row keeps who removed it. Adding the entity again clears
/// the tombstone and makes the link a person's.
/// </remarks>
/// <param name="known">The extraction knowledge a typed name is looked up in when the store has no entity of
/// that name ("Japan" is the country before any story names it); the shipped files when null.</param>
public sealed class StoryTagger(IDbContextFactory<NewsDbContext> factory, TimeProvider? time = null, StoryAnalyzer? known = null)
{
    /// <summary>Longest free tag name, in characters (after trimming and collapsing spaces).</summary>
    public const int MaxNameLength = 60;

    /// <summary>Most suggestions returned at once.</summary>
    public const int MaxSuggestions = 20;

    /// <summary>How long a tag waits for an import holding the store before saying it is busy.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly StoryAnalyzer _known = known ?? StoryAnalyzer.LoadDefault();

    /// <summary>The story's live links (every kind), about-first; null when there is no such story.</summary>
    public async Task<IReadOnlyList<StoryTag>?> ListAsync(string articleSlug, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(articleSlug);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var id = await StoryIdAsync(db, articleSlug, ct).ConfigureAwait(false);
            if (id is null)
            {
                return null;
            }

            var rows = await db.EntityLinks.AsNoTracking()
                .Where(l => l.StoryId == id && l.RemovedAt == null)
                .Select(l => new { l.EntityId, l.Entity!.Kind, l.Entity.Name, l.Entity.Slug, l.Origin, l.About, l.Score, l.AddedBy, l.AddedAt })
                .ToListAsync(ct).ConfigureAwait(false);
            return rows
                .OrderBy(r => r.Kind).ThenByDescending(r => r.About).ThenByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Select(r => new StoryTag(r.EntityId, r.Kind, r.Name, r.Slug, r.Origin, r.About,
                    r.Origin == LinkOrigin.Person ? r.AddedBy : null,
                    r.Origin == LinkOrigin.Person ? DateTime.SpecifyKind(r.AddedAt, DateTimeKind.Utc) : null))
                .ToList();
        }
    }

    /// <summary>Links a story to an existing entity of any kind.</summary>
    /// <exception cref="TaggingException">No such story or entity, or the store is busy.</exception>
    public Task<TagChange> AddEntityAsync(string articleSlug, long entityId, string userName, CancellationToken ct = default) =>
        WriteAsync(articleSlug, userName, async (db, articleId, now) =>
        {
            var entity = await db.Entities.FirstOrDefaultAsync(e => e.Id == entityId, ct).ConfigureAwait(false)
                ?? throw new TaggingException("That tag no longer exists.");
            return await LinkAsync(db, articleId, entity, userName, now, ct).ConfigureAwait(false);
        }, ct);

    /// <summary>
    /// Links a story to the entity a typed name means: an existing free tag with that name (any alias,
    /// case, accents and punctuation ignored), else a company, country or topic with that name, else
    /// the company, country or topic the extraction knowledge gives that name (made in the store if no
    /// story names it yet), else a new free tag.
    /// </summary>
    /// <exception cref="TaggingException">No such story, an unusable name, or the store is busy.</exception>
    public Task<TagChange> AddNamedAsync(string articleSlug, string name, string userName, CancellationToken ct = default)
    {
        var clean = CleanName(name);
        return WriteAsync(articleSlug, userName, async (db, articleId, now) =>
        {
            var entity = await FindOrCreateAsync(db, clean, userName, now, ct).ConfigureAwait(false);
            return await LinkAsync(db, articleId, entity, userName, now, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>Removes a story's link to an entity by setting its tombstone (see the class remarks).</summary>
    /// <exception cref="TaggingException">No such story, or the store is busy.</exception>
    public Task<TagChange> RemoveAsync(string articleSlug, long entityId, string userName, CancellationToken ct = default) =>
        WriteAsync(articleSlug, userName, async (db, articleId, now) =>
        {
            var link = await db.EntityLinks.Include(l => l.Entity)
                .FirstOrDefaultAsync(l => l.StoryId == articleId && l.EntityId == entityId, ct).ConfigureAwait(false);
            if (link?.Entity is null)
            {
                var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entityId, ct).ConfigureAwait(false)
                    ?? throw new TaggingException("That tag no longer exists.");
                return (TagOutcome.NotThere, entity);
            }

            if (link.RemovedAt is not null)
            {
                return (TagOutcome.NotThere, link.Entity);
            }

            link.RemovedAt = now;
            link.RemovedBy = userName;
            return (TagOutcome.Removed, link.Entity);
        }, ct);

    /// <summary>
    /// Existing entities of every kind whose name (or one of their aliases) has a word starting with
    /// what was typed; exact names first, then names that start with it, shorter first.
    /// </summary>
    public async Task<IReadOnlyList<TagSuggestion>> SuggestAsync(string? typed, int limit = 10, CancellationToken ct = default)
    {
        var key = NameKey.Of(typed ?? string.Empty);
        if (key.Length == 0)
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var wordStart = " " + key;
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Aliases first (keyed by normalised name), then their entities. Names that start with the
            // text, shortest first, then names with a later word starting with it: a short prefix
            // ("ch") matches many names, and an unordered cut could drop the exact one ("China").
            // Enough rows to fill the limit after several aliases of one entity collapse into one.
            var matches = await db.EntityAliases.AsNoTracking()
                .Where(a => a.Key.StartsWith(key))
                .OrderBy(a => a.Key.Length).ThenBy(a => a.Key)
                .Select(a => new { a.EntityId, a.Key })
                .Take(limit * 4)
                .ToListAsync(ct).ConfigureAwait(false);
            if (matches.Select(m => m.EntityId).Distinct().Count() < limit)
            {
                matches.AddRange(await db.EntityAliases.AsNoTracking()
                    .Where(a => a.Key.Contains(wordStart))
                    .OrderBy(a => a.Key.Length).ThenBy(a => a.Key)
                    .Select(a => new { a.EntityId, a.Key })
                    .Take(limit * 4)
                    .ToListAsync(ct).ConfigureAwait(false));
            }

            var best = matches
                .GroupBy(m => m.EntityId)
                .Select(g => (EntityId: g.Key, Rank: g.Min(m => m.Key == key ? 0 : m.Key.StartsWith(key, StringComparison.Ordinal) ? 1 : 2)))
                .ToDictionary(x => x.EntityId, x => x.Rank);
            var ids = best.Keys.ToList();
            var entities = await db.Entities.AsNoTracking()
                .Where(e => ids.Contains(e.Id))
                .Select(e => new TagSuggestion(e.Id, e.Kind, e.Name, e.Slug))
                .ToListAsync(ct).ConfigureAwait(false);
            return entities
                .OrderBy(e => best[e.EntityId]).ThenBy(e => e.Name.Length).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Kind)
                .Take(limit)
                .ToList();
        }
    }

    /// <summary>
    /// The company, country or topic the extraction knowledge gives a typed name (what adding it by
    /// name links when the store has no entity of that name yet); null for none.
    /// </summary>
    public (EntityKind Kind, string Name)? KnownMeaning(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return _known.KnownEntity(typed) is { } meant ? (meant.Kind, meant.Name) : null;
    }

    /// <summary>
    /// A typed tag name made fit to store: control characters dropped, spaces collapsed, trimmed, NFC.
    /// </summary>
    /// <exception cref="TaggingException">Empty, without a letter or digit, or longer than <see cref="MaxNameLength"/>.</exception>
    public static string CleanName(string? name)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var rune in (name ?? string.Empty).EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(rune.ToString());
        }

        var clean = sb.ToString().Normalize(NormalizationForm.FormC);
        if (NameKey.Of(clean).Length == 0)
        {
            throw new TaggingException("A tag needs at least one letter or digit.");
        }

        if (clean.Length > MaxNameLength)
        {
            throw new TaggingException(string.Create(CultureInfo.InvariantCulture, $"A tag can have at most {MaxNameLength} characters."));
        }

        return clean;
    }

    /// <summary>Opens one short write transaction on a live story, runs the change, refreshes the story's search text.</summary>
    private async Task<TagChange> WriteAsync(
        string articleSlug, string userName, Func<NewsDbContext, long, DateTime, Task<(TagOutcome Outcome, NewsEntity Entity)>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articleSlug);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        try
        {
            // The write lock is taken up front, so the check (does the link or name exist?) and the
            // write see the same store. An import holding the lock makes this wait, then fail with "busy".
            return await StoreWrite.RunAsync(factory, LockWait, async db =>
            {
                var articleId = await StoryIdAsync(db, articleSlug, ct).ConfigureAwait(false)
                    ?? throw new TaggingException("That story no longer exists.");
                var now = _time.GetUtcNow().UtcDateTime;
                var (outcome, entity) = await change(db, articleId, now).ConfigureAwait(false);
                if (outcome is TagOutcome.Added or TagOutcome.Removed)
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    using var writer = StoryWriter.Open(db, now);
                    await writer.RefreshEntityTextAsync(articleId, ct).ConfigureAwait(false);
                }

                // After the save, so a new tag's id is known.
                return new TagChange(outcome, Suggestion(entity));
            }, ct).ConfigureAwait(false);
        }
        catch (StoreBusyException e)
        {
            throw new TaggingException("The store is busy (an import may be running). Try again in a moment.", e);
        }
    }

    private static async Task<long?> StoryIdAsync(NewsDbContext db, string slug, CancellationToken ct) =>
        await db.Stories.Where(a => a.Slug == slug && a.DeletedAt == null).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);

    private static async Task<(TagOutcome Outcome, NewsEntity Entity)> LinkAsync(NewsDbContext db, long articleId, NewsEntity entity, string userName, DateTime now, CancellationToken ct)
    {
        var link = await db.EntityLinks.FirstOrDefaultAsync(l => l.StoryId == articleId && l.EntityId == entity.Id, ct).ConfigureAwait(false);
        if (link is { RemovedAt: null })
        {
            return (TagOutcome.AlreadyThere, entity);
        }

        if (link is null)
        {
            // A person tagging a story says it is about the entity.
            db.EntityLinks.Add(new EntityLink
            {
                StoryId = articleId,
                EntityId = entity.Id,
                Entity = entity,
                Origin = LinkOrigin.Person,
                About = true,
                AddedBy = userName,
                AddedAt = now,
            });
        }
        else
        {
            // Brought back after a removal: now a person's link, so imports leave it alone.
            link.RemovedAt = null;
            link.RemovedBy = null;
            link.Origin = LinkOrigin.Person;
            link.AddedBy = userName;
            link.AddedAt = now;
        }

        return (TagOutcome.Added, entity);
    }

    private async Task<NewsEntity> FindOrCreateAsync(NewsDbContext db, string name, string userName, DateTime now, CancellationToken ct)
    {
        var key = NameKey.Of(name);
        var known = await db.EntityAliases.AsNoTracking()
            .Where(a => a.Key == key)
            .Select(a => new { a.Kind, a.EntityId })
            .ToListAsync(ct).ConfigureAwait(false);

        // A free tag of that name first; otherwise the company, country or topic of that name (the
        // first in kind order when several share it) rather than a second entity with the same name.
        var pick = known.FirstOrDefault(a => a.Kind == EntityKind.Tag) ?? known.OrderBy(a => a.Kind).FirstOrDefault();
        if (pick is not null)
        {
            return await db.Entities.FirstAsync(e => e.Id == pick.EntityId, ct).ConfigureAwait(false);
        }

        using var writer = StoryWriter.Open(db, now);
        if (_known.KnownEntity(name) is { } meant)
        {
            // "Japan" is the country, even before any story has named it: the one an import makes.
            var kind = meant.Kind;
            var canonicalKey = NameKey.Of(meant.Name);
            var existing = await db.EntityAliases.AsNoTracking()
                .Where(a => a.Kind == kind && a.Key == canonicalKey)
                .Select(a => (long?)a.EntityId)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false)
                ?? await writer.CreateEntityAsync(kind, meant.Name, canonicalKey, userName, ct).ConfigureAwait(false);
            return await db.Entities.FirstAsync(e => e.Id == existing, ct).ConfigureAwait(false);
        }

        // A new free tag, written the way every entity is (unique slug among tags, "tag" for a name without Latin letters).
        var id = await writer.CreateEntityAsync(EntityKind.Tag, name, key, userName, ct).ConfigureAwait(false);
        return await db.Entities.FirstAsync(e => e.Id == id, ct).ConfigureAwait(false);
    }

    private static TagSuggestion Suggestion(NewsEntity entity) => new(entity.Id, entity.Kind, entity.Name, entity.Slug);
}
