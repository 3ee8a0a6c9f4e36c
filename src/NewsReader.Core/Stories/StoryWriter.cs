using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;
using NewsReader.Core.Store;

namespace NewsReader.Core.Stories;

/// <summary>
/// Writes stories the one way, for the importer, curation and tagging alike, inside the caller's
/// write transaction (<see cref="StoreWrite"/>): a story's row, its MinHash bands, entity resolution
/// and creation (unique slugs per kind), link sync that keeps people's links and removals, and the
/// names copy the full-text index reads. The rules live here only: a person's headline and summary
/// win over the machine's; two names of one entity in a story make one link (about if either is,
/// mentions added, the higher score).
/// </summary>
internal sealed class StoryWriter : IDisposable
{
    // Most rows of one multi-row INSERT of entity links. SQLite's ADO.NET driver binds every parameter
    // by name, and SQLite finds a name by scanning the statement's names, so binding grows with the
    // square of the parameter count: rows share the story id and time, and 16 rows go in one statement
    // (measured: with 50 rows of 7 parameters, string comparison was ~0.2 s of a 10 MB import; docs/performance.md).
    private const int LinksPerInsert = 16;

    private static readonly string[] InsertLinksSqlByRows = new string[LinksPerInsert + 1];

    // All of a story's bands in one statement: one prepared multi-row INSERT instead of ten round trips.
    private static readonly string InsertAllBandsSql = "INSERT INTO ArticleBands (ArticleId, Band, Key) VALUES " +
        string.Join(", ", Enumerable.Range(0, MinHasher.Bands).Select(b => Invariant($"($p0, {b}, $p{b + 1})")));

    private readonly IStatements _sql;
    private readonly bool _ownsStatements;
    private readonly StoreEngine _engine;
    private readonly DateTime _now;

    // Entities seen so far (all of them after LoadEntitiesAsync); without that, misses are looked up.
    private readonly Dictionary<(EntityKind Kind, string Key), long> _aliases = [];
    private readonly Dictionary<long, string> _entityNames = [];
    private readonly Dictionary<EntityKind, HashSet<string>> _entitySlugs = [];
    private bool _allEntitiesLoaded;

    // Story slugs taken by this writer, and the next suffix to try per base slug.
    private readonly HashSet<string> _storySlugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSlugSuffix = new(StringComparer.Ordinal);

    /// <summary>A writer on statements the caller owns (the importer's, reused for a whole file).</summary>
    public StoryWriter(IStatements sql, StoreEngine engine, DateTime now)
        : this(sql, engine, now, ownsStatements: false)
    {
    }

    private StoryWriter(IStatements sql, StoreEngine engine, DateTime now, bool ownsStatements)
    {
        _sql = sql;
        _engine = engine;
        _now = now;
        _ownsStatements = ownsStatements;
    }

    /// <summary>
    /// When false, story slugs are checked against this writer's own only: the importer knows the
    /// store held no stories before its run.
    /// </summary>
    public bool StoreMayHoldSlugs { get; set; } = true;

    /// <summary>A writer inside an EF context's write transaction (curation, tagging).</summary>
    public static StoryWriter Open(NewsDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("StoryWriter needs a write transaction (StoreWrite).");
        var engine = StoreEngine.Of(db);
        return new StoryWriter(engine.Statements.Open(db.Database.GetDbConnection(), tx.GetDbTransaction()), engine, now, ownsStatements: true);
    }

    /// <summary>Keeps every entity and alias in memory: an import resolves thousands of names.</summary>
    public async Task LoadEntitiesAsync(CancellationToken ct)
    {
        var reader = await _sql.ReadAsync("SELECT Id, Kind, Name, Slug FROM Entities", ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                _entityNames[reader.GetInt64(0)] = reader.GetString(2);
                SlugsOf((EntityKind)reader.GetInt32(1)).Add(reader.GetString(3));
            }
        }

