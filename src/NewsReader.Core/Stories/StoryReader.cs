using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Search.Model;

namespace NewsReader.Core.Stories;

/// <summary>
/// The read side, for the web app's pages, the CLI and an API alike: story lists with facets, story
/// pages, entity pages and directories. One short-lived context per call (Blazor Server circuits
/// outlive any unit of work); results are kept in the <see cref="ReadCache"/> while the store stays the same.
/// </summary>
public sealed class StoryReader(IDbContextFactory<NewsDbContext> factory, StorySearch search, ReadCache cache, IOptions<ReadOptions> options)
{
    /// <summary>Characters of Markdown read per minute (about 200 words of English).</summary>
    private const int CharsPerMinute = 1100;

    /// <summary>The most entities <see cref="DirectoryForViewAsync"/> lists.</summary>
    public const int MaxDirectoryForView = 2000;

    private readonly ReadOptions _options = options.Value;

    /// <summary>The list for a list state: newest first, or ranked when there is a text query.</summary>
    public Task<StoryListResult> ListAsync(ListState state, CancellationToken ct = default) =>
        ListAsync(state, SearchSort.Relevance, _options.PageSize, ct);

    /// <summary>The list for a list state in a given order (newest first, or ranked when there is text) and page size (1 to <see cref="StorySearch.MaxLimit"/>): the API's and the saved searches' view of a list.</summary>
    public async Task<StoryListResult> ListAsync(ListState state, SearchSort sort, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        limit = Math.Clamp(limit, 1, StorySearch.MaxLimit);
        return (await cache.GetOrLoadAsync(CacheKey(state, sort, limit), () => LoadListAsync(state, sort, limit, ct)).ConfigureAwait(false))!;
    }

    /// <summary>A state's cache key: every part of the state, in order, with separators no URL value carries.</summary>
    private static string CacheKey(ListState state, SearchSort sort, int limit) => string.Join(
        '\u001e',
        "list",
        sort,
        limit,
        state.Query,
        string.Join('\u001f', state.Companies),
        string.Join('\u001f', state.Countries),
        string.Join('\u001f', state.Topics),
        string.Join('\u001f', state.Tags),
        state.After);

    private async Task<StoryListResult?> LoadListAsync(ListState state, SearchSort sort, int pageSize, CancellationToken ct)
    {
        // The search resolves the state's slugs once, in its own snapshot, and says what each named.
        var result = await search.SearchAsync(ToRequest(state) with { Sort = sort, Limit = pageSize }, ct).ConfigureAwait(false);
        if (ActiveFilters(result) is not { } active)
        {
            // A filter names no entity of the store by its slug: nothing can match all of them.
            return new StoryListResult([], 0, null, EmptyFacets(), ActiveFiltersFound(result));
        }

        // The hits carry what a card shows; only the chips come from elsewhere (the link index).
        var chips = await ChipsAsync(result.Hits.Select(h => h.Id).ToList(), ct).ConfigureAwait(false);
        var cards = result.Hits.Select(h => Card(h, chips)).ToList();

        // One value more than shown is asked for, so a facet knows when there are others to link to.
        var limit = FacetLimit;
        var selected = active.Select(f => (f.Kind, f.Slug)).ToHashSet();
        FacetGroup Group(EntityKind kind, IReadOnlyList<FacetCount> counts) => new(
            kind,
            counts.Take(limit).Select(c => new FacetItem(c.Slug, c.Name, c.Count, selected.Contains((kind, c.Slug)))).ToList(),
            More: counts.Count > limit);
        var facets = new List<FacetGroup>
        {
            Group(EntityKind.Company, result.Companies),
            Group(EntityKind.Country, result.Countries),
            Group(EntityKind.Topic, result.Topics),
        };
        if (result.Tags.Count > 0)
        {
            // People's free tags (issue 6): a facet only when these results carry some.
            facets.Add(Group(EntityKind.Tag, result.Tags));
        }

        return new StoryListResult(cards, result.Total, result.NextCursor, facets, active);
    }

    /// <summary>The search request for a list state: its slugs, a list per kind (all must match).</summary>
    private SearchRequest ToRequest(ListState state) => new(
        string.IsNullOrEmpty(state.Query) ? null : state.Query,
        Companies: state.Companies,
        Countries: state.Countries,
        Topics: state.Topics,
        Tags: state.Tags,
        Limit: Math.Clamp(_options.PageSize, 1, StorySearch.MaxLimit),
        After: state.After,
        FacetLimit: FacetLimit == 0 ? 0 : FacetLimit + 1);

