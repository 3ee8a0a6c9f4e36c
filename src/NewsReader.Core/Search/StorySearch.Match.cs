using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;
using NewsReader.Core.Store;

namespace NewsReader.Core.Search;

public sealed partial class StorySearch
{
    /// <summary>
    /// Which of <paramref name="storyIds"/> each search matches (no page, no total, no facets, no
    /// snippets), newest first, in one read snapshot: the same query parser, entity resolution and
    /// engine full-text statements as <see cref="SearchAsync"/>, and its link-index filters (SQLite's
    /// own; on PostgreSQL the same rules as its SQL: live stories, live links, any of an include
    /// set, none of an exclude set). For alerts: many saved searches over an import's new stories.
    /// Only those stories are read: a link index of their id range and of the entities the filters
    /// name (one statement for their links, whatever the number of searches), and the full-text
    /// index over that range, unranked, its statements prepared once for all the searches. The
    /// requests' sort, limit, cursor and facet limit are ignored.
    /// </summary>
    public async Task<IReadOnlyList<SearchMatches>> MatchEachAsync(IReadOnlyList<SearchRequest> requests, IReadOnlyCollection<long> storyIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(storyIds);
        var results = new List<SearchMatches>(requests.Count);
        if (requests.Count == 0)
        {
            return results;
        }

        var wanted = storyIds.ToHashSet();
        var within = wanted.Count == 0 ? new IdRange(1, 0) : new IdRange(wanted.Min(), wanted.Max());
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var fullText = StoreEngine.Of(db).FullText;
            using var tx = await fullText.BeginReadAsync(db, ct).ConfigureAwait(false);
            using var reuse = fullText.ReuseStatements(tx);

            // Every filter resolved first (each value once), so the range's link index need hold only
            // the entities some filter names: in the same snapshot, each of them is in it.
            var known = new Dictionary<(EntityKind, string), List<(long Id, string Name, string Slug)>>();
            var asked = new List<(SearchQuery Query, EntityFilters? Filters, List<ResolvedFilter> Resolved)>(requests.Count);
            foreach (var request in requests)
            {
                var query = SearchQueryParser.Parse(request.Text);
                var (filters, resolved) = await ResolveAsync(fullText, tx, index: null, query, request, known, ct).ConfigureAwait(false);
                asked.Add((query, filters, resolved));
            }

            var named = asked.Where(a => a.Filters is not null).SelectMany(a => a.Filters!.Includes.Concat(a.Filters.Excludes)).SelectMany(set => set).ToHashSet();
            var index = await LinkIndex.LoadAsync(tx, version: -1, within, named, ct).ConfigureAwait(false);
            foreach (var (query, filters, resolved) in asked)
            {
                if (filters is null || index.Count == 0)
                {
                    results.Add(new SearchMatches([], resolved));
                    continue;
                }

                var matched = await MatchesAsync(fullText, tx, index, query, filters, within, ct).ConfigureAwait(false);
                IEnumerable<int> slots = matched is null ? Enumerable.Range(0, index.Count) : matched.Select(m => m.Slot).Order();

                // The range may hold stories besides the ones asked about (ids are not always consecutive).
                results.Add(new SearchMatches(slots.Select(index.IdAt).Where(wanted.Contains).ToList(), resolved));
            }
        }

        return results;
    }
}
