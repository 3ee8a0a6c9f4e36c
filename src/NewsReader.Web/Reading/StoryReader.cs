using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Search.Model;
using NewsReader.Web.Entities;
using NewsReader.Web.Hosting;
using NewsReader.Web.Search;
using NewsReader.Web.Stories;

namespace NewsReader.Web.Reading;

/// <summary>
/// The read side of the web app: story lists with facets, story pages, entity pages and directories.
/// One short-lived context per call (Blazor Server circuits outlive any unit of work).
/// </summary>
public sealed class StoryReader(IDbContextFactory<NewsDbContext> factory, StorySearch search, ReadCache cache, IOptions<ReaderOptions> options)
{
    /// <summary>Characters of Markdown read per minute (about 200 words of English).</summary>
    private const int CharsPerMinute = 1100;

    private readonly ReaderOptions _options = options.Value;

    /// <summary>The list for a URL state: newest first, or ranked when there is a text query.</summary>
    public async Task<StoryListResult> ListAsync(ListState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return (await cache.GetOrLoadAsync(CacheKey(state), () => LoadListAsync(state, ct)))!;
    }

    /// <summary>A state's cache key: every part of the URL state, in order, with separators no URL value carries.</summary>
    private static string CacheKey(ListState state) => string.Join(
        '\u001e',
        "list",
        state.Query,
        string.Join('\u001f', state.Companies),
        string.Join('\u001f', state.Countries),
        string.Join('\u001f', state.Topics),
        string.Join('\u001f', state.Tags),
        state.After);

    private async Task<StoryListResult?> LoadListAsync(ListState state, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var filters = await ResolveFiltersAsync(db, state, ct);
        var active = filters.Select(f => f.Filter).ToList();
        if (filters.Count < state.Companies.Count + state.Countries.Count + state.Topics.Count + state.Tags.Count)
        {
            // A filter names an entity the store does not have: nothing can match all of them.
            return new StoryListResult([], 0, null, EmptyFacets(), active);
        }

        var result = await search.SearchAsync(ToRequest(state, filters), ct);
        // The hits carry what a card shows; only the chips come from elsewhere (the link index).
        var chips = await ChipsAsync(result.Hits.Select(h => h.Id).ToList(), ct);
        var cards = result.Hits.Select(h => new StoryCardModel(
            h.Slug, h.Title, h.Summary, ReadingMinutes(h.BodyLength), chips.GetValueOrDefault(h.Id) ?? [], h.Snippet.Count > 0 ? h.Snippet : null)).ToList();

        // One value more than shown is asked for, so a facet knows when there are others to link to.
        var limit = FacetLimit;
        var selected = active.Select(f => (f.Field.Key, f.Slug)).ToHashSet();
        FacetGroup Group(EntityKind field, IReadOnlyList<FacetCount> counts) => new(
            field,
            counts.Take(limit).Select(c => new FacetItem(c.Slug, c.Name, c.Count, selected.Contains((field.Key, c.Slug)))).ToList(),
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

    /// <summary>The search request for a URL state: the resolved filters' slugs, a list per kind (all must match).</summary>
    private SearchRequest ToRequest(ListState state, List<ResolvedFilter> filters)
    {
        List<string> Slugs(EntityKind field) => filters.Where(f => f.Filter.Field == field).Select(f => f.Filter.Slug).ToList();
        return new SearchRequest(
            string.IsNullOrEmpty(state.Query) ? null : state.Query,
            Companies: Slugs(EntityKind.Company),
            Countries: Slugs(EntityKind.Country),
            Topics: Slugs(EntityKind.Topic),
            Tags: Slugs(EntityKind.Tag),
            Limit: Math.Clamp(_options.PageSize, 1, StorySearch.MaxLimit),
            After: state.After,
            FacetLimit: FacetLimit == 0 ? 0 : FacetLimit + 1);
    }

    private int FacetLimit => Math.Clamp(_options.FacetLimit, 0, 500);

    private static List<FacetGroup> EmptyFacets() => EntityKind.All.Where(f => f != EntityKind.Tag).Select(f => new FacetGroup(f, [])).ToList();

    /// <summary>A story by slug, or null when there is none (or it was deleted).</summary>
    public Task<StoryDetail?> GetStoryAsync(string slug, CancellationToken ct = default) =>
        cache.GetOrLoadAsync("story\u001e" + slug, () => LoadStoryAsync(slug, ct));

    private async Task<StoryDetail?> LoadStoryAsync(string slug, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var story = await db.Stories.AsNoTracking()
            .Where(a => a.Slug == slug && a.DeletedAt == null)
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, a.Body, a.SourceFile, a.CreatedAt })
            .FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return null;
        }