    /// <summary>
    /// The state's filters as chips, in the state's order, or null when one names no entity by its
    /// slug (a page's filters are slugs; the search also takes names, which a URL never holds).
    /// </summary>
    private static List<ActiveFilter>? ActiveFilters(SearchResult result)
    {
        var found = ActiveFiltersFound(result);
        return found.Count == result.Filters.Count ? found : null;
    }

    private static List<ActiveFilter> ActiveFiltersFound(SearchResult result) =>
        result.Filters
            .Select(f => (f.Kind, Entity: BySlug(f)))
            .Where(f => f.Entity is not null)
            .Select(f => new ActiveFilter(f.Kind, f.Entity!.Slug, f.Entity.Name))
            .ToList();

    /// <summary>True when every filter value named an entity by its slug, as a list page's filters must (else the page lists nothing).</summary>
    public static bool EveryFilterNamedBySlug(IReadOnlyList<ResolvedFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return filters.All(f => BySlug(f) is not null);
    }

    private static EntityRef? BySlug(ResolvedFilter filter) =>
        filter.Entities.FirstOrDefault(e => string.Equals(e.Slug, filter.Value, StringComparison.OrdinalIgnoreCase));

    private int FacetLimit => Math.Clamp(_options.FacetLimit, 0, 500);

    private static List<FacetGroup> EmptyFacets() => EntityKind.All.Where(k => k != EntityKind.Tag).Select(k => new FacetGroup(k, [])).ToList();

    /// <summary>A story by slug, or null when there is none (or it was deleted).</summary>
    public Task<StoryDetail?> GetStoryAsync(string slug, CancellationToken ct = default) =>
        cache.GetOrLoadAsync("story\u001e" + slug, () => LoadStoryAsync(slug, ct));

