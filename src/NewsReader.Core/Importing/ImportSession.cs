using System.Globalization;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;
using NewsReader.Core.Store;

namespace NewsReader.Core.Importing;

/// <summary>One import run inside its transaction: decides each story's outcome and writes it.</summary>
internal sealed class ImportSession(IStatements sql, StoreEngine engine, DateTime now, ImportSource source, ImportOptions options, KnownFingerprints known)
{
    // Most rows of one multi-row INSERT of entity links. SQLite's ADO.NET driver binds every parameter by
    // name, and SQLite finds a name by scanning the statement's names, so binding grows with the square
    // of the parameter count: rows share the story id and time, and 16 rows go in one statement
    // (measured: with 50 rows of 7 parameters, string comparison was ~0.2 s of a 10 MB import; docs/performance.md).
    private const int LinksPerInsert = 16;

    /// <summary>
    /// Characters of new stories indexed for search per statement while the run goes on (see
    /// <see cref="ISearchIndex.IndexImportRunAsync"/>). FTS5 writes its pending terms out as a new
    /// index segment at the next statement that opens a statement journal (every story's INSERT, as
    /// Articles has triggers), so each batch becomes at least one segment; batches of 64 stories
    /// (~0.3 MB) made many small segments, and writing and merging them cost ~0.1 s per 10 MB file
    /// (docs/performance.md). About 2 MB per batch lets FTS5's own 1 MB buffer decide the segments.
    /// </summary>
    internal const int IndexBatchChars = 2_000_000;

    private readonly Dictionary<(NewsEntityKind Kind, string Key), long> _aliases = [];
    private readonly Dictionary<long, string> _entityNames = [];
    private readonly Dictionary<NewsEntityKind, HashSet<string>> _entitySlugs = [];
    private readonly Dictionary<string, long> _seenFingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long?> _articleAt = [];
    private readonly List<(int? Position, long? ArticleId, string Text)> _messages = [];
    private long _runId;
    private int _new;
    private int _updated;
    private int _unchanged;
    private int _duplicates;
    private int _rejected;

    // What the store held before this run, read under the lock: when it had no stories, slugs and
    // near-duplicates need only be checked against this run's own stories, which are kept here.
    private bool _storeHadStories;
    private bool _knownIsCurrent;

    // This run's new stories have ids above _lastIdBefore; those up to _indexedUpTo are in the search index.
    private long _lastIdBefore;
    private long _indexedUpTo;
    private long _lastNewId;
    private long _unindexedChars;
    private readonly HashSet<string> _runSlugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSlugSuffix = new(StringComparer.Ordinal); // suffixes below are taken
    private readonly Dictionary<long, List<long>> _runBands = [];
    private readonly Dictionary<long, (string Body, long[] BandKeys)> _runStories = [];

