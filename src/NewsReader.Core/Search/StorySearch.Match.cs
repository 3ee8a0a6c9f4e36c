using System.Data.Common;
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
    /// index over that range, unranked, asked for every search's text at once
    /// (<see cref="IFullTextQueries.MatchEachAsync"/>: on SQLite statements prepared once for all the
    /// searches, on PostgreSQL one statement). The requests' sort, limit, cursor and facet limit are ignored.
    /// </summary>
    public async Task<IReadOnlyList<SearchMatches>> MatchEachAsync(IReadOnlyList<SearchRequest> requests, IReadOnlyCollection<long> storyIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(storyIds);
        if (requests.Count == 0)
        {
            return [];
        }

        var wanted = storyIds.ToHashSet();
        var within = wanted.Count == 0 ? new IdRange(1, 0) : new IdRange(wanted.Min(), wanted.Max());
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var fullText = StoreEngine.Of(db).FullText;
            using var tx = await fullText.BeginReadAsync(db, ct).ConfigureAwait(false);
            using var reuse = fullText.ReuseStatements(tx);

            // Every filter value resolved first, each once and all in one go, so the range's link index
            // need hold only the entities some filter names: in the same snapshot, each of them is in it.
            var parsed = requests.Select(r => (Request: r, Query: SearchQueryParser.Parse(r.Text))).ToList();
            var values = parsed.SelectMany(p => FiltersOf(p.Query, p.Request)).Select(f => (f.Kind, f.Value)).Distinct().ToList();
            var entities = await fullText.ResolveEntitiesAsync(tx, values, ct).ConfigureAwait(false);
            var known = values.Zip(entities).ToDictionary(v => v.First, v => v.Second);
            var asked = new List<(SearchQuery Query, EntityFilters? Filters, List<ResolvedFilter> Resolved)>(requests.Count);
            foreach (var (request, query) in parsed)
            {
                var (filters, resolved) = await ResolveAsync(fullText, tx, index: null, query, request, known, ct).ConfigureAwait(false);
                asked.Add((query, filters, resolved));
            }

            var named = asked.Where(a => a.Filters is not null).SelectMany(a => a.Filters!.Includes.Concat(a.Filters.Excludes)).SelectMany(set => set).ToHashSet();
            var index = await LinkIndex.LoadAsync(tx, version: -1, within, named, ct).ConfigureAwait(false);
            return await MatchInIndexAsync(fullText, tx, index, asked, within, wanted, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Each search's matches among the wanted stories of the range's link index: a search whose include
    /// filter no story there names matches nothing; the engine is asked once for every other search's
    /// text; the filters are checked in the index.
    /// </summary>
    private static async Task<SearchMatches[]> MatchInIndexAsync(IFullTextQueries fullText, DbTransaction tx, LinkIndex index,
        List<(SearchQuery Query, EntityFilters? Filters, List<ResolvedFilter> Resolved)> asked, IdRange within, HashSet<long> wanted, CancellationToken ct)
    {
        var results = new SearchMatches[asked.Count];
        var asking = new List<(int Result, SearchQuery Query, Filter Filter)>();
        for (var k = 0; k < asked.Count; k++)
        {
            var (query, filters, resolved) = asked[k];
            if (filters is null || index.Count == 0 || IncludeOrdinals(index, filters) is not { } includes)
            {
                results[k] = new SearchMatches([], resolved);
                continue;
            }

            asking.Add((k, query, new Filter(includes, Ordinals(index, filters.Excludes), ExcludedIds: null)));
        }

        var text = await fullText.MatchEachAsync(tx, asking.ConvertAll(a => a.Query), within, ct).ConfigureAwait(false);
        for (var j = 0; j < asking.Count; j++)
        {
            var (k, query, filter) = asking[j];
            IEnumerable<int> slots;
            if (query.FtsMatch is not null)
            {
                slots = text[j]!.Select(index.SlotOf).Where(slot => slot >= 0 && filter.Passes(index, slot)).Order();
            }
            else
            {
                // Without text, the engine's answer is the stories the query's exclusions match.
                var filtered = filter with { ExcludedIds = text[j] };
                slots = filtered.IsEmpty ? Enumerable.Range(0, index.Count) : FilterMatches(index, filtered).Select(m => m.Slot).Order();
            }

            // The range may hold stories besides the ones asked about (ids are not always consecutive).
            results[k] = new SearchMatches(slots.Select(index.IdAt).Where(wanted.Contains).ToList(), asked[k].Resolved);
        }

        return results;
    }
}
