using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Search;

/// <summary>
/// Full-text search over stored stories with filters, facets and keyset pages: the engine's
/// full-text queries (<see cref="IFullTextQueries"/>) find and rank the text, the in-memory link
/// index does the rest. Design in docs/adr/0005-search-design.md.
/// </summary>
public sealed class ArticleSearch(IDbContextFactory<NewsDbContext> factory) : IDisposable
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 100;

    private static readonly Dictionary<string, NewsEntityKind> FieldKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [FieldFilter.Company] = NewsEntityKind.Company,
        [FieldFilter.Country] = NewsEntityKind.Country,
        [FieldFilter.Topic] = NewsEntityKind.Topic,
        [FieldFilter.Tag] = NewsEntityKind.Tag,
    };

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _versionLock = new();
    private IStoreVersion? _version;
    private LinkIndex? _index;

    /// <summary>Runs a search: one page, the total, and facets over the whole result set.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // One read snapshot for the matches, details and snippets; never blocks imports.
            var fullText = StoreEngine.Of(db).FullText;
            using var tx = await fullText.BeginReadAsync(db, ct).ConfigureAwait(false);
            var query = SearchQueryParser.Parse(request.Text);
            var filter = await FilterAsync(fullText, tx, index, query, request, ct).ConfigureAwait(false);
            if (filter is null)
            {
                return SearchResult.Empty;
            }

            var hasText = query.FtsMatch is not null;
            var byRank = hasText && request.Sort == SearchSort.Relevance;
            var limit = Math.Clamp(request.Limit, 1, MaxLimit);
            List<Match>? matched = null;
            if (hasText)
            {
                matched = await TextMatchesAsync(fullText, tx, index, query, filter, ct).ConfigureAwait(false);
            }
            else if (!filter.IsEmpty)
            {
                matched = FilterMatches(index, filter);
            }

            // matched is null for the whole store: every live story, newest first.
            var total = matched?.Count ?? index.Count;
            var page = byRank ? PageByRank(index, matched!, request.After, limit) : PageByNewest(index, matched, request.After, limit);
            string? next = null;
            if (page.Count > limit)
            {
                page.RemoveAt(page.Count - 1);
                var last = page[^1];
                next = byRank
                    ? Cursor.Encode(last.Rank, index.IdAt(last.Slot))
                    : Cursor.Encode(index.CreatedTicksAt(last.Slot), index.IdAt(last.Slot));
            }

            var ids = page.Select(m => (index.IdAt(m.Slot), m.Rank)).ToList();
            var hits = await fullText.HitsAsync(tx, query, ids, ct).ConfigureAwait(false);
            var facets = request.FacetLimit > 0 && total > 0 ? Facets(index, matched, request.FacetLimit) : [];
            return new SearchResult(hits, total,
                facets.Where(f => f.Kind == NewsEntityKind.Company).Select(f => f.Facet).ToList(),
                facets.Where(f => f.Kind == NewsEntityKind.Country).Select(f => f.Facet).ToList(),
                facets.Where(f => f.Kind == NewsEntityKind.Topic).Select(f => f.Facet).ToList(),
                facets.Where(f => f.Kind == NewsEntityKind.Tag).Select(f => f.Facet).ToList(),
                next);
        }
    }

    /// <summary>The newer and the older neighbour of a live story in the newest-first list (ids), each null at an end.</summary>
    public async Task<(long? Newer, long? Older)> NeighboursAsync(long articleId, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var slot = index.SlotOf(articleId);
        if (slot < 0)
        {
            return (null, null);
        }

        return (slot > 0 ? index.IdAt(slot - 1) : null, slot + 1 < index.Count ? index.IdAt(slot + 1) : null);
    }

    /// <summary>
    /// Live stories most like a story by what both are about, best first (ids): the cosine of the two
    /// stories' entity vectors, where an entity weighs <see cref="RelatedWeight"/> (its kind, whether
    /// the story is about it or only mentions it, and how rare it is); ties go to the newer id.
    /// </summary>
    public async Task<IReadOnlyList<long>> RelatedAsync(long articleId, int count, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var slot = index.SlotOf(articleId);
        if (slot < 0 || count <= 0)
        {
            return [];
        }

        // Dot products by slot in a pooled array (a country's posting alone can hold thousands of
        // stories), the touched slots listed so only they are ranked. This story's own length is the
        // same for every candidate, so only the candidate's divides.
        var scores = ArrayPool<double>.Shared.Rent(index.Count);
        Array.Clear(scores, 0, index.Count);
        var touched = new List<int>();
        try
        {
            foreach (var (ordinal, about) in index.LinksOf(slot))
            {
                var mine = RelatedWeight(index, ordinal, about);
                if (mine == 0)
                {
                    continue;
                }

                var theirsAbout = RelatedWeight(index, ordinal, about: true);
                var theirsMentioned = RelatedWeight(index, ordinal, about: false);
                foreach (var other in index.Posting(ordinal))
                {
                    if (other != slot)
                    {
                        if (scores[other] == 0)
                        {
                            touched.Add(other);
                        }

                        scores[other] += mine * (index.IsAbout(other, ordinal) ? theirsAbout : theirsMentioned);
                    }
                }
            }

            // The best few kept in order as the candidates go by: higher score first, then the newer id.
            var best = new List<(double Score, long Id)>(count + 1);
            foreach (var other in touched)
            {
                var candidate = (Score: scores[other] / RelatedLength(index, other), Id: index.IdAt(other));
                var at = best.Count;
                while (at > 0 && (candidate.Score > best[at - 1].Score || (candidate.Score == best[at - 1].Score && candidate.Id > best[at - 1].Id)))
                {
                    at--;
                }

                if (at < count)
                {
                    best.Insert(at, candidate);
                    if (best.Count > count)
                    {
                        best.RemoveAt(count);
                    }
                }
            }

            return best.ConvertAll(b => b.Id);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// How much an entity says about a story when relating stories: a company 3, a topic or tag 2, a
    /// country 1 (two stories about China are rarely about the same thing); half when the story only
    /// mentions it; times ln(1 + stories / stories linking to it), so an entity half the store shares
    /// weighs little. A hidden entity weighs nothing. Measured on the seed and the annotated files:
    /// docs/web.md.
    /// </summary>
    private static double RelatedWeight(LinkIndex index, int ordinal, bool about)
    {
        var entity = index.EntityAt(ordinal);
        if (entity.IsHidden)
        {
            return 0;
        }

        var kind = entity.Kind switch
        {
            NewsEntityKind.Company => 3.0,
            NewsEntityKind.Country => 1.0,
            _ => 2.0,
        };
        return kind * (about ? 1 : 0.5) * Math.Log(1 + ((double)index.Count / index.Posting(ordinal).Length));
    }

    /// <summary>The length of a story's entity vector (at least a tiny positive number).</summary>
    private static double RelatedLength(LinkIndex index, int slot)
    {
        var sum = 0.0;
        foreach (var (ordinal, about) in index.LinksOf(slot))
        {
            var w = RelatedWeight(index, ordinal, about);
            sum += w * w;
        }

        return Math.Max(Math.Sqrt(sum), 1e-9);
    }

    /// <summary>
    /// An entity's live stories, how many are about it, and the visible companies and countries most
    /// often named in those stories (top <paramref name="alongside"/> each); null for an unknown entity.
    /// </summary>
    public async Task<EntityStats?> EntityStatsAsync(long entityId, int alongside, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var ordinal = index.OrdinalOf(entityId);
        if (ordinal < 0)
        {
            return null;
        }

        var posting = index.Posting(ordinal);
        var counts = new int[index.EntityCount];
        var about = 0;
        foreach (var slot in posting)
        {
            index.CountLinks(slot, counts);
            about += index.IsAbout(slot, ordinal) ? 1 : 0;
        }

        counts[ordinal] = 0;
        var top = Top(index, counts, Math.Max(0, alongside));
        return new EntityStats(posting.Length, about,
            top.Where(t => t.Kind == NewsEntityKind.Company).Select(t => t.Facet).ToList(),
            top.Where(t => t.Kind == NewsEntityKind.Country).Select(t => t.Facet).ToList());
    }

    /// <summary>
    /// The companies, countries and topics each live story shows as chips (visible ones, "about"
    /// first, then by score), by story id; a story that is not live is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<StoryEntity>>> ChipsAsync(IEnumerable<long> articleIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var chips = new Dictionary<long, IReadOnlyList<StoryEntity>>();
        foreach (var id in articleIds)
        {
            var slot = index.SlotOf(id);
            if (slot >= 0)
            {
                chips[id] = index.ChipsOf(slot).ConvertAll(c => new StoryEntity(c.Entity.Kind, c.Entity.Name, c.Entity.Slug, c.About));
            }
        }

        return chips;
    }

    /// <summary>Every visible entity of a kind with live stories, with its story count; most stories first, then by name.</summary>
    public async Task<IReadOnlyList<FacetCount>> EntityCountsAsync(NewsEntityKind kind, CancellationToken ct = default)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var rows = new List<FacetCount>();
        for (var e = 0; e < index.EntityCount; e++)
        {
            var entity = index.EntityAt(e);
            var n = index.Posting(e).Length;
            if (entity.Kind == kind && !entity.IsHidden && n > 0)
            {
                rows.Add(new FacetCount(entity.Name, entity.Slug, n));
            }
        }

        rows.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Name, b.Name));
        return rows;
    }

    /// <summary>Releases the watch on the store's version.</summary>
    public void Dispose()
    {
        lock (_versionLock)
        {
            _version?.Dispose();
            _version = null;
        }

        _building.Dispose();
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

    /// <summary>
    /// The link index of the store as it is now. The store's version (<see cref="StoreVersion"/>)
    /// tells in one cheap statement whether the copy is still current; a change rebuilds it once
    /// (concurrent callers wait for that one build).
    /// </summary>
    private async Task<LinkIndex> IndexAsync(CancellationToken ct)
    {
        var index = Volatile.Read(ref _index);
        if (index is not null && index.Version == StoreVersion())
        {
            return index;
        }

        await _building.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Read the version before reading the store: a commit during the build makes the next
            // call see a newer version and build again, never keep a copy older than its label.
            var version = StoreVersion();
            if (_index is { } built && built.Version == version)
            {
                return built;
            }

            var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                using var tx = await StoreEngine.Of(db).FullText.BeginReadAsync(db, ct).ConfigureAwait(false);
                index = await LinkIndex.LoadAsync(tx, version, ct).ConfigureAwait(false);
            }

            Volatile.Write(ref _index, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// The store's version now (the engine's <see cref="IChangeDetection"/>): it changes whenever
    /// any connection commits, so anything derived from the store can be kept while it stays the
    /// same. One cheap statement.
    /// </summary>
    public long StoreVersion()
    {
        lock (_versionLock)
        {
            if (_version is null)
            {
                using var db = factory.CreateDbContext();
                _version = StoreEngine.Of(db).Changes.Watch(db.Database.GetConnectionString()!);
            }

            return _version.Current();
        }
    }

    /// <summary>A match: the story's slot in the link index and its bm25 rank (0 without text).</summary>
    private readonly record struct Match(int Slot, double Rank);

    /// <summary>The entity filters of a request as link-index ordinals; each include set is one filter (any of its entities).</summary>
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

    /// <summary>Resolves the request's filters; null when an include filter names no entity (nothing can match).</summary>
    private static async Task<Filter?> FilterAsync(IFullTextQueries fullText, DbTransaction tx, LinkIndex index, SearchQuery query, SearchRequest request, CancellationToken ct)
    {
        var filters = query.Filters.ToList();
        AddOption(filters, FieldFilter.Company, request.Company);
        AddOption(filters, FieldFilter.Country, request.Country);
        AddOption(filters, FieldFilter.Topic, request.Topic);
        AddOption(filters, FieldFilter.Tag, request.Tag);

        var includes = new List<int[]>();
        var excludes = new List<int[]>();
        foreach (var filter in filters)
        {
            if (!FieldKinds.TryGetValue(filter.Field, out var kind))
            {
                continue;
            }

            var ordinals = (await fullText.ResolveEntityAsync(tx, kind, filter.Value, ct).ConfigureAwait(false))
                .Select(index.OrdinalOf).Where(o => o >= 0).ToArray();
            if (ordinals.Length == 0)
            {
                if (filter.Exclude)
                {
                    continue;
                }

                return null;
            }

            (filter.Exclude ? excludes : includes).Add(ordinals);
        }

        var excluded = await fullText.ExcludedAsync(tx, query, ct).ConfigureAwait(false);
        return new Filter(includes, excludes, excluded);
    }

    private static void AddOption(List<FieldFilter> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filters.Add(new FieldFilter(field, value.Trim(), false));
        }
    }

    /// <summary>
    /// The text matches, alone in their statement: the full-text index is the only way in, and the
    /// rest (live stories, filters) is checked against the link index per row, not joined in SQL.
    /// </summary>
    private static async Task<List<Match>> TextMatchesAsync(IFullTextQueries fullText, DbTransaction tx, LinkIndex index, SearchQuery query, Filter filter, CancellationToken ct)
    {
        var matched = new List<Match>();
        await foreach (var (id, rank) in fullText.MatchesAsync(tx, query, ct).ConfigureAwait(false))
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
    private static List<(NewsEntityKind Kind, FacetCount Facet)> Facets(LinkIndex index, List<Match>? matched, int perKind)
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
    private static List<(NewsEntityKind Kind, FacetCount Facet)> Top(LinkIndex index, int[] counts, int perKind)
    {
        var best = new Dictionary<NewsEntityKind, List<int>>();
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

    /// <summary>Keyset cursors: the sort key and id of the last row of a page, opaque to callers.</summary>
    private static class Cursor
    {
        public static string Encode(double rank, long id) => Pack('r', BitConverter.DoubleToInt64Bits(rank), id);

        public static string Encode(long createdTicks, long id) => Pack('n', createdTicks, id);

        /// <summary>A relevance cursor's (rank, id), or null for a missing or foreign cursor.</summary>
        public static (double Rank, long Id)? TryDecodeRank(string? cursor) =>
            Unpack(cursor, 'r') is { } c ? (BitConverter.Int64BitsToDouble(c.Key), c.Id) : null;

        /// <summary>A newest-first cursor's (CreatedAt ticks, id), or null for a missing or foreign cursor.</summary>
        public static (long Ticks, long Id)? TryDecodeNewest(string? cursor) =>
            Unpack(cursor, 'n') is { } c && c.Key >= 0 && c.Key <= DateTime.MaxValue.Ticks ? c : null;

        private static (long Key, long Id)? Unpack(string? cursor, char kind)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            Span<byte> bytes = stackalloc byte[17];
            var base64 = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (cursor.Length % 4)) % 4);
            if (!Convert.TryFromBase64String(base64, bytes, out var n) || n != 17 || bytes[0] != kind)
            {
                return null;
            }

            return (BinaryPrimitives.ReadInt64LittleEndian(bytes[1..]), BinaryPrimitives.ReadInt64LittleEndian(bytes[9..]));
        }

        private static string Pack(char kind, long key, long id)
        {
            Span<byte> bytes = stackalloc byte[17];
            bytes[0] = (byte)kind;
            BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], key);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], id);
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }
}