    /// <param name="found">How many stories the file has.</param>
    /// <param name="stories">The stories in file order (possibly still being prepared while enumerated).</param>
    public async Task<ImportReport> RunAsync(int found, IEnumerable<IncomingStory> stories, CancellationToken ct)
    {
        await engine.Statements.PrepareBulkWriteAsync(sql, ct).ConfigureAwait(false);
        _runId = await sql.InsertAsync(
            "INSERT INTO ImportRuns (FileName, Sha256, SizeBytes, StartedBy, StartedAt, Status, Found, New, Updated, Unchanged, DuplicatesInFile, Rejected) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, 0, 0, 0, 0, 0)", ct,
            source.FileName, source.Sha256, source.SizeBytes, options.StartedBy, now, (int)ImportStatus.Running, found).ConfigureAwait(false);
        await LoadEntitiesAsync(ct).ConfigureAwait(false);
        var lastIdBefore = (long)(await sql.ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM Articles", ct).ConfigureAwait(false))!;
        _lastIdBefore = _indexedUpTo = _lastNewId = lastIdBefore;
        var lastRevisionBefore = (long)(await sql.ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM ArticleRevisions", ct).ConfigureAwait(false))!;
        _storeHadStories = await sql.ScalarAsync("SELECT 1 FROM Articles LIMIT 1", ct).ConfigureAwait(false) is not null;

        // Nothing written since the known fingerprints were read: a fingerprint not among them is not stored.
        _knownIsCurrent = lastIdBefore == known.LastArticleId && lastRevisionBefore == known.LastRevisionId;

        var reports = new List<StoryReport>(found);
        foreach (var story in stories)
        {
            ct.ThrowIfCancellationRequested();
            var report = await HandleAsync(story, ct).ConfigureAwait(false);
            _articleAt[story.Article.Index] = report.ArticleId;
            reports.Add(report);
            if (report.Message is { } m && report.Outcome != StoryOutcome.New && report.Outcome != StoryOutcome.Unchanged)
            {
                _messages.Add((report.Position, report.ArticleId, m));
            }

            options.Progress?.Report(new ImportProgress(found, reports.Count));
        }

        // Must run while the run is still Running and before the status update below: from then on the
        // triggers index this run's stories themselves.
        await IndexNewStoriesAsync(ct).ConfigureAwait(false);
        foreach (var (position, articleId, text) in _messages)
        {
            await sql.ExecuteAsync("INSERT INTO ImportRunMessages (ImportRunId, Position, ArticleId, Text) VALUES ($p0, $p1, $p2, $p3)", ct,
                _runId, position, articleId, text).ConfigureAwait(false);
        }

        await sql.ExecuteAsync(
            "UPDATE ImportRuns SET Status = $p1, FinishedAt = $p2, New = $p3, Updated = $p4, Unchanged = $p5, DuplicatesInFile = $p6, Rejected = $p7 WHERE Id = $p0", ct,
            _runId, (int)ImportStatus.Succeeded, now, _new, _updated, _unchanged, _duplicates, _rejected).ConfigureAwait(false);
        return new ImportReport(_runId, source.FileName, ImportStatus.Succeeded, new ImportCounts(found, _new, _updated, _unchanged, _duplicates, _rejected),
            reports, _messages.Select(m => m.Position is { } p ? $"story #{p + 1}: {m.Text}" : m.Text).ToList(), FastPath: false);
    }

    private async Task<StoryReport> HandleAsync(IncomingStory story, CancellationToken ct)
    {
        var position = story.Article.Index;
        if (story.Article.DuplicateOf is { } original)
        {
            _duplicates++;
            return new StoryReport(position, StoryOutcome.DuplicateInFile, _articleAt.GetValueOrDefault(original), null,
                Invariant($"repeats story #{original + 1} of the file: not stored twice"));
        }

        if (!story.HasText)
        {
            _rejected++;
            return new StoryReport(position, StoryOutcome.Rejected, null, null, "no text: nothing to store");
        }

        if (_seenFingerprints.TryGetValue(story.Fingerprint, out var sameInFile))
        {
            _duplicates++;
            return new StoryReport(position, StoryOutcome.DuplicateInFile, sameInFile, null, "same text as an earlier story of the file: not stored twice");
        }

        // Exact: the same normalised text is stored, or was stored and superseded (a revision). This
        // run's own texts are in _seenFingerprints, so only fingerprints known before need a look-up.
        var mayBeStored = !_knownIsCurrent || known.Fingerprints.Contains(story.Fingerprint);
        var existing = !mayBeStored ? null
            : await sql.ScalarAsync("SELECT Id FROM Articles WHERE Fingerprint = $p0", ct, story.Fingerprint).ConfigureAwait(false)
                ?? await sql.ScalarAsync("SELECT ArticleId FROM ArticleRevisions WHERE Fingerprint = $p0 LIMIT 1", ct, story.Fingerprint).ConfigureAwait(false);
        if (existing is long id)
        {
            _unchanged++;
            _seenFingerprints[story.Fingerprint] = id;
            return new StoryReport(position, StoryOutcome.Unchanged, id, null, null);
        }

        var near = await FindNearDuplicateAsync(story, ct).ConfigureAwait(false);
        var report = near is { } match
            ? await UpdateAsync(match.ArticleId, match.Resemblance, story, ct).ConfigureAwait(false)
            : await InsertAsync(story, ct).ConfigureAwait(false);
        _seenFingerprints[story.Fingerprint] = report.ArticleId!.Value;
        return report;
    }

    private async Task<(long ArticleId, double Resemblance)?> FindNearDuplicateAsync(IncomingStory story, CancellationToken ct)
    {
        var keys = story.BandKeys;
        if (keys.Length != MinHasher.Bands)
        {
            return null;
        }

        var candidates = new List<long>();
        if (_storeHadStories)
        {
            var reader = await sql.ReadAsync(
                "SELECT DISTINCT ArticleId FROM ArticleBands WHERE Key IN ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)", ct,
                keys.Cast<object?>().ToArray()).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    candidates.Add(reader.GetInt64(0));
                }
            }
        }
        else
        {
            // An empty store before this run: the only stored bands are this run's, held here too.
            foreach (var key in keys)
            {
                if (_runBands.TryGetValue(key, out var ids))
                {
                    candidates.AddRange(ids.Where(i => !candidates.Contains(i)));
                }
            }
        }

        (long, double)? best = null;
        foreach (var candidate in candidates)
        {
            var body = _runStories.TryGetValue(candidate, out var stored)
                ? stored.Body
                : (string?)await sql.ScalarAsync("SELECT Body FROM Articles WHERE Id = $p0", ct, candidate).ConfigureAwait(false);
            var resemblance = MinHasher.Jaccard(story.Shingles, MinHasher.Shingles(body ?? string.Empty));
            if (resemblance >= MinHasher.Threshold && (best is null || resemblance > best.Value.Item2))
            {
                best = (candidate, resemblance);
            }
        }

        return best;
    }

