using System.Data.Common;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Core.Search;

/// <summary>
/// An in-memory copy of one store version's live stories (newest first) and their live links to
/// entities. Totals, filters without text, facet counts, entity counts, neighbours and related
/// stories are answered from here in microseconds instead of visiting every matching row in SQLite
/// (on SQLite a story row's CreatedAt and DeletedAt sit behind its Markdown body, on overflow pages). About 70
/// bytes per story and 10 per link; rebuilt by <see cref="StorySearch"/> when the store changes.
/// Design and figures: docs/adr/0005-search-design.md.
/// </summary>
internal sealed class LinkIndex
{
    // Stories are "slots" 0..n-1 in list order: newest first (CreatedAt desc, Id desc).
    private readonly long[] _ids;
    private readonly long[] _created;
    private readonly Dictionary<long, int> _slotOf;

    // The links of slot s are _linkEntity[_linkStart[s].._linkStart[s + 1]] (entity ordinals).
    private readonly int[] _linkStart;
    private readonly int[] _linkEntity;
    private readonly bool[] _linkAbout;
    private readonly float[] _linkScore;

    private readonly Entity[] _entities;
    private readonly Dictionary<long, int> _ordinalOf;

    // Per entity ordinal: the slots linking to it, ascending (newest first).
    private readonly int[][] _postings;

    private readonly Dictionary<int, object> _allFacets = [];

    private LinkIndex(long version, long[] ids, long[] created, Dictionary<long, int> slotOf, int[] linkStart, int[] linkEntity, bool[] linkAbout,
        float[] linkScore, Entity[] entities, Dictionary<long, int> ordinalOf)
    {
        Version = version;
        _ids = ids;
        _created = created;
        _slotOf = slotOf;
        _linkStart = linkStart;
        _linkEntity = linkEntity;
        _linkAbout = linkAbout;
        _linkScore = linkScore;
        _entities = entities;
        _ordinalOf = ordinalOf;

        var sizes = new int[entities.Length];
        foreach (var e in linkEntity)
        {
            sizes[e]++;
        }

        _postings = sizes.Select(n => new int[n]).ToArray();
        Array.Clear(sizes);
        for (var s = 0; s < ids.Length; s++)
        {
            for (var l = linkStart[s]; l < linkStart[s + 1]; l++)
            {
                var e = linkEntity[l];
                _postings[e][sizes[e]++] = s;
            }
        }
    }

    /// <summary>An entity as the facets show it.</summary>
    public sealed record Entity(long Id, EntityKind Kind, string Name, string Slug, bool IsHidden);

    /// <summary>The store's version (<see cref="StorySearch.StoreVersion"/>) this copy was made at.</summary>
    public long Version { get; }

    /// <summary>Live stories.</summary>
    public int Count => _ids.Length;

    /// <summary>Entities (ordinals are 0..EntityCount-1).</summary>
    public int EntityCount => _entities.Length;

    public long IdAt(int slot) => _ids[slot];

    public long CreatedTicksAt(int slot) => _created[slot];

    public Entity EntityAt(int ordinal) => _entities[ordinal];

    /// <summary>The slot of a live story, or -1 (deleted, unknown, or stored after this copy).</summary>
    public int SlotOf(long articleId) => _slotOf.GetValueOrDefault(articleId, -1);

    /// <summary>The ordinal of an entity, or -1.</summary>
    public int OrdinalOf(long entityId) => _ordinalOf.GetValueOrDefault(entityId, -1);

    /// <summary>The live stories linked to an entity, as ascending slots (newest first).</summary>
    public ReadOnlySpan<int> Posting(int ordinal) => _postings[ordinal];

