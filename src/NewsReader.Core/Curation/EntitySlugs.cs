using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Curation;

/// <summary>Entity slugs: unique ones for new names, and where a slug that changed leads now.</summary>
public static class EntitySlugs
{
    /// <summary>The slug of <paramref name="name"/>, suffixed <c>-2</c>, <c>-3</c>... until no other entity of the kind has it.</summary>
    public static async Task<string> UniqueAsync(NewsDbContext db, EntityKind kind, string name, long? exceptEntityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var baseSlug = SlugSet.Slugify(name);
        if (baseSlug.Length == 0)
        {
            baseSlug = "entity";
        }

        var candidate = baseSlug;
        for (var n = 2; await db.Entities.AnyAsync(e => e.Kind == kind && e.Slug == candidate && e.Id != exceptEntityId, ct).ConfigureAwait(false); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        return candidate;
    }

    /// <summary>
    /// The current slug for a slug no entity has any more: a renamed entity's old slug, or a merged
    /// one's, leads through the aliases (every former name stays an alias, and a slug is its name's
    /// key with hyphens). Null when nothing matches, or when the slug is current.
    /// </summary>
    public static async Task<string?> CurrentSlugAsync(IDbContextFactory<NewsDbContext> factory, EntityKind kind, string slug, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(slug);
        var key = NameKey.Of(slug);
        if (key.Length == 0)
        {
            return null;
        }

        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var current = await db.EntityAliases.AsNoTracking()
                .Where(a => a.Kind == kind && a.Key == key)
                .Select(a => a.Entity!.Slug)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return current is not null && !string.Equals(current, slug, StringComparison.OrdinalIgnoreCase) ? current : null;
        }
    }
}