    private async Task<StoryDetail?> LoadStoryAsync(string slug, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var story = await db.Stories.AsNoTracking()
                .Where(a => a.Slug == slug && a.DeletedAt == null)
                .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, a.Body, a.SourceFile, a.CreatedAt })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (story is null)
            {
                return null;
            }

            var chips = (await ChipsAsync([story.Id], ct).ConfigureAwait(false)).GetValueOrDefault(story.Id) ?? [];
            // Previous/next follow the home page's order (newest first): "previous" is the newer neighbour.
            var (newer, older) = await search.NeighboursAsync(story.Id, ct).ConfigureAwait(false);
            var (relatedIds, similar) = await RelatedAsync(story.Id, story.Title, ct).ConfigureAwait(false);
            // One query for the cards the search did not already give (related by entities, the two neighbours).
            var cards = await CardsByIdAsync(db, [.. relatedIds.Where(i => !similar.ContainsKey(i)), .. new[] { newer, older }.OfType<long>()], ct).ConfigureAwait(false);
            foreach (var (id, card) in similar)
            {
                cards[id] = card;
            }

            StoryLink? Link(long? id) => id is { } i && cards.TryGetValue(i, out var card) ? new StoryLink(card.Slug, card.Title) : null;
            var related = relatedIds.Where(cards.ContainsKey).Select(i => cards[i]).ToList();
            return new StoryDetail(
                story.Id, story.Slug, story.Title, story.Summary, story.Body, ReadingMinutes(story.Body.Length), story.SourceFile,
                DateTime.SpecifyKind(story.CreatedAt, DateTimeKind.Utc), chips, related, Link(newer), Link(older));
        }
    }

    /// <summary>An entity's header data, or null when the kind has no such slug.</summary>
    public Task<EntityDetail?> GetEntityAsync(EntityKind kind, string slug, CancellationToken ct = default) =>
        cache.GetOrLoadAsync("entity\u001e" + kind.Key + "\u001e" + slug, () => LoadEntityAsync(kind, slug, ct));

    private async Task<EntityDetail?> LoadEntityAsync(EntityKind kind, string slug, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var entity = await db.Entities.AsNoTracking()
                .Where(e => e.Kind == kind && e.Slug == slug)
                .Select(e => new { e.Id, e.Name, e.Slug })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }

            // Counts and "named alongside" come from the search's link index, not a scan of the links.
            var stats = await search.EntityStatsAsync(entity.Id, 10, ct).ConfigureAwait(false);
            List<EntityCount> Top(IReadOnlyList<FacetCount>? counts, EntityKind k) =>
                (counts ?? []).Select(c => new EntityCount(k, c.Slug, c.Name, c.Count)).ToList();

            return new EntityDetail(
                kind, entity.Slug, entity.Name, stats?.Stories ?? 0, stats?.About ?? 0,
                Top(stats?.Companies, EntityKind.Company), Top(stats?.Countries, EntityKind.Country));
        }
    }

    /// <summary>
    /// The visible entities of a kind named in the stories of a list state (a search and its filters),
    /// with how many of those stories name each, most named first: where a facet's "all" link goes.
    /// At most <see cref="MaxDirectoryForView"/>.
    /// </summary>
    public async Task<IReadOnlyList<EntityCount>> DirectoryForViewAsync(EntityKind kind, ListState view, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var result = await search.SearchAsync(ToRequest(view with { After = null }) with { Limit = 1, FacetLimit = MaxDirectoryForView }, ct).ConfigureAwait(false);
        if (ActiveFilters(result) is null)
        {
            return [];
        }

        var counts = kind == EntityKind.Company ? result.Companies
            : kind == EntityKind.Country ? result.Countries
            : kind == EntityKind.Tag ? result.Tags
            : result.Topics;
        return counts.Select(c => new EntityCount(kind, c.Slug, c.Name, c.Count)).ToList();
    }

    /// <summary>All visible entities of a kind with their story counts, most named first.</summary>
    public async Task<IReadOnlyList<EntityCount>> DirectoryAsync(EntityKind kind, CancellationToken ct = default)
    {
        var rows = await search.EntityCountsAsync(kind, ct).ConfigureAwait(false);
        return rows.Select(r => new EntityCount(kind, r.Slug, r.Name, r.Count)).ToList();
    }

    /// <summary>Reading time in whole minutes, at least one.</summary>
    public static int ReadingMinutes(int bodyLength) => Math.Max(1, (int)Math.Ceiling(bodyLength / (double)CharsPerMinute));

    /// <summary>The ids of the stories shown as related, best first, and the cards of those the text search found.</summary>
    private async Task<(List<long> Ids, Dictionary<long, StoryCardModel> Found)> RelatedAsync(long id, string title, CancellationToken ct)
    {
        var count = Math.Clamp(_options.RelatedCount, 0, 20);
        if (count == 0)
        {
            return ([], []);
        }

        // Shared entities, weighted by how central each is to both stories; ties go to the newer story.
        var ids = (await search.RelatedAsync(id, count, ct).ConfigureAwait(false)).ToList();
        if (ids.Count >= count)
        {
            return (ids, []);
        }

        // Too few shared entities: fill up with stories whose text is closest to this headline.
        var similar = (await SimilarToAsync(title, id, count * 2, ct).ConfigureAwait(false))
            .Where(h => !ids.Contains(h.Id)).Take(count - ids.Count).ToList();
        ids.AddRange(similar.Select(h => h.Id));
        var chips = await ChipsAsync(similar.Select(h => h.Id).ToList(), ct).ConfigureAwait(false);
        // A related card shows no snippet: the headline's words matched, not the reader's.
        return (ids, similar.ToDictionary(h => h.Id, h => Card(h, chips) with { Snippet = null }));
    }

    /// <summary>Stories whose text best matches the words of a headline, best first.</summary>
    private async Task<List<SearchHit>> SimilarToAsync(string title, long excludeId, int count, CancellationToken ct)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(12)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var result = await search.SearchAsync(
            new SearchRequest(string.Join(" OR ", words.Select(w => "\"" + w + "\"")), Limit: count + 1, FacetLimit: 0), ct).ConfigureAwait(false);
        return result.Hits.Where(h => h.Id != excludeId).Take(count).ToList();
    }

    /// <summary>Cards for stories by id that no search hit carried (one query for the rows; chips from the link index).</summary>
    private async Task<Dictionary<long, StoryCardModel>> CardsByIdAsync(NewsDbContext db, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Stories.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, BodyLength = a.Body.Length })
            .ToListAsync(ct).ConfigureAwait(false);
        var chips = await ChipsAsync(ids, ct).ConfigureAwait(false);
        return rows.ToDictionary(
            r => r.Id,
            r => new StoryCardModel(r.Slug, r.Title, r.Summary, ReadingMinutes(r.BodyLength), chips.GetValueOrDefault(r.Id) ?? []));
    }

    /// <summary>A card from a search hit: the hit carries the row and the snippet (none outside a text search).</summary>
    private static StoryCardModel Card(SearchHit hit, Dictionary<long, List<EntityChip>> chips) => new(
        hit.Slug, hit.Title, hit.Summary, ReadingMinutes(hit.BodyLength), chips.GetValueOrDefault(hit.Id) ?? [], hit.Snippet.Count > 0 ? hit.Snippet : null);

    /// <summary>The chips of stories, from the search's link index (no query).</summary>
    private async Task<Dictionary<long, List<EntityChip>>> ChipsAsync(List<long> ids, CancellationToken ct)
    {
        var links = await search.ChipsAsync(ids, ct).ConfigureAwait(false);
        return links.ToDictionary(
            l => l.Key,
            l => l.Value.Select(e => new EntityChip(e.Kind, e.Slug, e.Name, e.About)).ToList());
    }
}
