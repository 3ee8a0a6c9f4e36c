using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Following;

/// <summary>A story in a webhook's POST.</summary>
public sealed record WebhookStory(string Slug, string Headline, string Summary, DateTime AddedAt);

/// <summary>One claimed delivery: where to POST, the secret to sign with, and the matches of its import.</summary>
/// <param name="Attempt">This try's number (1 for the first).</param>
/// <param name="Total">All matches of the import for the search (<see cref="Stories"/> holds at most <see cref="WebhookOutbox.MaxStories"/>).</param>
public sealed record WebhookJob(
    long DeliveryId, long SavedSearchId, string SearchName, string View, string Url, string Secret, long ImportRunId, int Attempt,
    IReadOnlyList<WebhookStory> Stories, int Total);

/// <summary>
/// The store side of webhook deliveries: claiming the due ones (a lease, so a second poll or a second
/// app instance does not send one twice while it is in flight) and logging each try's outcome with
/// exponential backoff up to a number of attempts.
/// </summary>
public sealed class WebhookOutbox(IDbContextFactory<NewsDbContext> factory, TimeProvider? clock = null)
{
    /// <summary>The most stories one POST carries.</summary>
    public const int MaxStories = 100;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Claims up to <paramref name="max"/> due deliveries for <paramref name="lease"/> and returns what to send.</summary>
    public async Task<IReadOnlyList<WebhookJob>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken ct = default)
    {
        if (max <= 0)
        {
            return [];
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        List<long> due;
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            due = await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(max).ToListAsync(ct).ConfigureAwait(false);
        }

        if (due.Count == 0)
        {
            return [];
        }

        var until = now + lease;
        return await StoreWrite.RunAsync(factory, LockWait, async w =>
        {
            var claimed = await w.WebhookDeliveries
                .Where(d => due.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                .Join(w.SavedSearches, d => d.SavedSearchId, s => s.Id, (d, s) => new { Delivery = d, Search = s })
                .ToListAsync(ct).ConfigureAwait(false);
            var jobs = new List<WebhookJob>();
            foreach (var c in claimed)
            {
                if (c.Search.WebhookUrl is null || c.Search.WebhookSecret is null)
                {
                    Finish(c.Delivery, WebhookDeliveryStatus.Failed, "not sent: the webhook was removed", now);
                    continue;
                }

                c.Delivery.NextAttemptAt = until;
                var ids = (await w.Alerts.Where(a => a.SavedSearchId == c.Search.Id && a.ImportRunId == c.Delivery.ImportRunId)
                    .Select(a => a.StoryIds).ToListAsync(ct).ConfigureAwait(false)).SelectMany(x => x).ToList();
                var matches = w.Stories.Where(s => ids.Contains(s.Id) && s.DeletedAt == null);
                var total = await matches.CountAsync(ct).ConfigureAwait(false);
                var stories = await matches.OrderByDescending(s => s.Id).Take(MaxStories)
                    .Select(s => new WebhookStory(s.Slug, s.Title, s.Summary, s.CreatedAt))
                    .ToListAsync(ct).ConfigureAwait(false);
                jobs.Add(new WebhookJob(
                    c.Delivery.Id, c.Search.Id, c.Search.Name, c.Search.View, c.Search.WebhookUrl, c.Search.WebhookSecret, c.Delivery.ImportRunId,
                    c.Delivery.Attempts + 1, stories.Select(s => s with { AddedAt = DateTime.SpecifyKind(s.AddedAt, DateTimeKind.Utc) }).ToList(), total));
            }

            await w.SaveChangesAsync(ct).ConfigureAwait(false);
            return jobs;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Logs one try: delivered, or failed and due again after <paramref name="firstRetry"/> doubled per
    /// earlier try, or failed for good after <paramref name="maxAttempts"/> tries.
    /// </summary>
    /// <returns>Where the delivery stands now.</returns>
    public async Task<WebhookDeliveryStatus> RecordAsync(long deliveryId, bool delivered, string result, int maxAttempts, TimeSpan firstRetry, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return await StoreWrite.RunAsync(factory, LockWait, async w =>
        {
            var delivery = await w.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct).ConfigureAwait(false);
            if (delivery is null)
            {
                // Its saved search was deleted meanwhile.
                return WebhookDeliveryStatus.Failed;
            }

            delivery.Attempts++;
            var status = delivered ? WebhookDeliveryStatus.Delivered
                : delivery.Attempts >= Math.Max(1, maxAttempts) ? WebhookDeliveryStatus.Failed
                : WebhookDeliveryStatus.Pending;
            Finish(delivery, status, result, now);
            if (status == WebhookDeliveryStatus.Pending)
            {
                delivery.NextAttemptAt = now + firstRetry * Math.Pow(2, delivery.Attempts - 1);
            }

            await w.SaveChangesAsync(ct).ConfigureAwait(false);
            return status;
        }, ct).ConfigureAwait(false);
    }

    private static void Finish(WebhookDelivery delivery, WebhookDeliveryStatus status, string result, DateTime now)
    {
        delivery.Status = status;
        delivery.LastAttemptAt = now;
        delivery.LastResult = result.Length > 200 ? result[..200] : result;
    }
}