    private async Task<StoryReport> InsertAsync(IncomingStory story, CancellationToken ct)
    {
        var a = story.Article;
        var slug = await UniqueArticleSlugAsync(a.Slug.Length > 0 ? a.Slug : SlugSet.Slugify(a.Title), ct).ConfigureAwait(false);
        var links = await ResolveAsync(story.Entities, ct).ConfigureAwait(false);
        var id = await sql.InsertAsync(
            "INSERT INTO Articles (Slug, Title, Summary, Body, Entities, Fingerprint, SourceFile, SourcePosition, StartConfidence, CreatedByRunId, CreatedAt, UpdatedAt) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p10)", ct,
            slug, a.Title, a.Summary, story.Body, EntityText(links), story.Fingerprint, source.FileName, a.Index, a.StartConfidence, _runId, now)
            .ConfigureAwait(false);
        await WriteBandsAsync(id, story, ct).ConfigureAwait(false);
        await InsertLinksAsync(id, links, ct).ConfigureAwait(false);
        _new++;
        _lastNewId = id;
        _unindexedChars += a.Title.Length + a.Summary.Length + story.Body.Length;
        if (_unindexedChars >= IndexBatchChars)
        {
            await IndexNewStoriesAsync(ct).ConfigureAwait(false);
        }

        return new StoryReport(a.Index, StoryOutcome.New, id, slug, null);
    }

    private async Task<StoryReport> UpdateAsync(long id, double resemblance, IncomingStory story, CancellationToken ct)
    {
        var a = story.Article;
        _updated++;
        string oldTitle, oldSummary, oldBody, oldFingerprint, oldSource, slug;
        var reader = await sql.ReadAsync("SELECT Title, Summary, Body, Fingerprint, SourceFile, Slug FROM Articles WHERE Id = $p0", ct, id).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(ct).ConfigureAwait(false);
            (oldTitle, oldSummary, oldBody, oldFingerprint, oldSource, slug) =
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
        }

        const string InsertRevision =
            "INSERT INTO ArticleRevisions (ArticleId, Title, Summary, Body, Fingerprint, Reason, SourceFile, ImportRunId, CreatedAt) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)";
        if (story.Body.Length < ReplaceRatio * oldBody.Length)
        {
            await sql.ExecuteAsync(InsertRevision, ct, id, a.Title, a.Summary, story.Body, story.Fingerprint, (int)RevisionReason.NotUsed,
                source.FileName, _runId, now).ConfigureAwait(false);
            return new StoryReport(a.Index, StoryOutcome.Updated, id, slug,
                Invariant($"near-duplicate (resemblance {resemblance:0.00}) of stored story '{slug}', whose text is fuller: stored text kept, this one saved as a revision"));
        }

        await sql.ExecuteAsync(InsertRevision, ct, id, oldTitle, oldSummary, oldBody, oldFingerprint, (int)RevisionReason.Replaced,
            oldSource, _runId, now).ConfigureAwait(false);

        // A story this run created and already indexed: its triggers are off while the run is Running,
        // so it leaves the index here with its old text and comes back below with the new one.
        var reindex = id > _lastIdBefore && id <= _indexedUpTo;
        if (reindex)
        {
            await engine.SearchIndex.UnindexAsync(sql, id, ct).ConfigureAwait(false);
        }

