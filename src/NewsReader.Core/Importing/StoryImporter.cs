using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Following;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Store;
using NewsReader.Core.Wording;

namespace NewsReader.Core.Importing;

/// <summary>
/// Imports seed files into the store: one file in one transaction, never two imports at once,
/// deduplicated exactly (fingerprint) and nearly (MinHash + LSH) against everything stored.
/// Policy in docs/adr/0004-dedup-policy.md.
/// </summary>
/// <remarks>
/// Every import ends here, whoever started it (an upload, the seeds folder, the CLI): after the
/// commit, the new stories are matched against the saved searches with alerts on (<see cref="AlertMatcher"/>;
/// <paramref name="alerts"/> is the app's, sharing its search index, else one of the importer's own).
/// </remarks>
public sealed class StoryImporter(IDbContextFactory<NewsDbContext> factory, SeedParser parser, TimeProvider? time = null, AlertMatcher? alerts = null)
{
    /// <summary>A near-duplicate replaces the stored text unless it is shorter than this share of it.</summary>
    public const double ReplaceWhenLengthRatioAtLeast = 0.9;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly AlertMatcher _alerts = alerts ?? new AlertMatcher(factory, search: null, time);

    /// <summary>Reads, validates, parses and imports one file.</summary>
    /// <exception cref="SeedReadException">The file is missing, empty, binary, badly encoded or too big (a refused run is recorded).</exception>
    /// <exception cref="ImportBusyException">Another import held the store longer than <see cref="ImportOptions.LockWait"/>.</exception>
    public async Task<ImportReport> ImportFileAsync(string path, ImportOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImportOptions.Default;
        var limits = options.Limits ?? ReadLimits.Default;
        var name = options.SourceName ?? Path.GetFileName(path);
        var (source, bytes) = await CheckAndHashAsync(path, new ImportSource(name, options.Digest?.Sha256 ?? string.Empty, options.Digest?.SizeBytes ?? 0), limits, options, ct)
            .ConfigureAwait(false);
        if (!options.Reparse && await TryFastPathAsync(source, options, ct).ConfigureAwait(false) is { } fast)
        {
            return fast;
        }

        SeedText text;
        try
        {
            // With a digest (an upload hashed as it arrived) this is the one read of the file.
            text = bytes is not null
                ? SeedReader.Read(bytes, name, SeedFormat.Auto, limits)
                : await SeedReader.ReadFileAsync(path, SeedFormat.Auto, limits, name, ct).ConfigureAwait(false);
        }
        catch (SeedReadException e)
        {
            await RecordUnsuccessfulRunAsync(source, ImportStatus.Refused, e.Reason, options).ConfigureAwait(false);
            throw;
        }

        // People's joins and splits, so that parsing the file again reproduces them (docs/admin.md).
        // Entities only for the stories the store does not hold yet: extraction is most of a parse.
        var overrides = await BoundaryOverrideStore.LoadAsync(factory, ct).ConfigureAwait(false);
        var doc = parser.ParseWithoutEntities(text, overrides);
        return await ImportAsync(doc, source, options, parser.Extract, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the file exists and fits the limit and, without a digest from the caller, reads and
    /// hashes it (its bytes are then decoded from memory, not read again). A refused file's run is recorded.
    /// </summary>
    private async Task<(ImportSource Source, byte[]? Bytes)> CheckAndHashAsync(
        string path, ImportSource source, ReadLimits limits, ImportOptions options, CancellationToken ct)
    {
        var name = source.FileName;
        byte[]? bytes = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new SeedReadException(name, "the file does not exist");
            }

            if (info.Length > limits.MaxFileBytes)
            {
                throw new SeedReadException(name, $"the file is larger than the limit of {limits.MaxFileBytes:N0} bytes ({info.Length:N0})");
            }

            // Without a digest from the caller the file is read once here, hashed, and decoded from memory.
            if (options.Digest is null)
            {
                bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
                source = source with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), SizeBytes = bytes.LongLength };
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var refused = new SeedReadException(name, "cannot open the file: " + e.Message);
            await RecordUnsuccessfulRunAsync(source, ImportStatus.Refused, refused.Reason, options).ConfigureAwait(false);
            throw refused;
        }
        catch (SeedReadException e)
        {
            await RecordUnsuccessfulRunAsync(source, ImportStatus.Refused, e.Reason, options).ConfigureAwait(false);
            throw;
        }

