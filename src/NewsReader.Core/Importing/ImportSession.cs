using System.Globalization;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Extraction;
using NewsReader.Core.Splitting;
using NewsReader.Core.Stories;
using NewsReader.Core.Store;

namespace NewsReader.Core.Importing;

/// <summary>
/// One import run inside its transaction: decides each story's outcome (new, updated, unchanged,
/// duplicate, rejected) and has <see cref="StoryWriter"/> write it; keeps the run's record and defers
/// the search index of its new stories.
/// </summary>
internal sealed class ImportSession(IStatements sql, StoreEngine engine, DateTime now, ImportSource source, ImportOptions options, KnownFingerprints known) : IDisposable
{
    /// <summary>
    /// Characters of new stories indexed for search per statement while the run goes on (see
    /// <see cref="ISearchIndex.IndexImportRunAsync"/>). FTS5 writes its pending terms out as a new
    /// index segment at the next statement that opens a statement journal (every story's INSERT, as
    /// Articles has triggers), so each batch becomes at least one segment; batches of 64 stories
    /// (~0.3 MB) made many small segments, and writing and merging them cost ~0.1 s per 10 MB file
    /// (docs/performance.md). About 2 MB per batch lets FTS5's own 1 MB buffer decide the segments.
    /// </summary>
    internal const int IndexBatchChars = 2_000_000;

    private readonly StoryWriter _writer = new(sql, engine, now);
    private readonly Dictionary<string, long> _seenFingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long?> _articleAt = [];
    private readonly List<(int? Position, long? StoryId, string Text)> _messages = [];
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
        await _writer.LoadEntitiesAsync(ct).ConfigureAwait(false);
        var lastIdBefore = (long)(await sql.ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM Articles", ct).ConfigureAwait(false))!;
        _lastIdBefore = _indexedUpTo = _lastNewId = lastIdBefore;
        var lastRevisionBefore = (long)(await sql.ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM ArticleRevisions", ct).ConfigureAwait(false))!;
        _storeHadStories = await sql.ScalarAsync("SELECT 1 FROM Articles LIMIT 1", ct).ConfigureAwait(false) is not null;
        _writer.StoreMayHoldSlugs = _storeHadStories;

        // Nothing written since the known fingerprints were read: a fingerprint not among them is not stored.
        _knownIsCurrent = lastIdBefore == known.LastStoryId && lastRevisionBefore == known.LastRevisionId;

        var reports = new List<StoryReport>(found);
        foreach (var story in stories)
        {
            ct.ThrowIfCancellationRequested();
            var report = await HandleAsync(story, ct).ConfigureAwait(false);
            _articleAt[story.Parsed.Index] = report.StoryId;
            reports.Add(report);
            if (report.Message is { } m && report.Outcome != StoryOutcome.New && report.Outcome != StoryOutcome.Unchanged)
            {
                _messages.Add((report.Position, report.StoryId, m));
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
        var position = story.Parsed.Index;
        if (story.Parsed.DuplicateOf is { } original)
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
            ? await UpdateAsync(match.StoryId, match.Resemblance, story, ct).ConfigureAwait(false)
            : await InsertAsync(story, ct).ConfigureAwait(false);
        _seenFingerprints[story.Fingerprint] = report.StoryId!.Value;
        return report;
    }

    private async Task<(long StoryId, double Resemblance)?> FindNearDuplicateAsync(IncomingStory story, CancellationToken ct)
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
        var a = story.Parsed;
        var slug = await _writer.UniqueStorySlugAsync(a.Slug.Length > 0 ? a.Slug : SlugSet.Slugify(a.Title), ct).ConfigureAwait(false);
        var links = await _writer.ResolveAsync(story.Entities, ct).ConfigureAwait(false);
        var id = await _writer.InsertAsync(slug, Text(story), links, now, ct).ConfigureAwait(false);
        RememberBands(id, story);
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
        var a = story.Parsed;
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

        await _writer.ReplaceTextAsync(id, Text(story), ct).ConfigureAwait(false);
        ForgetRunBands(id);
        RememberBands(id, story);
        await _writer.SyncLinksAsync(id, await _writer.ResolveAsync(story.Entities, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
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

    private static double ReplaceRatio => StoryImporter.ReplaceWhenLengthRatioAtLeast;

    private StoryContent Text(IncomingStory story) => new(story.Parsed.Title, story.Parsed.Summary, story.Body, story.Fingerprint, story.BandKeys)
    {
        SourceFile = source.FileName,
        SourcePosition = story.Parsed.Index,
        StartConfidence = story.Parsed.StartConfidence,
        RunId = _runId,
    };

    // This run's stories and bands, kept for near-duplicate checks against stories of the same run.
    private void RememberBands(long articleId, IncomingStory story)
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

    public void Dispose() => _writer.Dispose();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
