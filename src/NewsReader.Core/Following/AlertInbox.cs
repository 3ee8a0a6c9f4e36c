using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Following;

/// <summary>A new story that matched one of the reader's saved searches.</summary>
/// <param name="AlertId">The <see cref="Alert"/> (one search, one import) it came in; with the story, it names the item.</param>
/// <param name="Seen">The reader had seen it before this list was read.</param>
public sealed record AlertItem(long AlertId, long StoryId, long SavedSearchId, string SearchName, string Slug, string Headline, string Summary, DateTime MatchedAt, bool Seen);

/// <summary>
/// A reader's alerts: the matches of their own saved searches (another reader's never show), how many
/// are unseen (the app bar's count), and marking them seen. Each <see cref="Alert"/> row holds an
/// import's stories for one search; they are counted and listed story by story. Deleted stories drop out.
/// </summary>
public sealed class AlertInbox(IDbContextFactory<NewsDbContext> factory, TimeProvider? clock = null)
{
    /// <summary>The most alerts one list shows.</summary>
    public const int MaxListed = 200;

    // Alerts read per round while listing: an alert holds one or many stories.
    private const int AlertsPerRead = 50;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How many of the user's matches are unseen.</summary>
    public async Task<int> UnseenCountAsync(string userId, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Per story, one primary-key probe each. (The deleted stories as one set instead measured
            // worse on PostgreSQL, which read the set once per alert: docs/performance.md, "Alerts".)
            return await Mine(db, userId).Where(a => a.SeenAt == null)
                .SumAsync(a => a.StoryIds.Count(id => db.Stories.Any(s => s.Id == id && s.DeletedAt == null)), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The user's matches, newest first (at most <paramref name="limit"/>, up to <see cref="MaxListed"/>).</summary>
    public async Task<IReadOnlyList<AlertItem>> ListAsync(string userId, int limit = MaxListed, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxListed);
        var items = new List<AlertItem>(limit);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // The alerts newest first, a page at a time, their stories newest first; the stories' rows
            // read for as many ids as the list still lacks (deleted ones drop out, so it may take more rounds).
            var alerts = Mine(db, userId).OrderByDescending(a => a.MatchedAt).ThenByDescending(a => a.Id)
                .Join(db.SavedSearches, a => a.SavedSearchId, s => s.Id, (a, s) => new { a.Id, a.SavedSearchId, s.Name, a.StoryIds, a.MatchedAt, Seen = a.SeenAt != null });
            var skipped = 0;
            var pending = new Queue<(long AlertId, long StoryId, long SearchId, string Name, DateTime MatchedAt, bool Seen)>();
            while (items.Count < limit)
            {
                if (pending.Count == 0)
                {
                    var page = await alerts.Skip(skipped).Take(AlertsPerRead).ToListAsync(ct).ConfigureAwait(false);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    skipped += page.Count;
                    foreach (var a in page)
                    {
                        foreach (var storyId in a.StoryIds.OrderDescending())
                        {
                            pending.Enqueue((a.Id, storyId, a.SavedSearchId, a.Name, a.MatchedAt, a.Seen));
                        }
                    }

                    continue;
                }

                var next = new List<(long AlertId, long StoryId, long SearchId, string Name, DateTime MatchedAt, bool Seen)>();
                while (pending.Count > 0 && next.Count < limit - items.Count)
                {
                    next.Add(pending.Dequeue());
                }

                var ids = next.ConvertAll(n => n.StoryId);
                var stories = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id) && s.DeletedAt == null)
                    .Select(s => new { s.Id, s.Slug, s.Title, s.Summary }).ToDictionaryAsync(s => s.Id, ct).ConfigureAwait(false);
                foreach (var n in next)
                {
                    if (stories.TryGetValue(n.StoryId, out var story))
                    {
                        items.Add(new AlertItem(n.AlertId, n.StoryId, n.SearchId, n.Name, story.Slug, story.Title, story.Summary, n.MatchedAt, n.Seen));
                    }
                }
            }
        }

        return items;
    }

    /// <summary>Marks every unseen match of the user's seen now; how many stories were.</summary>
    public async Task<int> MarkAllSeenAsync(string userId, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return await StoreWrite.RunAsync(factory, LockWait, async db =>
        {
            var unseen = Mine(db, userId).Where(a => a.SeenAt == null);
            var stories = await unseen.SumAsync(a => a.StoryIds.Count, ct).ConfigureAwait(false);
            await unseen.ExecuteUpdateAsync(s => s.SetProperty(a => a.SeenAt, now), ct).ConfigureAwait(false);
            return stories;
        }, ct).ConfigureAwait(false);
    }

    private static IQueryable<Alert> Mine(NewsDbContext db, string userId) =>
        db.Alerts.AsNoTracking().Where(a => db.SavedSearches.Any(s => s.Id == a.SavedSearchId && s.UserId == userId));
}