        return (source, bytes);
    }

    /// <summary>Imports an already parsed document (tests, and callers that parse themselves).</summary>
    public Task<ImportReport> ImportAsync(ParsedDocument doc, ImportSource source, ImportOptions? options = null, CancellationToken ct = default) =>
        ImportAsync(doc, source, options, extract: null, ct);

    private async Task<ImportReport> ImportAsync(
        ParsedDocument doc, ImportSource source, ImportOptions? options, Func<ParsedStory, ExtractedEntities>? extract, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(source);
        options ??= ImportOptions.Default;

        // The stories' CPU work (fingerprints, MinHash bands and, for a file parsed here, entities)
        // runs on the other cores while the single SQLite writer stores the stories before them
        // (a pipeline: the writer is the slower stage, so the work costs the import little time).
        // Fingerprints come first, before the write lock, only when the store holds stories: they
        // decide which stories it may know, and known stories need no bands nor entities.
        var known = await KnownFingerprintsAsync(doc.Articles, extract, ct).ConfigureAwait(false);
        using var stories = Prepared(doc.Articles, known, extract, ct);
        ImportReport imported;
        try
        {
            imported = await WriteAsync(options, async db =>
            {
                var engine = StoreEngine.Of(db);
                using var commands = engine.Statements.Open(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
                using var session = new ImportSession(commands, engine, _time.GetUtcNow().UtcDateTime, source, options, known);
                var report = await session.RunAsync(doc.Articles.Count, stories, ct).ConfigureAwait(false);

                // The session stamps start and end with one clock reading; the history shows the real duration.
                await commands.ExecuteAsync("UPDATE ImportRuns SET FinishedAt = $p1 WHERE Id = $p0", ct,
                    report.RunId, _time.GetUtcNow().UtcDateTime).ConfigureAwait(false);
                return report;
            }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ImportBusyException and not OperationCanceledException)
        {
            await RecordUnsuccessfulRunAsync(source, ImportStatus.Failed, e.Message, options).ConfigureAwait(false);
            throw;
        }

        return imported with { Alerts = await MatchAlertsAsync(imported, ct).ConfigureAwait(false) };
    }

    /// <summary>Alerts for the run's new stories; a failure is reported, never thrown: the import itself has committed.</summary>
    private async Task<AlertOutcome> MatchAlertsAsync(ImportReport report, CancellationToken ct)
    {
        var fresh = report.Stories.Where(s => s.Outcome == StoryOutcome.New && s.StoryId is not null).Select(s => s.StoryId!.Value).ToList();
        try
        {
            return await _alerts.MatchAsync(report.RunId, fresh, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The import has committed; alerts failing must not make it look failed.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return AlertOutcome.None with { Error = e.Message };
        }
    }

    /// <summary>
    /// Which of the stories' fingerprints the store knows (current texts and revisions); read without
    /// the lock, together with the highest article and revision ids, so the session can tell under the
    /// lock whether anything was written since and the set still holds. An empty store knows none,
    /// and then nothing is computed here.
    /// </summary>
    private async Task<KnownFingerprints> KnownFingerprintsAsync(
        IReadOnlyList<ParsedStory> articles, Func<ParsedStory, ExtractedEntities>? extract, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // The ids first: whatever is written after them changes them (ids only grow, and a text
            // only changes by an update that also adds a revision), so equal ids under the lock
            // mean the fingerprints read below, or more, are all the store holds.
            var lastArticle = await db.Stories.MaxAsync(a => (long?)a.Id, ct).ConfigureAwait(false) ?? 0;
            var lastRevision = await db.StoryRevisions.MaxAsync(r => (long?)r.Id, ct).ConfigureAwait(false) ?? 0;
            if (lastArticle == 0 && lastRevision == 0)
            {
                return new KnownFingerprints(known, 0, 0, Fingerprinted: null);
            }

            var stories = articles.AsParallel().AsOrdered().WithCancellation(ct).Select(a => new IncomingStory(a, extract)).ToList();
            foreach (var chunk in stories.Select(s => s.Fingerprint).Distinct().Chunk(500))
            {
                known.UnionWith(await db.Stories.Where(a => chunk.Contains(a.Fingerprint)).Select(a => a.Fingerprint).ToListAsync(ct).ConfigureAwait(false));
                known.UnionWith(await db.StoryRevisions.Where(r => chunk.Contains(r.Fingerprint)).Select(r => r.Fingerprint).ToListAsync(ct).ConfigureAwait(false));
            }

            return new KnownFingerprints(known, lastArticle, lastRevision, stories);
        }
    }

    /// <summary>
    /// The stories in file order, each with its fingerprint and, unless the store knows its text, its
    /// bands and entities, prepared on worker threads from now on, ahead of the writer that takes
    /// them. One core is left to the writer; on a single core the work shares the writer's.
    /// </summary>
    private static StoryPipeline Prepared(
        IReadOnlyList<ParsedStory> articles, KnownFingerprints known, Func<ParsedStory, ExtractedEntities>? extract, CancellationToken ct) =>
        new(articles.Count, i =>
        {
            var story = known.Fingerprinted?[i] ?? new IncomingStory(articles[i], extract);
            if (story.HasText && story.Parsed.DuplicateOf is null && !known.Fingerprints.Contains(story.Fingerprint))
            {
                (_, _) = (story.BandKeys, story.Entities);
            }

            return story;
        }, workers: Math.Max(1, Environment.ProcessorCount - 1), ct);

    /// <summary>
    /// A file imported before byte for byte (same SHA-256, a succeeded run) changes nothing: report
    /// every story of that run unchanged without parsing, so re-imports run at hashing speed.
    /// </summary>
    private async Task<ImportReport?> TryFastPathAsync(ImportSource source, ImportOptions options, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var previous = await db.ImportRuns.AsNoTracking()
                .Where(r => r.Sha256 == source.Sha256 && r.Status == ImportStatus.Succeeded)
                .OrderByDescending(r => r.Id)
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (previous is null)
            {
                return null;
            }

            var now = _time.GetUtcNow().UtcDateTime;
            var unchanged = previous.Found - previous.DuplicatesInFile - previous.Rejected;
            var message = string.Create(CultureInfo.InvariantCulture,
                $"same file as run #{previous.Id}: not parsed again, {Plural.Count(unchanged, "story")} unchanged");
            var run = ImportRuns.Finished(source, options.StartedBy, now, ImportStatus.Succeeded);
            run.Found = previous.Found;
            run.Unchanged = unchanged;
            run.DuplicatesInFile = previous.DuplicatesInFile;
            run.Rejected = previous.Rejected;
            run.Messages.Add(new ImportRunMessage { Text = message });
            await WriteAsync(options, w =>
            {
                w.ImportRuns.Add(run);
                return w.SaveChangesAsync(ct);
            }, ct).ConfigureAwait(false);

            options.Progress?.Report(new ImportProgress(run.Found, run.Found));
            return new ImportReport(run.Id, run.FileName, run.Status, ImportCounts.Of(run), [], [message], FastPath: true);
        }
    }

    /// <summary>
    /// Runs a write in the store's write transaction (<see cref="StoreWrite"/>): held for the whole
    /// import, so a second import (this process or another) waits for it up to
    /// <see cref="ImportOptions.LockWait"/>, while readers go on.
    /// </summary>
    private async Task<T> WriteAsync<T>(ImportOptions options, Func<NewsDbContext, Task<T>> work, CancellationToken ct)
    {
        var wait = options.LockWait ?? ImportOptions.DefaultLockWait;
        try
        {
            return await StoreWrite.RunAsync(factory, wait, work, ct).ConfigureAwait(false);
        }
        catch (StoreBusyException e)
        {
            throw new ImportBusyException(string.Create(CultureInfo.InvariantCulture,
                $"another import is running on this store; gave up after waiting {wait.TotalSeconds:0} s. Try again when it has finished."), e);
        }
    }

    /// <summary>Records a refused or failed run (best effort: the store may be the problem).</summary>
    private async Task RecordUnsuccessfulRunAsync(ImportSource source, ImportStatus status, string reason, ImportOptions options)
    {
        try
        {
            await ImportRuns.RecordUnsuccessfulAsync(factory, source, options.StartedBy, status, reason, _time.GetUtcNow().UtcDateTime).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Recording the failure must not hide the original error, which the caller rethrows.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}

/// <summary>
/// The stories' fingerprints the store held when read, and the highest article and revision ids then;
/// with the stories fingerprinted to ask (none when the store was empty).
/// </summary>
internal sealed record KnownFingerprints(HashSet<string> Fingerprints, long LastStoryId, long LastRevisionId, IReadOnlyList<IncomingStory>? Fingerprinted);