    /// <summary>Whether the story in a slot links to any of the entity ordinals.</summary>
    public bool LinksAny(int slot, int[] ordinals)
    {
        for (var l = _linkStart[slot]; l < _linkStart[slot + 1]; l++)
        {
            if (Array.IndexOf(ordinals, _linkEntity[l]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The links of a story: entity ordinals and whether the story is about each.</summary>
    public IEnumerable<(int Ordinal, bool About)> LinksOf(int slot)
    {
        for (var l = _linkStart[slot]; l < _linkStart[slot + 1]; l++)
        {
            yield return (_linkEntity[l], _linkAbout[l]);
        }
    }

    /// <summary>
    /// The story's visible companies, countries and topics as a card shows them: the ones it is about
    /// first, then by the extractor's score (stored order among equals). No free tags, no hidden entities.
    /// </summary>
    public List<(Entity Entity, bool About)> ChipsOf(int slot)
    {
        var links = new List<(int Link, Entity Entity)>();
        for (var l = _linkStart[slot]; l < _linkStart[slot + 1]; l++)
        {
            var entity = _entities[_linkEntity[l]];
            if (!entity.IsHidden && entity.Kind != EntityKind.Tag)
            {
                links.Add((l, entity));
            }
        }

        // Insertion sort: a story has a handful of links, and it keeps equal ones in stored order.
        for (var i = 1; i < links.Count; i++)
        {
            var current = links[i];
            var j = i - 1;
            while (j >= 0 && Before(current.Link, links[j].Link))
            {
                links[j + 1] = links[j];
                j--;
            }

            links[j + 1] = current;
        }

        return links.ConvertAll(x => (x.Entity, _linkAbout[x.Link]));
    }

    private bool Before(int a, int b) =>
        _linkAbout[a] != _linkAbout[b] ? _linkAbout[a] : _linkScore[a] > _linkScore[b];

    /// <summary>Whether the story in a slot is about the entity (false when it does not link to it).</summary>
    public bool IsAbout(int slot, int ordinal)
    {
        for (var l = _linkStart[slot]; l < _linkStart[slot + 1]; l++)
        {
            if (_linkEntity[l] == ordinal)
            {
                return _linkAbout[l];
            }
        }

        return false;
    }

    /// <summary>Adds one to the count of every entity the story links to.</summary>
    public void CountLinks(int slot, int[] counts)
    {
        for (var l = _linkStart[slot]; l < _linkStart[slot + 1]; l++)
        {
            counts[_linkEntity[l]]++;
        }
    }

    /// <summary>
    /// The facets of the unfiltered list (the home page) for a top N, worked out once per copy:
    /// they are the same for every request until the store changes.
    /// </summary>
    public T AllFacets<T>(int perKind, Func<int[], T> top)
        where T : class
    {
        lock (_allFacets)
        {
            if (_allFacets.TryGetValue(perKind, out var cached))
            {
                return (T)cached;
            }
        }

        var made = top(_postings.Select(p => p.Length).ToArray());
        lock (_allFacets)
        {
            _allFacets[perKind] = made;
        }

        return made;
    }

    /// <summary>
    /// The first slot after a newest-first cursor (CreatedAt ticks, id): slots are sorted by that
    /// key descending, so this is a binary search.
    /// </summary>
    public int FirstSlotAfter(long ticks, long id)
    {
        int lo = 0, hi = _ids.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var after = _created[mid] < ticks || (_created[mid] == ticks && _ids[mid] < id);
            if (after)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// Reads the store in one read transaction. The entities and the (CreatedAt, Id) index are
    /// small; finding the soft-deleted stories scans <c>Articles</c> unless a partial index on
    /// <c>DeletedAt</c> exists; the live links are one scan of <c>ArticleEntities</c>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="within"/>, a copy of that id range's stories only (and every entity):
    /// alert matching checks an import's new stories against the same filters without copying the
    /// whole store, by the primary keys of <c>Articles</c> and <c>ArticleEntities</c>. Such a copy
    /// is in id order, newest first, without creation times (reading them would read each story's
    /// row, body and all). With <paramref name="onlyEntities"/> as well, a copy that knows only those
    /// entities and the links to them: alert matching needs no more than the entities its filters name.
    /// </remarks>
    public static async Task<LinkIndex> LoadAsync(DbTransaction tx, long version, IdRange? within, IReadOnlySet<long>? onlyEntities, CancellationToken ct)
    {
        var entities = await ReadEntitiesAsync(tx, onlyEntities, ct).ConfigureAwait(false);
        var (ids, created) = await ReadLiveStoriesAsync(tx, within, ct).ConfigureAwait(false);
        var slotOf = new Dictionary<long, int>(ids.Length);
        for (var s = 0; s < ids.Length; s++)
        {
            slotOf[ids[s]] = s;
        }

        var ordinalOf = new Dictionary<long, int>(entities.Count);
        for (var e = 0; e < entities.Count; e++)
        {
            ordinalOf[entities[e].Id] = e;
        }

        var links = await ReadLinksAsync(tx, slotOf, ordinalOf, within, ct).ConfigureAwait(false);

        // Links grouped by slot (compressed rows), keeping the stored order within a story.
        var start = new int[ids.Length + 1];
        foreach (var link in links)
        {
            start[link.Slot + 1]++;
        }

        for (var s = 0; s < ids.Length; s++)
        {
            start[s + 1] += start[s];
        }

        var fill = (int[])start.Clone();
        var linkEntity = new int[links.Count];
        var linkAbout = new bool[links.Count];
        var linkScore = new float[links.Count];
        foreach (var link in links)
        {
            var at = fill[link.Slot]++;
            linkEntity[at] = link.Ordinal;
            linkAbout[at] = link.About;
            linkScore[at] = link.Score;
        }

        return new LinkIndex(version, ids, created, slotOf, start, linkEntity, linkAbout, linkScore, [.. entities], ordinalOf);
    }

    private static async Task<List<Entity>> ReadEntitiesAsync(DbTransaction tx, IReadOnlySet<long>? only, CancellationToken ct)
    {
        var entities = new List<Entity>();
        using var command = Command(tx, "SELECT Id, Kind, Name, Slug, IsHidden FROM Entities");
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            if (only is null || only.Contains(id))
            {
                entities.Add(new Entity(id, (EntityKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4)));
            }
        }

        return entities;
    }

    /// <summary>The ids and creation ticks of the stories not deleted, newest first.</summary>
    private static async Task<(long[] Ids, long[] Created)> ReadLiveStoriesAsync(DbTransaction tx, IdRange? within, CancellationToken ct)
    {
        var deleted = new HashSet<long>();
        // Never limited to a range: the partial index on DeletedAt answers this alone, where a range
        // would read DeletedAt from each story's row, behind its body.
        using (var command = Command(tx, "SELECT Id FROM Articles WHERE DeletedAt IS NOT NULL"))
        using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                deleted.Add(reader.GetInt64(0));
            }
        }

        var stories = new List<(long Ticks, long Id)>();
        using (var command = within is null
            ? Command(tx, "SELECT Id, CreatedAt FROM Articles")
            : Command(tx, "SELECT Id, NULL FROM Articles WHERE 1 = 1", "Id", within))
        using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                if (!deleted.Contains(id))
                {
                    stories.Add((reader.IsDBNull(1) ? 0 : reader.GetDateTime(1).Ticks, id));
                }
            }
        }

        // Newest first, the home page's order; sorted here so the cursor comparisons agree with it exactly.
        stories.Sort((a, b) => a.Ticks != b.Ticks ? b.Ticks.CompareTo(a.Ticks) : b.Id.CompareTo(a.Id));
        return (stories.Select(s => s.Id).ToArray(), stories.Select(s => s.Ticks).ToArray());
    }

