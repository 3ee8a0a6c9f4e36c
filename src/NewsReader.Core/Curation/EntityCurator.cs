using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Curation;

/// <summary>
/// An admin's corrections of companies, countries, topics and tags: rename, merge two of a kind,
/// hide from facets. One transaction each, under the import write lock; the entity names FTS reads
/// are refreshed for every story touched.
/// </summary>
public sealed class EntityCurator(IDbContextFactory<NewsDbContext> factory)
{
    /// <summary>The name column's length.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Entities for the admin list, most linked first, with their aliases; hidden ones included.</summary>
    public async Task<EntityListPage> ListAsync(EntityQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = db.Entities.AsNoTracking();
            if (query.Id is { } id)
            {
                rows = rows.Where(e => e.Id == id);
            }

            if (query.Kind is { } kind)
            {
                rows = rows.Where(e => e.Kind == kind);
            }

            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                // Lower-cased on both sides, as in StoryCurator.
                var pattern = "%" + StoryCurator.EscapeLike(query.Text.Trim().ToLowerInvariant()) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), never run in .NET.
                rows = rows.Where(e => EF.Functions.Like(e.Name.ToLower(), pattern, "\\") || e.Aliases.Any(a => EF.Functions.Like(a.Name.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
            }

            var total = await rows.CountAsync(ct).ConfigureAwait(false);
            var page = await rows
                .Select(e => new
                {
                    e.Id, e.Kind, e.Name, e.Slug, e.IsHidden,
                    Stories = e.Links.Count(l => l.RemovedAt == null && l.Story!.DeletedAt == null),
                    Aliases = e.Aliases.Select(a => a.Name).ToList(),
                })
                .OrderByDescending(e => e.Stories).ThenBy(e => e.Name).ThenBy(e => e.Id)
                .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Limit, 1, 200))
                .ToListAsync(ct).ConfigureAwait(false);
            return new EntityListPage(
                page.Select(e => new EntityRow(e.Id, e.Kind, e.Name, e.Slug, e.IsHidden, e.Stories,
                    e.Aliases.Where(a => a != e.Name).Order(StringComparer.OrdinalIgnoreCase).ToList())).ToList(),
                total);
        }
    }

    /// <summary>
    /// Renames an entity. The new name becomes its canonical name and an alias; every earlier name stays
    /// an alias (imports keep mapping to it). The slug follows the new name; the old slug still leads to
    /// the entity through its alias (<see cref="EntitySlugs.CurrentSlugAsync"/>).
    /// </summary>
    /// <returns>The entity's slug after the rename.</returns>
    public async Task<string> RenameAsync(long id, string newName, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(newName);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var name = string.Join(' ', newName.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var key = NameKey.Of(name);
        if (key.Length == 0)
        {
            throw new CurationException("The name needs at least one letter or digit.");
        }

        if (name.Length > MaxNameLength)
        {
            throw new CurationException($"A name may have at most {MaxNameLength} characters.");
        }

        return await CurationWrite.RunAsync(factory, async db =>
        {
            var entity = await FindAsync(db, id, ct).ConfigureAwait(false);
            var owner = await db.EntityAliases.Where(a => a.Kind == entity.Kind && a.Key == key)
                .Select(a => new { a.EntityId, a.Entity!.Name }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (owner is not null && owner.EntityId != entity.Id)
            {
                throw new CurationException($"'{name}' is already a name of '{owner.Name}': merge the two instead.");
            }

            if (owner is null)
            {
                db.EntityAliases.Add(new EntityAlias { EntityId = entity.Id, Kind = entity.Kind, Name = name, Key = key });
            }

            entity.Name = name;
            entity.Slug = await EntitySlugs.UniqueAsync(db, entity.Kind, name, entity.Id, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await RefreshStoriesAsync(db, await db.EntityLinks.Where(l => l.EntityId == entity.Id).Select(l => l.StoryId).ToListAsync(ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
            return entity.Slug;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Merges <paramref name="loserId"/> into <paramref name="survivorId"/> (same kind). Every link moves
    /// to the survivor; where a story links to both they become one link (about if either was, mentions
    /// added, the higher score; a person's live tag wins, else a person's removal holds). All the
    /// loser's names become the survivor's aliases, so imports map them to it; the loser is removed.
    /// </summary>
    public async Task MergeAsync(long loserId, long survivorId, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (loserId == survivorId)
        {
            throw new CurationException("Choose two different entities to merge.");
        }

        await CurationWrite.RunAsync(factory, async db =>
        {
            var loser = await FindAsync(db, loserId, ct).ConfigureAwait(false);
            var survivor = await FindAsync(db, survivorId, ct).ConfigureAwait(false);
            if (loser.Kind != survivor.Kind)
            {
                throw new CurationException("Only entities of the same kind can be merged.");
            }

            var moving = await db.EntityLinks.Where(l => l.EntityId == loser.Id).ToListAsync(ct).ConfigureAwait(false);
            var kept = await db.EntityLinks.Where(l => l.EntityId == survivor.Id).ToDictionaryAsync(l => l.StoryId, ct).ConfigureAwait(false);
            foreach (var link in moving)
            {
                db.EntityLinks.Remove(link);
                if (kept.TryGetValue(link.StoryId, out var other))
                {
                    Combine(other, link);
                }
                else
                {
                    db.EntityLinks.Add(new EntityLink
                    {
                        StoryId = link.StoryId, EntityId = survivor.Id, Origin = link.Origin, About = link.About,
                        Mentions = link.Mentions, Score = link.Score, AddedBy = link.AddedBy, AddedAt = link.AddedAt,
                        RemovedAt = link.RemovedAt, RemovedBy = link.RemovedBy,
                    });
                }
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await db.EntityAliases.Where(a => a.EntityId == loser.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EntityId, survivor.Id), ct).ConfigureAwait(false);
            var loserKey = NameKey.Of(loser.Name);
            if (loserKey.Length > 0 && !await db.EntityAliases.AnyAsync(a => a.Kind == loser.Kind && a.Key == loserKey, ct).ConfigureAwait(false))
            {
                db.EntityAliases.Add(new EntityAlias { EntityId = survivor.Id, Kind = survivor.Kind, Name = loser.Name, Key = loserKey });
            }

            db.Entities.Remove(loser);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await RefreshStoriesAsync(db, moving.Select(l => l.StoryId), ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Where a slug no entity has any more (renamed or merged away) leads now, or null.</summary>
    public Task<string?> CurrentSlugAsync(EntityKind kind, string slug, CancellationToken ct = default) =>
        EntitySlugs.CurrentSlugAsync(factory, kind, slug, ct);

    /// <summary>Hides an entity from facets and directories (links, entity page and search keep working), or shows it again.</summary>
    public async Task SetHiddenAsync(long id, bool hidden, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await CurationWrite.RunAsync(factory, async db =>
        {
            (await FindAsync(db, id, ct).ConfigureAwait(false)).IsHidden = hidden;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>One link from two: a person's live tag wins, then a removal (a person's judgement beats the extractor's).</summary>
    private static void Combine(EntityLink kept, EntityLink moved)
    {
        (kept.About, kept.Mentions, kept.Score) = (kept.About || moved.About, kept.Mentions + moved.Mentions, Math.Max(kept.Score, moved.Score));
        static bool LivePerson(EntityLink l) => l is { Origin: LinkOrigin.Person, RemovedAt: null };
        if (LivePerson(kept))
        {
            return;
        }

        if (LivePerson(moved))
        {
            (kept.Origin, kept.AddedBy, kept.AddedAt, kept.RemovedAt, kept.RemovedBy) = (LinkOrigin.Person, moved.AddedBy, moved.AddedAt, null, null);
        }
        else if (kept.RemovedAt is null && moved.RemovedAt is not null)
        {
            (kept.RemovedAt, kept.RemovedBy) = (moved.RemovedAt, moved.RemovedBy);
        }
    }

    private static async Task RefreshStoriesAsync(NewsDbContext db, IEnumerable<long> articleIds, CancellationToken ct)
    {
        foreach (var articleId in articleIds.Distinct())
        {
            await StoryRewriter.RefreshEntityTextAsync(db, articleId, ct).ConfigureAwait(false);
        }
    }

    private static async Task<NewsEntity> FindAsync(NewsDbContext db, long id, CancellationToken ct) =>
        await db.Entities.FirstOrDefaultAsync(e => e.Id == id, ct).ConfigureAwait(false)
            ?? throw new CurationException("There is no such entity.");
}