        // A person's headline or summary wins over the machine's, whatever the new text.
        await sql.ExecuteAsync(
            "UPDATE Articles SET Title = CASE WHEN TitleEditedAt IS NULL THEN $p1 ELSE Title END, " +
            "Summary = CASE WHEN SummaryEditedAt IS NULL THEN $p2 ELSE Summary END, Body = $p3, Fingerprint = $p4, " +
            "SourceFile = $p5, SourcePosition = $p6, StartConfidence = $p7, UpdatedAt = $p8, UpdatedByRunId = $p9 WHERE Id = $p0", ct,
            id, a.Title, a.Summary, story.Body, story.Fingerprint, source.FileName, a.Index, a.StartConfidence, now, _runId).ConfigureAwait(false);
        await sql.ExecuteAsync("DELETE FROM ArticleBands WHERE ArticleId = $p0", ct, id).ConfigureAwait(false);
        ForgetRunBands(id);
        await WriteBandsAsync(id, story, ct).ConfigureAwait(false);
        await SyncExtractedLinksAsync(id, await ResolveAsync(story.Entities, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        await engine.SearchIndex.RefreshEntityTextAsync(sql, id, ct).ConfigureAwait(false);
        if (reindex)
        {
            await engine.SearchIndex.IndexAsync(sql, id, ct).ConfigureAwait(false);
        }

        return new StoryReport(a.Index, StoryOutcome.Updated, id, slug,
            Invariant($"near-duplicate (resemblance {resemblance:0.00}) of stored story '{slug}': text replaced, the previous one kept as a revision"));
    }

    private async Task IndexNewStoriesAsync(CancellationToken ct)
    {
        if (_lastNewId > _indexedUpTo)
        {
            await engine.SearchIndex.IndexImportRunAsync(sql, _runId, _indexedUpTo, _lastNewId, ct).ConfigureAwait(false);
            _indexedUpTo = _lastNewId;
            _unindexedChars = 0;
        }
    }

    private static double ReplaceRatio => ArticleImporter.ReplaceWhenLengthRatioAtLeast;

    /// <summary>Replaces the extractor's links; a person's links and a person's removals (tombstones) stay.</summary>
    private async Task SyncExtractedLinksAsync(long articleId, List<ResolvedLink> links, CancellationToken ct)
    {
        var existing = new Dictionary<long, (LinkOrigin Origin, bool Removed)>();
        var reader = await sql.ReadAsync("SELECT EntityId, Origin, RemovedAt IS NOT NULL FROM ArticleEntities WHERE ArticleId = $p0", ct, articleId).ConfigureAwait(false);
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
                await sql.ExecuteAsync("DELETE FROM ArticleEntities WHERE ArticleId = $p0 AND EntityId = $p1", ct, articleId, entityId).ConfigureAwait(false);
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
                await sql.ExecuteAsync("UPDATE ArticleEntities SET About = $p2, Mentions = $p3, Score = $p4 WHERE ArticleId = $p0 AND EntityId = $p1", ct,
                    articleId, link.EntityId, link.About, link.Mentions, link.Score).ConfigureAwait(false);
            }
        }