        reader = await _sql.ReadAsync("SELECT Kind, Key, EntityId FROM EntityAliases", ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                _aliases[((EntityKind)reader.GetInt32(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        _allEntitiesLoaded = true;
    }

    /// <summary>A story slug no stored story and no story of this writer has: <c>-2</c>, <c>-3</c>... when taken.</summary>
    public async Task<string> UniqueStorySlugAsync(string wanted, CancellationToken ct)
    {
        var slug = wanted.Length > 0 ? wanted : "story";

        // Suffixes tried once are not tried again: stories sharing a headline cost one look-up each,
        // not one per story before them.
        var n = _nextSlugSuffix.GetValueOrDefault(slug, 1);
        var candidate = n == 1 ? slug : Invariant($"{slug}-{n}");
        while (_storySlugs.Contains(candidate) || (StoreMayHoldSlugs && await _sql.ScalarAsync("SELECT 1 FROM Articles WHERE Slug = $p0", ct, candidate).ConfigureAwait(false) is not null))
        {
            candidate = Invariant($"{slug}-{++n}");
        }

        _nextSlugSuffix[slug] = n + 1;
        _storySlugs.Add(candidate);
        return candidate;
    }

    /// <summary>Inserts a new story with its bands and extracted links; its id.</summary>
    public async Task<long> InsertAsync(string slug, StoryContent text, IReadOnlyList<ResolvedLink> links, DateTime createdAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = await _sql.InsertAsync(
            "INSERT INTO Articles (Slug, Title, Summary, Body, Entities, Fingerprint, SourceFile, SourcePosition, StartConfidence, CreatedByRunId, CreatedAt, UpdatedAt) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)", ct,
            slug, text.Title, text.Summary, text.Body, EntityText(links), text.Fingerprint, text.SourceFile ?? string.Empty, text.SourcePosition ?? 0,
            text.StartConfidence ?? 1.0, text.RunId, createdAt, _now).ConfigureAwait(false);
        await InsertBandsAsync(id, text.Bands, ct).ConfigureAwait(false);
        await InsertLinksAsync(id, links, ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// Gives a stored story a new text: body, fingerprint, bands, headline and summary (unless a
    /// person edited them), the source when given. Then call <see cref="SyncLinksAsync"/>.
    /// </summary>
    public async Task ReplaceTextAsync(long id, StoryContent text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A person's headline or summary wins over the machine's, whatever the new text.
        await _sql.ExecuteAsync(
            "UPDATE Articles SET Title = CASE WHEN TitleEditedAt IS NULL THEN $p1 ELSE Title END, " +
            "Summary = CASE WHEN SummaryEditedAt IS NULL THEN $p2 ELSE Summary END, Body = $p3, Fingerprint = $p4, " +
            "SourceFile = COALESCE($p5, SourceFile), SourcePosition = COALESCE($p6, SourcePosition), StartConfidence = COALESCE($p7, StartConfidence), " +
            "UpdatedAt = $p8, UpdatedByRunId = COALESCE($p9, UpdatedByRunId) WHERE Id = $p0", ct,
            id, text.Title, text.Summary, text.Body, text.Fingerprint, text.SourceFile, text.SourcePosition, text.StartConfidence, _now, text.RunId)
            .ConfigureAwait(false);
        await _sql.ExecuteAsync("DELETE FROM ArticleBands WHERE ArticleId = $p0", ct, id).ConfigureAwait(false);
        await InsertBandsAsync(id, text.Bands, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces a story's extracted links with <paramref name="links"/>; a person's links and a
    /// person's removals (tombstones) stay. Then refreshes the names copy.
    /// </summary>
    public async Task SyncLinksAsync(long id, IReadOnlyList<ResolvedLink> links, CancellationToken ct)
    {
        await SyncExtractedLinksAsync(id, links, ct).ConfigureAwait(false);
        await RefreshEntityTextAsync(id, ct).ConfigureAwait(false);
    }

    /// <summary>Rewrites the names copy the full-text index reads; after any change to a story's links.</summary>
    public Task RefreshEntityTextAsync(long id, CancellationToken ct) => _engine.SearchIndex.RefreshEntityTextAsync(_sql, id, ct);

    /// <summary>Maps extracted names to entities through their aliases, creating the ones never seen.</summary>
    public async Task<List<ResolvedLink>> ResolveAsync(ExtractedEntities entities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var links = new List<ResolvedLink>(entities.Entities.Count);
        foreach (var mention in entities.Entities)
        {
            var kind = mention.Kind;
            var key = NameKey.Of(mention.Name);
            if (key.Length == 0)
            {
                continue;
            }

            var entityId = await FindAsync(kind, key, ct).ConfigureAwait(false)
                ?? await CreateEntityAsync(kind, mention.Name.Trim(), key, createdBy: null, ct).ConfigureAwait(false);
            var index = links.FindIndex(l => l.EntityId == entityId);
            var link = new ResolvedLink(entityId, _entityNames[entityId], mention.About, mention.Mentions, mention.Score);
            if (index < 0)
            {
                links.Add(link);
            }
            else
            {
                // Two names of one entity (an alias and its canonical name) in one story: one link.
                var other = links[index];
                links[index] = other with
                {
                    About = other.About || link.About,
                    Mentions = other.Mentions + link.Mentions,
                    Score = Math.Max(other.Score, link.Score),
                };
            }
        }

        return links;
    }

    /// <summary>An entity with a unique slug among its kind (<c>-2</c>, <c>-3</c>... when taken) and its name as its first alias.</summary>
    public async Task<long> CreateEntityAsync(EntityKind kind, string name, string key, string? createdBy, CancellationToken ct)
    {
        // A person's tag without Latin letters or digits is "tag"; otherwise the slug of the name.
        var baseSlug = kind == EntityKind.Tag && !name.Normalize(NormalizationForm.FormD).Any(char.IsAsciiLetterOrDigit)
            ? "tag"
            : SlugSet.Slugify(name);

        var slug = baseSlug;
        for (var n = 2; await SlugTakenAsync(kind, slug, ct).ConfigureAwait(false); n++)
        {
            slug = Invariant($"{baseSlug}-{n}");
        }

        SlugsOf(kind).Add(slug);
        var id = await _sql.InsertAsync(
            "INSERT INTO Entities (Kind, Name, Slug, IsHidden, CreatedAt, CreatedBy) VALUES ($p0, $p1, $p2, FALSE, $p3, $p4)", ct,
            (int)kind, name, slug, _now, createdBy).ConfigureAwait(false);
        await _sql.ExecuteAsync("INSERT INTO EntityAliases (EntityId, Kind, Name, Key) VALUES ($p0, $p1, $p2, $p3)", ct,
            id, (int)kind, name, key).ConfigureAwait(false);
        _aliases[(kind, key)] = id;
        _entityNames[id] = name;
        return id;
    }

    public void Dispose()
    {
        if (_ownsStatements)
        {
            _sql.Dispose();
        }
    }

    private async Task<long?> FindAsync(EntityKind kind, string key, CancellationToken ct)
    {
        if (_aliases.TryGetValue((kind, key), out var known))
        {
            return known;
        }

        if (_allEntitiesLoaded)
        {
            return null;
        }

        var reader = await _sql.ReadAsync(
            "SELECT e.Id, e.Name FROM EntityAliases a JOIN Entities e ON e.Id = a.EntityId WHERE a.Kind = $p0 AND a.Key = $p1 LIMIT 1", ct,
            (int)kind, key).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            var id = reader.GetInt64(0);
            _aliases[(kind, key)] = id;
            _entityNames[id] = reader.GetString(1);
            return id;
        }
    }

    private async Task<bool> SlugTakenAsync(EntityKind kind, string slug, CancellationToken ct) =>
        SlugsOf(kind).Contains(slug)
        || (!_allEntitiesLoaded && await _sql.ScalarAsync("SELECT 1 FROM Entities WHERE Kind = $p0 AND Slug = $p1", ct, (int)kind, slug).ConfigureAwait(false) is not null);

    private HashSet<string> SlugsOf(EntityKind kind)
    {
        if (!_entitySlugs.TryGetValue(kind, out var set))
        {
            _entitySlugs[kind] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private async Task SyncExtractedLinksAsync(long articleId, IReadOnlyList<ResolvedLink> links, CancellationToken ct)
    {
        var existing = new Dictionary<long, (LinkOrigin Origin, bool Removed)>();
        var reader = await _sql.ReadAsync("SELECT EntityId, Origin, RemovedAt IS NOT NULL FROM ArticleEntities WHERE ArticleId = $p0", ct, articleId).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                existing[reader.GetInt64(0)] = ((LinkOrigin)reader.GetInt32(1), reader.GetBoolean(2));
            }
        }

        var wanted = links.Select(l => l.EntityId).ToHashSet();
        foreach (var (entityId, state) in existing)
        {
            if (state is { Origin: LinkOrigin.Extracted, Removed: false } && !wanted.Contains(entityId))
            {
                await _sql.ExecuteAsync("DELETE FROM ArticleEntities WHERE ArticleId = $p0 AND EntityId = $p1", ct, articleId, entityId).ConfigureAwait(false);
            }
        }

        var added = new List<ResolvedLink>();
        foreach (var link in links)
        {
            if (!existing.TryGetValue(link.EntityId, out var state))
            {
                added.Add(link);
            }
            else if (state is { Origin: LinkOrigin.Extracted, Removed: false })
            {
                await _sql.ExecuteAsync("UPDATE ArticleEntities SET About = $p2, Mentions = $p3, Score = $p4 WHERE ArticleId = $p0 AND EntityId = $p1", ct,
                    articleId, link.EntityId, link.About, link.Mentions, link.Score).ConfigureAwait(false);
            }
        }

        await InsertLinksAsync(articleId, added, ct).ConfigureAwait(false);
    }

    // A story's new extracted links in multi-row INSERTs (one prepared statement per row count) instead of a round trip each.
    private async Task InsertLinksAsync(long articleId, IReadOnlyList<ResolvedLink> links, CancellationToken ct)
    {
        for (var from = 0; from < links.Count; from += LinksPerInsert)
        {
            var rows = Math.Min(LinksPerInsert, links.Count - from);
            var args = new object?[2 + (rows * 4)];
            args[0] = articleId;
            args[1] = _now;
            for (var r = 0; r < rows; r++)
            {
                var link = links[from + r];
                args[2 + (r * 4)] = link.EntityId;
                args[3 + (r * 4)] = link.About;
                args[4 + (r * 4)] = link.Mentions;
                args[5 + (r * 4)] = link.Score;
            }

            await _sql.ExecuteAsync(InsertLinksSql(rows), ct, args).ConfigureAwait(false);
        }
    }

    // $p0 the story, $p1 the time, then four per row: entity, about, mentions, score.
    private static string InsertLinksSql(int rows) => InsertLinksSqlByRows[rows] ??=
        "INSERT INTO ArticleEntities (ArticleId, EntityId, Origin, About, Mentions, Score, AddedAt) VALUES " +
        string.Join(", ", Enumerable.Range(0, rows).Select(r => Invariant(
            $"($p0, $p{2 + (r * 4)}, {(int)LinkOrigin.Extracted}, $p{3 + (r * 4)}, $p{4 + (r * 4)}, $p{5 + (r * 4)}, $p1)")));

    private async Task InsertBandsAsync(long articleId, long[] keys, CancellationToken ct)
    {
        if (keys.Length == MinHasher.Bands)
        {
            var args = new object?[MinHasher.Bands + 1];
            args[0] = articleId;
            for (var b = 0; b < keys.Length; b++)
            {
                args[b + 1] = keys[b];
            }

            await _sql.ExecuteAsync(InsertAllBandsSql, ct, args).ConfigureAwait(false);
            return;
        }

        for (var b = 0; b < keys.Length; b++)
        {
            await _sql.ExecuteAsync("INSERT INTO ArticleBands (ArticleId, Band, Key) VALUES ($p0, $p1, $p2)", ct, articleId, b, keys[b]).ConfigureAwait(false);
        }
    }

    private static string EntityText(IReadOnlyList<ResolvedLink> links) => string.Join('\n', links.Select(l => l.Name));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A story's text and what is derived from it; null source fields keep the stored ones on a replace.</summary>
internal sealed record StoryContent(string Title, string Summary, string Body, string Fingerprint, long[] Bands)
{
    public string? SourceFile { get; init; }

    public int? SourcePosition { get; init; }

    public double? StartConfidence { get; init; }

    /// <summary>The import run that wrote it (created or updated by), if any.</summary>
    public long? RunId { get; init; }
}

/// <summary>A story's link to an entity as extraction resolved it.</summary>
internal sealed record ResolvedLink(long EntityId, string Name, bool About, int Mentions, double Score);