    /// <summary>The live links between the given stories and entities, by story slot and entity ordinal, in stored order.</summary>
    private static async Task<List<(int Slot, int Ordinal, bool About, float Score)>> ReadLinksAsync(
        DbTransaction tx, Dictionary<long, int> slotOf, Dictionary<long, int> ordinalOf, IdRange? within, CancellationToken ct)
    {
        var links = new List<(int Slot, int Ordinal, bool About, float Score)>();
        using var command = Command(tx, "SELECT ArticleId, EntityId, About, Score FROM ArticleEntities WHERE RemovedAt IS NULL", "ArticleId", within);
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            // The entity first: a copy that knows only some entities skips the other links' columns.
            if (ordinalOf.TryGetValue(reader.GetInt64(1), out var ordinal) && slotOf.TryGetValue(reader.GetInt64(0), out var slot))
            {
                links.Add((slot, ordinal, reader.GetBoolean(2), (float)reader.GetDouble(3)));
            }
        }

        return links;
    }

    // Plain SQL every engine reads alike: no engine functions, and the range's bounds as named
    // parameters (@first, @last), which both drivers take.
    private static DbCommand Command(DbTransaction tx, string sql, string? idColumn = null, IdRange? within = null)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
#pragma warning disable CA2100 // Constant SQL and a constant column name; the bounds are parameters.
        command.CommandText = within is null ? sql : $"{sql} AND {idColumn} BETWEEN @first AND @last";
#pragma warning restore CA2100
        if (within is { } r)
        {
            Add(command, "@first", r.First);
            Add(command, "@last", r.Last);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