        await InsertLinksAsync(articleId, added, ct).ConfigureAwait(false);
    }

    // A story's new extracted links in multi-row INSERTs (one prepared statement per row count) instead of a round trip each.
    private async Task InsertLinksAsync(long articleId, List<ResolvedLink> links, CancellationToken ct)
    {
        for (var from = 0; from < links.Count; from += LinksPerInsert)
        {
            var rows = Math.Min(LinksPerInsert, links.Count - from);
            var args = new object?[2 + (rows * 4)];
            args[0] = articleId;
            args[1] = now;
            for (var r = 0; r < rows; r++)
            {
                var link = links[from + r];
                args[2 + (r * 4)] = link.EntityId;
                args[3 + (r * 4)] = link.About;
                args[4 + (r * 4)] = link.Mentions;
                args[5 + (r * 4)] = link.Score;
            }

            await sql.ExecuteAsync(InsertLinksSql(rows), ct, args).ConfigureAwait(false);
        }
    }

    private static readonly string[] InsertLinksSqlByRows = new string[LinksPerInsert + 1];

    // $p0 the story, $p1 the time, then four per row: entity, about, mentions, score.
    private static string InsertLinksSql(int rows) => InsertLinksSqlByRows[rows] ??=
        "INSERT INTO ArticleEntities (ArticleId, EntityId, Origin, About, Mentions, Score, AddedAt) VALUES " +
        string.Join(", ", Enumerable.Range(0, rows).Select(r => Invariant(
            $"($p0, $p{2 + (r * 4)}, {(int)LinkOrigin.Extracted}, $p{3 + (r * 4)}, $p{4 + (r * 4)}, $p{5 + (r * 4)}, $p1)")));

    // All of a story's bands in one statement: one prepared multi-row INSERT instead of ten round trips.
    private static readonly string InsertAllBandsSql = "INSERT INTO ArticleBands (ArticleId, Band, Key) VALUES " +
        string.Join(", ", Enumerable.Range(0, MinHasher.Bands).Select(b => Invariant($"($p0, {b}, $p{b + 1})")));

    private async Task WriteBandsAsync(long articleId, IncomingStory story, CancellationToken ct)
    {
        var keys = story.BandKeys;
        _runStories[articleId] = (story.Body, keys);
        foreach (var key in keys)
        {
            if (!_runBands.TryGetValue(key, out var ids))
            {
                _runBands[key] = ids = [];
            }

            ids.Add(articleId);
        }

        if (keys.Length == MinHasher.Bands)
        {
            var args = new object?[MinHasher.Bands + 1];
            args[0] = articleId;
            for (var b = 0; b < keys.Length; b++)
            {
                args[b + 1] = keys[b];
            }

            await sql.ExecuteAsync(InsertAllBandsSql, ct, args).ConfigureAwait(false);
            return;
        }

        for (var b = 0; b < keys.Length; b++)
        {
            await sql.ExecuteAsync("INSERT INTO ArticleBands (ArticleId, Band, Key) VALUES ($p0, $p1, $p2)", ct, articleId, b, keys[b]).ConfigureAwait(false);
        }
    }

    private void ForgetRunBands(long articleId)
    {
        if (_runStories.Remove(articleId, out var old))
        {
            foreach (var key in old.BandKeys)
            {
                _runBands.GetValueOrDefault(key)?.Remove(articleId);
            }
        }
    }

    private async Task<string> UniqueArticleSlugAsync(string slug, CancellationToken ct)
    {
        // Suffixes tried once in this run are not tried again: stories sharing a headline cost one
        // look-up each, not one per story before them.
        var n = _nextSlugSuffix.GetValueOrDefault(slug, 1);
        var candidate = n == 1 ? slug : Invariant($"{slug}-{n}");
        while (_runSlugs.Contains(candidate) || (_storeHadStories && await SlugStoredAsync(candidate, ct).ConfigureAwait(false)))
        {
            candidate = Invariant($"{slug}-{++n}");
        }

        _nextSlugSuffix[slug] = n + 1;
        _runSlugs.Add(candidate);
        return candidate;
    }

    private async Task<bool> SlugStoredAsync(string slug, CancellationToken ct) =>
        await sql.ScalarAsync("SELECT 1 FROM Articles WHERE Slug = $p0", ct, slug).ConfigureAwait(false) is not null;

    private async Task LoadEntitiesAsync(CancellationToken ct)
    {
        var reader = await sql.ReadAsync("SELECT Id, Kind, Name, Slug FROM Entities", ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                _entityNames[reader.GetInt64(0)] = reader.GetString(2);
                SlugsOf((NewsEntityKind)reader.GetInt32(1)).Add(reader.GetString(3));
            }
        }

        reader = await sql.ReadAsync("SELECT Kind, Key, EntityId FROM EntityAliases", ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                _aliases[((NewsEntityKind)reader.GetInt32(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }
    }

    private HashSet<string> SlugsOf(NewsEntityKind kind)
    {
        if (!_entitySlugs.TryGetValue(kind, out var set))
        {
            _entitySlugs[kind] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    /// <summary>Maps extracted names to entities through their aliases, creating the ones never seen.</summary>
    private async Task<List<ResolvedLink>> ResolveAsync(ArticleEntities entities, CancellationToken ct)
    {
        var links = new List<ResolvedLink>(entities.Entities.Count);
        foreach (var mention in entities.Entities)
        {
            var kind = StoredKind.Of(mention.Kind);
            var key = NameKey.Of(mention.Name);
            if (key.Length == 0)
            {
                continue;
            }

            if (!_aliases.TryGetValue((kind, key), out var entityId))
            {
                entityId = await CreateEntityAsync(kind, mention.Name.Trim(), key, ct).ConfigureAwait(false);
            }

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

    private async Task<long> CreateEntityAsync(NewsEntityKind kind, string name, string key, CancellationToken ct)
    {
        var slugs = SlugsOf(kind);
        var baseSlug = SlugSet.Slugify(name);
        var slug = baseSlug;
        for (var n = 2; !slugs.Add(slug); n++)
        {
            slug = Invariant($"{baseSlug}-{n}");
        }

        var id = await sql.InsertAsync(
            "INSERT INTO Entities (Kind, Name, Slug, IsHidden, CreatedAt) VALUES ($p0, $p1, $p2, 0, $p3)", ct,
            (int)kind, name, slug, now).ConfigureAwait(false);
        await sql.ExecuteAsync("INSERT INTO EntityAliases (EntityId, Kind, Name, Key) VALUES ($p0, $p1, $p2, $p3)", ct,
            id, (int)kind, name, key).ConfigureAwait(false);
        _aliases[(kind, key)] = id;
        _entityNames[id] = name;
        return id;
    }

    private static string EntityText(List<ResolvedLink> links) => string.Join('\n', links.Select(l => l.Name));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record ResolvedLink(long EntityId, string Name, bool About, int Mentions, double Score);
}
