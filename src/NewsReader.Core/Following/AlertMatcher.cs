using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Store;
using NewsReader.Core.Stories;

namespace NewsReader.Core.Following;

/// <summary>What alert matching did after one import.</summary>
/// <param name="Searches">Saved searches with alerts on that were checked.</param>
/// <param name="Matches">New stories matched, counted once per saved search.</param>
/// <param name="Webhooks">Webhook deliveries queued.</param>
/// <param name="Error">Why matching failed (the import itself stands), or null.</param>
public sealed record AlertOutcome(int Searches, int Matches, int Webhooks, string? Error = null)
{
    public static AlertOutcome None { get; } = new(0, 0, 0);
}

/// <summary>
/// Matches an import's new stories against every saved search with alerts on, with the search engine
/// itself (<see cref="StorySearch.MatchEachAsync"/> over each saved view, once per distinct view, restricted to the new stories),
/// so a query matches exactly what the list page would show; stores the matches and, for a search with
/// a webhook, a pending delivery. <see cref="Importing.StoryImporter"/> calls it after each import commits.
/// </summary>
public sealed class AlertMatcher(IDbContextFactory<NewsDbContext> factory, StorySearch? search = null, TimeProvider? clock = null)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Matches <paramref name="newStoryIds"/> (the new stories of run <paramref name="runId"/>) and records what matched.</summary>
    public async Task<AlertOutcome> MatchAsync(long runId, IReadOnlyCollection<long> newStoryIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(newStoryIds);
        if (newStoryIds.Count == 0)
        {
            return AlertOutcome.None;
        }

        List<(long Id, string View, bool Webhook)> searches;
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            searches = (await db.SavedSearches.AsNoTracking().Where(s => s.AlertsOn)
                    .Select(s => new { s.Id, s.View, Webhook = s.WebhookUrl != null })
                    .ToListAsync(ct).ConfigureAwait(false))
                .Select(s => (s.Id, s.View, s.Webhook)).ToList();
        }

        if (searches.Count == 0)
        {
            return AlertOutcome.None;
        }

        // Searches that save the same view are matched once (alerting on a company is one view for every reader who does).
        var views = searches.Select(s => s.View).Distinct(StringComparer.Ordinal).ToList();
        var requests = views.ConvertAll(v =>
        {
            var state = SavedView.Parse(v);
            return new SearchRequest(state.Query, state.Companies, state.Countries, state.Topics, state.Tags, SearchSort.Newest, FacetLimit: 0);
        });

        // Without the app's shared search (the CLI), one of its own for this import.
        var own = search is null ? new StorySearch(factory) : null;
        IReadOnlyList<SearchMatches> found;
        try
        {
            found = await (search ?? own!).MatchEachAsync(requests, newStoryIds, ct).ConfigureAwait(false);
        }
        finally
        {
            own?.Dispose();
        }

        var byView = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        for (var i = 0; i < views.Count; i++)
        {
            // As the list page: a filter naming no entity by its slug matches nothing.
            byView[views[i]] = StoryReader.EveryFilterNamedBySlug(found[i].Filters) ? found[i].Ids : [];
        }

        var matched = searches.Where(s => byView[s.View].Count > 0).Select(s => (SearchId: s.Id, Ids: byView[s.View], s.Webhook)).ToList();
        if (matched.Count == 0)
        {
            return new AlertOutcome(searches.Count, 0, 0);
        }

        var webhooks = await StoreAsync(runId, matched, ct).ConfigureAwait(false);
        return new AlertOutcome(searches.Count, matched.Sum(m => m.Ids.Count), webhooks);
    }

    /// <summary>
    /// Stores the matches, one <see cref="Alert"/> per search holding its stories' ids, and a pending
    /// webhook delivery per search with a webhook; returns how many deliveries were queued.
    /// </summary>
    private async Task<int> StoreAsync(long runId, List<(long SearchId, IReadOnlyList<long> Ids, bool Webhook)> matched, CancellationToken ct)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return await StoreWrite.RunAsync(factory, LockWait, async w =>
        {
            // A search deleted since it was read takes its matches with it.
            var ids = matched.Select(m => m.SearchId).ToList();
            var alive = (await w.SavedSearches.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
            var kept = matched.Where(m => alive.Contains(m.SearchId)).ToList();
            w.Alerts.AddRange(kept.Select(m => new Alert { SavedSearchId = m.SearchId, ImportRunId = runId, StoryIds = [.. m.Ids], MatchedAt = now }));
            var deliveries = kept.Where(m => m.Webhook).Select(m => new WebhookDelivery
            {
                SavedSearchId = m.SearchId, ImportRunId = runId, Status = WebhookDeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            }).ToList();
            w.WebhookDeliveries.AddRange(deliveries);
            await w.SaveChangesAsync(ct).ConfigureAwait(false);
            return deliveries.Count;
        }, ct).ConfigureAwait(false);
    }
}
