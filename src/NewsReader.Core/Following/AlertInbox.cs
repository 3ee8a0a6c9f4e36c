using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Following;

/// <summary>A new story that matched one of the reader's saved searches.</summary>
/// <param name="Seen">The reader had seen it before this list was read.</param>
public sealed record AlertItem(long Id, long SavedSearchId, string SearchName, string Slug, string Headline, string Summary, DateTime MatchedAt, bool Seen);

/// <summary>
/// A reader's alerts: the matches of their own saved searches (another reader's never show), how many
/// are unseen (the app bar's count), and marking them seen. Deleted stories drop out.
/// </summary>
public sealed class AlertInbox(IDbContextFactory<NewsDbContext> factory, TimeProvider? clock = null)
{
    /// <summary>The most alerts one list shows.</summary>
    public const int MaxListed = 200;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How many of the user's matches are unseen.</summary>
    public async Task<int> UnseenCountAsync(string userId, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await Mine(db, userId).Where(m => m.Match.SeenAt == null).CountAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The user's matches, newest first (at most <paramref name="limit"/>, up to <see cref="MaxListed"/>).</summary>
    public async Task<IReadOnlyList<AlertItem>> ListAsync(string userId, int limit = MaxListed, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await Mine(db, userId)
                .OrderByDescending(m => m.Match.MatchedAt).ThenByDescending(m => m.Match.Id)
                .Take(Math.Clamp(limit, 1, MaxListed))
                .Select(m => new AlertItem(m.Match.Id, m.Search.Id, m.Search.Name, m.Story.Slug, m.Story.Title, m.Story.Summary,
                    m.Match.MatchedAt, m.Match.SeenAt != null))
                .ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Marks every unseen match of the user's seen now; how many were.</summary>
    public async Task<int> MarkAllSeenAsync(string userId, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return await StoreWrite.RunAsync(factory, LockWait, db => db.AlertMatches
            .Where(m => m.SeenAt == null && db.SavedSearches.Any(s => s.Id == m.SavedSearchId && s.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeenAt, now), ct), ct).ConfigureAwait(false);
    }

    private static IQueryable<Row> Mine(NewsDbContext db, string userId) =>
        from match in db.AlertMatches.AsNoTracking()
        join search in db.SavedSearches on match.SavedSearchId equals search.Id
        join story in db.Stories on match.StoryId equals story.Id
        where search.UserId == userId && story.DeletedAt == null
        select new Row { Match = match, Search = search, Story = story };

    // A class with setters: EF composes further queries on member initialisers, not on constructors.
    private sealed class Row
    {
        public required AlertMatch Match { get; init; }

        public required SavedSearch Search { get; init; }

        public required Story Story { get; init; }
    }
}