        var chips = (await ChipsAsync([story.Id], ct)).GetValueOrDefault(story.Id) ?? [];
        // Previous/next follow the home page's order (newest first): "previous" is the newer neighbour.
        var (newer, older) = await search.NeighboursAsync(story.Id, ct);
        var relatedIds = await RelatedIdsAsync(story.Id, story.Title, ct);
        // One query for the related cards and the two neighbours' links.
        var cards = await CardsByIdAsync(db, [.. relatedIds, .. new[] { newer, older }.OfType<long>()], ct);
        StoryLink? Link(long? id) => id is { } i && cards.TryGetValue(i, out var card) ? new StoryLink(card.Slug, card.Title) : null;
        var previous = Link(newer);
        var next = Link(older);
        var related = relatedIds.Where(cards.ContainsKey).Select(i => cards[i]).ToList();
        return new StoryDetail(
            story.Id, story.Slug, story.Title, story.Summary, story.Body, ReadingMinutes(story.Body.Length), story.SourceFile,
            DateTime.SpecifyKind(story.CreatedAt, DateTimeKind.Utc), chips, related, previous, next);
    }

    /// <summary>An entity's header data, or null when the kind has no such slug.</summary>
    public Task<EntityDetail?> GetEntityAsync(EntityKind field, string slug, CancellationToken ct = default)
    {
        return cache.GetOrLoadAsync("entity\u001e" + field.Key + "\u001e" + slug, () => LoadEntityAsync(field, slug, ct));
    }

    private async Task<EntityDetail?> LoadEntityAsync(EntityKind field, string slug, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var kind = field;
        var entity = await db.Entities.AsNoTracking()
            .Where(e => e.Kind == kind && e.Slug == slug)
            .Select(e => new { e.Id, e.Name, e.Slug })
            .FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return null;
        }

        // Counts and "named alongside" come from the search's link index, not a scan of the links.
        var stats = await search.EntityStatsAsync(entity.Id, 10, ct);
        List<EntityCount> Top(IReadOnlyList<FacetCount>? counts, EntityKind f) =>
            (counts ?? []).Select(c => new EntityCount(f, c.Slug, c.Name, c.Count)).ToList();

        return new EntityDetail(
            field, entity.Slug, entity.Name, stats?.Stories ?? 0, stats?.About ?? 0,
            Top(stats?.Companies, EntityKind.Company), Top(stats?.Countries, EntityKind.Country));
    }

    /// <summary>
    /// The visible entities of a kind named in the stories of a list state (a search and its filters),
    /// with how many of those stories name each, most named first: where a facet's "all" link goes.
    /// At most <see cref="MaxDirectoryForView"/>.
    /// </summary>
    public async Task<IReadOnlyList<EntityCount>> DirectoryForViewAsync(EntityKind field, ListState view, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await using var db = await factory.CreateDbContextAsync(ct);
        var filters = await ResolveFiltersAsync(db, view, ct);
        if (filters.Count < view.Companies.Count + view.Countries.Count + view.Topics.Count + view.Tags.Count)
        {
            return [];
        }

        var result = await search.SearchAsync(ToRequest(view with { After = null }, filters) with { Limit = 1, FacetLimit = MaxDirectoryForView }, ct);
        var counts = field == EntityKind.Company ? result.Companies
            : field == EntityKind.Country ? result.Countries
            : field == EntityKind.Tag ? result.Tags
            : result.Topics;
        return counts.Select(c => new EntityCount(field, c.Slug, c.Name, c.Count)).ToList();
    }

    /// <summary>The most entities <see cref="DirectoryForViewAsync"/> lists.</summary>
    public const int MaxDirectoryForView = 2000;

    /// <summary>All visible entities of a kind with their story counts, most named first.</summary>
    public async Task<IReadOnlyList<EntityCount>> DirectoryAsync(EntityKind field, CancellationToken ct = default)
    {
        var rows = await search.EntityCountsAsync(field, ct);
        return rows.Select(r => new EntityCount(field, r.Slug, r.Name, r.Count)).ToList();
    }

    /// <summary>Reading time in whole minutes, at least one.</summary>
    public static int ReadingMinutes(int bodyLength) => Math.Max(1, (int)Math.Ceiling(bodyLength / (double)CharsPerMinute));

    private sealed record ResolvedFilter(long EntityId, ActiveFilter Filter);

    private static async Task<List<ResolvedFilter>> ResolveFiltersAsync(NewsDbContext db, ListState state, CancellationToken ct)
    {
        var resolved = new List<ResolvedFilter>();
        foreach (var field in EntityKind.All)
        {
            var slugs = state.SlugsOf(field);
            if (slugs.Count == 0)
            {
                continue;
            }

            var kind = field;
            var lowered = slugs.Select(s => s.ToLowerInvariant()).ToList();
            var found = await db.Entities.AsNoTracking()
                .Where(e => e.Kind == kind && lowered.Contains(e.Slug))
                .Select(e => new { e.Id, e.Slug, e.Name })
                .ToListAsync(ct);

            // Keep the URL's order so chips stay where the reader put them.
            foreach (var slug in lowered)
            {
                var hit = found.FirstOrDefault(f => f.Slug == slug);
                if (hit is not null)
                {
                    resolved.Add(new ResolvedFilter(hit.Id, new ActiveFilter(field, hit.Slug, hit.Name)));
                }
            }
        }

        return resolved;
    }

    /// <summary>The ids of the stories shown as related, best first.</summary>
    private async Task<List<long>> RelatedIdsAsync(long id, string title, CancellationToken ct)
    {
        var count = Math.Clamp(_options.RelatedCount, 0, 20);
        if (count == 0)
        {
            return [];
        }

        // Shared entities, weighted by how central each is to both stories; ties go to the newer story.
        var ids = (await search.RelatedAsync(id, count, ct)).ToList();
        if (ids.Count < count)
        {
            // Too few shared entities: fill up with stories whose text is closest to this headline.
            var similar = await SimilarToAsync(title, id, count * 2, ct);
            ids.AddRange(similar.Where(s => !ids.Contains(s)).Take(count - ids.Count));
        }

        return ids;
    }

    /// <summary>Stories whose text best matches the words of a headline, best first.</summary>
    private async Task<List<long>> SimilarToAsync(string title, long excludeId, int count, CancellationToken ct)
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
            new SearchRequest(string.Join(" OR ", words.Select(w => "\"" + w + "\"")), Limit: count + 1, FacetLimit: 0), ct);
        return result.Hits.Select(h => h.Id).Where(h => h != excludeId).Take(count).ToList();
    }

    /// <summary>Cards for stories by id (one query for the rows; chips from the link index).</summary>
    private async Task<Dictionary<long, StoryCardModel>> CardsByIdAsync(
        NewsDbContext db, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Stories.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, BodyLength = a.Body.Length })
            .ToListAsync(ct);
        var chips = await ChipsAsync(ids, ct);
        return rows.ToDictionary(
            r => r.Id,
            r => new StoryCardModel(
                r.Slug, r.Title, r.Summary, ReadingMinutes(r.BodyLength),
                chips.GetValueOrDefault(r.Id) ?? []));
    }

    /// <summary>The chips of stories, from the search's link index (no query).</summary>
    private async Task<Dictionary<long, List<EntityChip>>> ChipsAsync(List<long> ids, CancellationToken ct)
    {
        var links = await search.ChipsAsync(ids, ct);
        return links.ToDictionary(
            l => l.Key,
            l => l.Value.Select(e => new EntityChip(e.Kind, e.Slug, e.Name, e.About)).ToList());
    }
}
