using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Stories;

/// <summary>When a story was added and when its text or headline last changed (feeds and the API say both).</summary>
public sealed record StoryTime(DateTime Added, DateTime Updated);

/// <summary>The added and changed times of listed stories: one query by slug (list cards carry neither).</summary>
public sealed class StoryTimes(IDbContextFactory<NewsDbContext> factory)
{
    /// <summary>The times of the stories with these slugs, by slug (UTC); a slug the store lacks is left out.</summary>
    public async Task<IReadOnlyDictionary<string, StoryTime>> OfAsync(IReadOnlyCollection<string> slugs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        if (slugs.Count == 0)
        {
            return new Dictionary<string, StoryTime>();
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Stories.AsNoTracking()
            .Where(a => slugs.Contains(a.Slug))
            .Select(a => new { a.Slug, a.CreatedAt, a.UpdatedAt })
            .ToListAsync(ct);
        return rows.ToDictionary(
            r => r.Slug,
            r => new StoryTime(Utc(r.CreatedAt), Utc(r.UpdatedAt > r.CreatedAt ? r.UpdatedAt : r.CreatedAt)),
            StringComparer.Ordinal);
    }

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
