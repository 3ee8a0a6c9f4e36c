using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search.Model;
using NewsReader.Core.Store;

namespace NewsReader.Core.Search;

/// <summary>
/// Full-text search over stored stories with filters, facets and keyset pages: the engine's
/// full-text queries (<see cref="IFullTextQueries"/>) find and rank the text; filters, totals and
/// facets are the engine's SQL (<see cref="IFilterQueries"/>, PostgreSQL) or the in-memory link
/// index (SQLite). Design in docs/adr/0005-search-design.md and docs/adr/0008-postgresql-engine.md.
/// </summary>
public sealed partial class StorySearch(IDbContextFactory<NewsDbContext> factory) : IDisposable
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 100;

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _versionLock = new();
    private IStoreVersion? _version;
    private LinkIndex? _index;

    /// <summary>Runs a search: one page, the total, and facets over the whole result set.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // An engine that filters in SQL never needs the in-memory copy of the links.
            var engine = StoreEngine.Of(db);
            var index = engine.Filters is null ? await IndexAsync(ct).ConfigureAwait(false) : null;

            // One read snapshot for the matches, details and snippets; never blocks imports.
            var fullText = engine.FullText;
            using var tx = await fullText.BeginReadAsync(db, ct).ConfigureAwait(false);
            var query = SearchQueryParser.Parse(request.Text);
            var (filters, resolved) = await ResolveAsync(fullText, tx, index, query, request, known: null, ct).ConfigureAwait(false);
            if (filters is null)
            {
                return SearchResult.Empty with { Filters = resolved };
            }

            var byRank = query.FtsMatch is not null && request.Sort == SearchSort.Relevance;
            var limit = Math.Clamp(request.Limit, 1, MaxLimit);
            var found = engine.Filters is { } sql
                ? await sql.SearchAsync(tx, new FilterQuery(query, filters.Includes, filters.Excludes, byRank,
                    byRank ? Cursor.TryDecodeRank(request.After) : null, byRank ? null : Cursor.TryDecodeNewest(request.After),
                    limit + 1, Math.Max(0, request.FacetLimit), Hits: limit), ct).ConfigureAwait(false)
                : await InMemoryAsync(fullText, tx, index!, query, filters, byRank, request.After, limit, request.FacetLimit, ct).ConfigureAwait(false);

            var page = found.Page.ToList();
            string? next = null;
            if (page.Count > limit)
            {
                page.RemoveRange(limit, page.Count - limit);
                var last = page[^1];
                next = byRank ? Cursor.Encode(last.Rank, last.Id) : Cursor.Encode(last.CreatedTicks, last.Id);
            }

            var hits = found.Hits?.ToList() ?? await fullText.HitsAsync(tx, query, page.ConvertAll(r => (r.Id, r.Rank)), ct).ConfigureAwait(false);
            List<FacetCount> Of(EntityKind kind) => found.Facets.Where(f => f.Kind == kind).Select(f => new FacetCount(f.Name, f.Slug, f.Count)).ToList();
            return new SearchResult(hits, found.Total, Of(EntityKind.Company), Of(EntityKind.Country), Of(EntityKind.Topic), Of(EntityKind.Tag), next)
            {
                Filters = resolved,
            };
        }
    }

    /// <summary>Total, page and facets from the in-memory link index (an engine without <see cref="IFilterQueries"/>).</summary>
    private static async Task<FilteredMatches> InMemoryAsync(IFullTextQueries fullText, DbTransaction tx, LinkIndex index, SearchQuery query, EntityFilters filters,
        bool byRank, string? after, int limit, int facetLimit, CancellationToken ct)
    {
        var matched = await MatchesAsync(fullText, tx, index, query, filters, ct).ConfigureAwait(false);

        // matched is null for the whole store: every live story, newest first.
        var total = matched?.Count ?? index.Count;
        var page = byRank ? PageByRank(index, matched!, after, limit) : PageByNewest(index, matched, after, limit);
        var facets = facetLimit > 0 && total > 0 ? Facets(index, matched, facetLimit) : [];
        return new FilteredMatches(
            total,
            page.ConvertAll(m => new FilteredRow(index.IdAt(m.Slot), m.Rank, index.CreatedTicksAt(m.Slot))),
            facets.ConvertAll(f => new FacetRow(f.Kind, f.Facet.Name, f.Facet.Slug, f.Facet.Count)));
    }

    /// <summary>The engine's plan of the text query, one line per plan step (tests check it is the full-text index alone).</summary>
    internal async Task<IReadOnlyList<string>> ExplainAsync(SearchRequest request, CancellationToken ct = default)
    {
        var query = SearchQueryParser.Parse(request.Text);
        if (query.FtsMatch is null)
        {
            throw new InvalidOperationException("nothing to search");
        }

        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var fullText = StoreEngine.Of(db).FullText;
            using var tx = await fullText.BeginReadAsync(db, ct).ConfigureAwait(false);
            return await fullText.ExplainAsync(tx, query, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A match: the story's slot in the link index and its bm25 rank (0 without text).</summary>
    private readonly record struct Match(int Slot, double Rank);

    /// <summary>The entity filters of a request as entity ids; each include set is one filter (any of its entities).</summary>
    private sealed record EntityFilters(List<long[]> Includes, List<long[]> Excludes);

    /// <summary>The entity filters as link-index ordinals, with the stories a text-less query's exclusions match.</summary>
    private sealed record Filter(List<int[]> Includes, List<int[]> Excludes, HashSet<long>? ExcludedIds)
    {
        public bool IsEmpty => Includes.Count == 0 && Excludes.Count == 0 && ExcludedIds is null;

        public bool Passes(LinkIndex index, int slot)
        {
            foreach (var set in Includes)
            {
                if (!index.LinksAny(slot, set))
                {
                    return false;
                }
            }

            foreach (var set in Excludes)
            {
                if (index.LinksAny(slot, set))
                {
                    return false;
                }
            }

            return ExcludedIds is null || !ExcludedIds.Contains(index.IdAt(slot));
        }
    }

    /// <summary>
    /// Resolves the query's and the request's filters, each once; the filters are null when an include
    /// filter names no entity (nothing can match). The request's values are all resolved even then,
    /// so the caller can show which of them were found. With a link index, entities it does not hold
    /// (made after its copy) are left out, as the copy has no links to them.
    /// </summary>
    /// <remarks><paramref name="known"/>: values already resolved in the same snapshot (many searches at once), kept there.</remarks>
    private static async Task<(EntityFilters? Filters, List<ResolvedFilter> Resolved)> ResolveAsync(
        IFullTextQueries fullText, DbTransaction tx, LinkIndex? index, SearchQuery query, SearchRequest request,
        Dictionary<(EntityKind, string), List<(long Id, string Name, string Slug)>>? known, CancellationToken ct)
    {
        var typed = query.Filters.Count;
        var filters = FiltersOf(query, request);

        var includes = new List<long[]>();
        var excludes = new List<long[]>();
        var resolved = new List<ResolvedFilter>();
        var nothingMatches = false;
        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            if (known is null || !known.TryGetValue((filter.Kind, filter.Value), out var named))
            {
                named = await fullText.ResolveEntityAsync(tx, filter.Kind, filter.Value, ct).ConfigureAwait(false);
                known?.Add((filter.Kind, filter.Value), named);
            }

            var entities = named.Where(e => index is null || index.OrdinalOf(e.Id) >= 0).ToList();
            if (i >= typed)
            {
                resolved.Add(new ResolvedFilter(filter.Kind, filter.Value, entities.ConvertAll(e => new EntityRef(e.Id, e.Name, e.Slug))));
            }

            if (entities.Count > 0)
            {
                (filter.Exclude ? excludes : includes).Add(entities.Select(e => e.Id).ToArray());
            }
            else if (!filter.Exclude)
            {
                nothingMatches = true;
            }
        }

        return (nothingMatches ? null : new EntityFilters(includes, excludes), resolved);
    }

    /// <summary>The query's typed filters, then the request's values (each one a filter).</summary>
    private static List<FieldFilter> FiltersOf(SearchQuery query, SearchRequest request)
    {
        var filters = query.Filters.ToList();
        AddOptions(filters, EntityKind.Company, request.Companies);
        AddOptions(filters, EntityKind.Country, request.Countries);
        AddOptions(filters, EntityKind.Topic, request.Topics);
        AddOptions(filters, EntityKind.Tag, request.Tags);
        return filters;
    }

    // Each value is a filter of its own: a story must name every one of them.
    private static void AddOptions(List<FieldFilter> filters, EntityKind kind, IReadOnlyList<string>? values)
    {
        foreach (var value in values ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters.Add(new FieldFilter(kind, value.Trim(), false));
            }
        }
    }

    /// <summary>
    /// Every match of the query and filters in the link index: the text's, checked against the
    /// filters, or without text the filters', newest first; null for the whole index (no text, no
    /// filter).
    /// </summary>
    private static async Task<List<Match>?> MatchesAsync(IFullTextQueries fullText, DbTransaction tx, LinkIndex index, SearchQuery query, EntityFilters filters,
        CancellationToken ct)
    {
        if (IncludeOrdinals(index, filters) is not { } includes)
        {
            return [];
        }

        var excluded = await fullText.ExcludedAsync(tx, query, within: null, ct).ConfigureAwait(false);
        var filter = new Filter(includes, Ordinals(index, filters.Excludes), excluded);
        if (query.FtsMatch is not null)
        {
            return await TextMatchesAsync(fullText, tx, index, query, filter, ct).ConfigureAwait(false);
        }

        return filter.IsEmpty ? null : FilterMatches(index, filter);
    }

    /// <summary>
    /// The include filters as link-index ordinals; null when one of them names no story in the
    /// index: nothing matches, and the text need not be asked.
    /// </summary>
    private static List<int[]>? IncludeOrdinals(LinkIndex index, EntityFilters filters)
    {
        var includes = Ordinals(index, filters.Includes);
        return includes.Any(set => set.All(o => o < 0 || index.Posting(o).IsEmpty)) ? null : includes;
    }

    private static List<int[]> Ordinals(LinkIndex index, List<long[]> sets) => sets.ConvertAll(ids => ids.Select(index.OrdinalOf).ToArray());

    /// <summary>
    /// The text matches, alone in their statement: the full-text index is the only way in, and the
    /// rest (live stories, filters) is checked against the link index per row, not joined in SQL.
    /// </summary>
    private static async Task<List<Match>> TextMatchesAsync(IFullTextQueries fullText, DbTransaction tx, LinkIndex index, SearchQuery query, Filter filter,
        CancellationToken ct)
    {
        var matched = new List<Match>();
        await foreach (var (id, rank) in fullText.MatchesAsync(tx, query, within: null, ct).ConfigureAwait(false))
        {
            var slot = index.SlotOf(id);
            if (slot >= 0 && filter.Passes(index, slot))
            {
                matched.Add(new Match(slot, rank));
            }
        }

        return matched;
    }

    /// <summary>Matches without text, newest first: the rarest include filter's stories, checked against the rest.</summary>
    private static List<Match> FilterMatches(LinkIndex index, Filter filter)
    {
        var matched = new List<Match>();
        if (filter.Includes.Count == 0)
        {
            for (var slot = 0; slot < index.Count; slot++)
            {
                if (filter.Passes(index, slot))
                {
                    matched.Add(new Match(slot, 0));
                }
            }

            return matched;
        }

        var rarest = filter.Includes.MinBy(set => set.Sum(o => index.Posting(o).Length))!;
        IEnumerable<int> candidates = rarest.Length == 1
            ? index.Posting(rarest[0]).ToArray()
            : rarest.SelectMany(o => index.Posting(o).ToArray()).Distinct().Order();
        foreach (var slot in candidates)
        {
            if (filter.Passes(index, slot))
            {
                matched.Add(new Match(slot, 0));
            }
        }

        return matched;
    }

    private static List<Match> PageByRank(LinkIndex index, List<Match> matched, string? after, int limit)
    {
        IEnumerable<Match> rows = matched;
        if (Cursor.TryDecodeRank(after) is { } c)
        {
            rows = rows.Where(m => m.Rank > c.Rank || (m.Rank == c.Rank && index.IdAt(m.Slot) > c.Id));
        }

        // OrderBy + Take selects the page without sorting every match.
        return rows.OrderBy(m => m.Rank).ThenBy(m => index.IdAt(m.Slot)).Take(limit + 1).ToList();
    }

    private static List<Match> PageByNewest(LinkIndex index, List<Match>? matched, string? after, int limit)
    {
        var first = Cursor.TryDecodeNewest(after) is { } c ? index.FirstSlotAfter(c.Ticks, c.Id) : 0;
        if (matched is null)
        {
            var end = Math.Min(index.Count, first + limit + 1);
            return Enumerable.Range(first, Math.Max(0, end - first)).Select(s => new Match(s, 0)).ToList();
        }

        // Text matches come in FTS order; filter matches are already newest first (ascending slots).
        return matched.Where(m => m.Slot >= first).OrderBy(m => m.Slot).Take(limit + 1).ToList();
    }

    /// <summary>Facet counts per kind over the matches (or over the whole store), top <paramref name="perKind"/> each.</summary>
    private static List<(EntityKind Kind, FacetCount Facet)> Facets(LinkIndex index, List<Match>? matched, int perKind)
    {
        if (matched is null)
        {
            return index.AllFacets(perKind, counts => Top(index, counts, perKind));
        }

        var counts = new int[index.EntityCount];
        foreach (var m in matched)
        {
            index.CountLinks(m.Slot, counts);
        }

        return Top(index, counts, perKind);
    }

    /// <summary>The visible entities with the highest counts, per kind: count descending, then name.</summary>
    private static List<(EntityKind Kind, FacetCount Facet)> Top(LinkIndex index, int[] counts, int perKind)
    {
        var best = new Dictionary<EntityKind, List<int>>();
        int Compare(int a, int b) => counts[a] != counts[b]
            ? counts[b].CompareTo(counts[a])
            : string.CompareOrdinal(index.EntityAt(a).Name, index.EntityAt(b).Name);
        for (var e = 0; e < counts.Length; e++)
        {
            var entity = index.EntityAt(e);
            if (counts[e] == 0 || entity.IsHidden || perKind == 0)
            {
                continue;
            }

            if (!best.TryGetValue(entity.Kind, out var list))
            {
                best[entity.Kind] = list = [];
            }

            // A short sorted list per kind: each entity is compared only with the current top N.
            if (list.Count == perKind && Compare(e, list[^1]) >= 0)
            {
                continue;
            }

            var at = list.Count;
            while (at > 0 && Compare(e, list[at - 1]) < 0)
            {
                at--;
            }

            list.Insert(at, e);
            if (list.Count > perKind)
            {
                list.RemoveAt(list.Count - 1);
            }
        }

        return best.OrderBy(b => b.Key)
            .SelectMany(b => b.Value.Select(e => (b.Key, new FacetCount(index.EntityAt(e).Name, index.EntityAt(e).Slug, counts[e]))))
            .ToList();
    }
}
