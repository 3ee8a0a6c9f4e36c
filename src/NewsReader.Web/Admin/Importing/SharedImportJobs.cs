using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Store;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// The queue on a PostgreSQL store, shared by every app instance on it: jobs are rows of
/// <c>ImportJobs</c> and their files rows of <c>ImportJobContents</c> (so any instance can run a job
/// queued on another), progress is written to the job's row twice a second (so every instance's pages
/// show it), and one instance at a time runs jobs (<see cref="PostgresImportRunner"/>). An instance
/// wakes at once for its own jobs and looks for others' every <see cref="PollInterval"/>.
/// Design and alternatives: docs/adr/0009-import-job-queue.md.
/// </summary>
public sealed partial class SharedImportJobs(
    IDbContextFactory<NewsDbContext> factory,
    UploadReceiver receiver,
    IOptions<AdminImportOptions> options,
    TimeProvider time,
    ILogger<SharedImportJobs> logger) : IImportJobs, IAsyncDisposable
{
    /// <summary>How often an idle instance looks for jobs queued elsewhere, or left by a runner that died.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often a running job's progress is written to its row.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Most jobs listed on the imports page (the active ones and the finished ones kept).</summary>
    private const int MaxListed = 500;

    private readonly SemaphoreSlim _wake = new(0);
    private PostgresImportRunner? _runner;

    /// <summary>This instance's name on the jobs it runs: host and process id.</summary>
    public static string RunnerName { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<ImportJob> EnqueueAsync(ImportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = Row(request, new ImportJobStatus(ImportJobState.Waiting));
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            // The job and its file in one transaction: no runner ever sees a job without its bytes.
            // Neither table is a story table, so this never waits for the store's writer (a running import).
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ImportJobs.Add(row);
            await db.SaveChangesAsync(ct);
            await InsertContentAsync(db, row.Id, request.Path, ct);
            await tx.CommitAsync(ct);
        }

        if (request.IsTemporary)
        {
            UploadReceiver.TryDelete(request.Path);
        }

        await PruneAsync(ct);
        _wake.Release();
        return Job(row);
    }

    public async Task<ImportJob> AddFinishedAsync(ImportRequest request, ImportJobStatus status, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(status);
        var row = Row(request, status);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.ImportJobs.Add(row);
            await db.SaveChangesAsync(ct);
        }

        if (request.IsTemporary)
        {
            UploadReceiver.TryDelete(request.Path);
        }

        await PruneAsync(ct);
        return Job(row);
    }

    public async Task<ImportJob?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return row is null ? null : Job(row);
    }

    public async Task<IReadOnlyList<ImportJob>> RecentAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.QueuedAt).ThenByDescending(j => j.Id).Take(MaxListed).ToListAsync(ct);
        return rows.Select(Job).ToList();
    }

    public async Task<bool> AnyActiveAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ImportJobs.AnyAsync(j => j.State == ImportJobState.Waiting || j.State == ImportJobState.Running, ct);
    }

    public async Task<IImportLease> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await TryClaimAsync(ct) is { } lease)
                {
                    return lease;
                }
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException || (e is InvalidOperationException && !ct.IsCancellationRequested))
            {
                // The store is unreachable for now: let the lock go (it may be lost already) and try again later.
                LogUnreachable(logger, e);
                await ReleaseRunnerAsync();
            }

            await _wake.WaitAsync(PollInterval, ct);
        }
    }

    public void WorkerStopped()
    {
        // Jobs queued from now on wait in the store for another instance, or for this one's next start.
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseRunnerAsync();
        _wake.Dispose();
    }

    private async Task<IImportLease?> TryClaimAsync(CancellationToken ct)
    {
        if (_runner is null)
        {
            if (!await AnyActiveAsync(ct))
            {
                return null;
            }

            _runner = await PostgresImportRunner.TryTakeAsync(await ConnectionStringAsync(ct), ct);
            if (_runner is null)
            {
                return null; // another instance runs the jobs
            }
        }

        while (await _runner.ClaimNextAsync(RunnerName, Now, ct) is { } id)
        {
            var path = Path.Combine(receiver.Folder, id.ToString("N") + ".upload");
            if (await DownloadAsync(id, path, ct))
            {
                var job = await FindAsync(id, ct) ?? throw new InvalidOperationException("a claimed import job vanished");
                LogClaimed(logger, job.FileName, id, RunnerName);
                return new Lease(this, job, path);
            }

            await FinishRowAsync(id, new ImportJobStatus(ImportJobState.Failed, FinishedAt: Now, Message: "the queued file was lost: upload it again"));
        }

        // Nothing left to run: let another instance be the runner next time.
        await ReleaseRunnerAsync();
        return null;
    }

    private async Task ReleaseRunnerAsync()
    {
        if (_runner is { } runner)
        {
            _runner = null;
            await runner.DisposeAsync();
        }
    }

    private async Task<string> ConnectionStringAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return db.Database.GetConnectionString() ?? throw new InvalidOperationException("the store has no connection string");
    }

    /// <summary>Streams the file into its row (never the whole file in memory: Npgsql writes a stream parameter as it reads it).</summary>
    private static async Task InsertContentAsync(NewsDbContext db, Guid id, string path, CancellationToken ct)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command)
            {
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = "INSERT INTO importjobcontents (jobid, content) VALUES (@id, @content)";
                command.Parameters.Add(Parameter(command, "id", id, DbType.Guid));
                var content = Parameter(command, "content", file, DbType.Binary);
                content.Size = checked((int)file.Length);
                command.Parameters.Add(content);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>Streams a job's file from its row to <paramref name="path"/>; false when the row is gone.</summary>
    private async Task<bool> DownloadAsync(Guid id, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.CommandText = "SELECT content FROM importjobcontents WHERE jobid = @id";
            command.Parameters.Add(Parameter(command, "id", id, DbType.Guid));
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            if (!await reader.ReadAsync(ct))
            {
                return false;
            }

            try
            {
                await using var content = reader.GetStream(0);
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await content.CopyToAsync(file, ct);
            }
            catch
            {
                UploadReceiver.TryDelete(path);
                throw;
            }

            return true;
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object value, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        p.DbType = type;
        return p;
    }

    /// <summary>Drops the finished jobs beyond <see cref="AdminImportOptions.FinishedJobsKept"/> (their runs stay in the history).</summary>
    private async Task PruneAsync(CancellationToken ct)
    {
        var keep = Math.Max(0, options.Value.FinishedJobsKept);
        await using var db = await factory.CreateDbContextAsync(ct);
        var old = await db.ImportJobs.Where(j => j.State != ImportJobState.Waiting && j.State != ImportJobState.Running)
            .OrderByDescending(j => j.QueuedAt).ThenByDescending(j => j.Id).Skip(keep).Select(j => j.Id).Take(MaxListed).ToListAsync(ct);
        if (old.Count > 0)
        {
            await db.ImportJobs.Where(j => old.Contains(j.Id)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Writes a job's end to its row (if this instance still runs it) and drops its file.</summary>
    private async Task FinishRowAsync(Guid id, ImportJobStatus status)
    {
        // Not the app's stopping token: an import that committed must say so, even while the app stops.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var message = status.Message is { Length: > ImportRuns.MaxReasonLength } m ? m[..ImportRuns.MaxReasonLength] : status.Message;
        await using var db = await factory.CreateDbContextAsync(timeout.Token);
        await db.ImportJobs.Where(j => j.Id == id && j.Runner == RunnerName).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, status.State)
            .SetProperty(j => j.Found, status.Found)
            .SetProperty(j => j.Handled, status.Handled)
            .SetProperty(j => j.FinishedAt, status.FinishedAt)
            .SetProperty(j => j.RunId, status.RunId)
            .SetProperty(j => j.Message, message), timeout.Token);
        await db.ImportJobContents.Where(c => c.JobId == id).ExecuteDeleteAsync(timeout.Token);
    }

    private async Task WriteProgressAsync(Guid id, int found, int handled, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.ImportJobs.Where(j => j.Id == id && j.Runner == RunnerName && j.State == ImportJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Found, found).SetProperty(j => j.Handled, handled), ct);
    }

    /// <summary>Puts a job this instance could not finish back in the queue, for another instance or this one's next start.</summary>
    private async Task RequeueAsync(Guid id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var db = await factory.CreateDbContextAsync(timeout.Token);
        await db.ImportJobs.Where(j => j.Id == id && j.Runner == RunnerName && j.State == ImportJobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ImportJobState.Waiting)
            .SetProperty(j => j.Runner, (string?)null)
            .SetProperty(j => j.StartedAt, (DateTime?)null)
            .SetProperty(j => j.Found, 0)
            .SetProperty(j => j.Handled, 0), timeout.Token);
    }

    private static QueuedImport Row(ImportRequest request, ImportJobStatus status) => new()
    {
        Id = Guid.NewGuid(),
        FileName = request.FileName,
        SizeBytes = request.SizeBytes,
        Sha256 = request.Sha256,
        StartedBy = request.StartedBy,
        QueuedAt = request.QueuedAt,
        Reparse = request.Reparse,
        State = status.State,
        Found = status.Found,
        Handled = status.Handled,
        StartedAt = status.StartedAt,
        FinishedAt = status.FinishedAt,
        RunId = status.RunId,
        Message = status.Message,
    };

    private static ImportJob Job(QueuedImport row) => new(
        row.Id,
        new ImportRequest(row.FileName, row.SizeBytes, row.StartedBy, row.QueuedAt, Path: string.Empty, IsTemporary: false, row.Reparse, row.Sha256),
        new ImportJobStatus(row.State, row.Found, row.Handled, row.StartedAt, row.FinishedAt, row.RunId, Report: null, row.Message),
        row.Runner);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private ILogger Logger => logger;

    private TimeProvider Time => time;

    [LoggerMessage(Level = LogLevel.Information, Message = "Running import of {File} (job {Id}) on {Runner}")]
    private static partial void LogClaimed(ILogger logger, string file, Guid id, string runner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import queue: the store is unreachable; trying again shortly")]
    private static partial void LogUnreachable(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import queue: could not record the end of job {Id}")]
    private static partial void LogNotRecorded(ILogger logger, Exception e, Guid id);

    /// <summary>
    /// A job this instance runs: the importer's progress is kept here and written to the row every
    /// <see cref="ProgressInterval"/> (a statement per story would slow the import for nobody's benefit).
    /// </summary>
    private sealed class Lease : IImportLease
    {
        private readonly SharedImportJobs _queue;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _writer;
        private long _progress; // found << 32 | handled, so one read sees a pair
        private long _written;

        public Lease(SharedImportJobs queue, ImportJob job, string path)
        {
            _queue = queue;
            Job = job;
            Path = path;
            _writer = WriteProgressAsync();
        }

        public ImportJob Job { get; }

        public string Path { get; }

        public void Report(ImportProgress value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Interlocked.Exchange(ref _progress, ((long)value.Found << 32) | (uint)value.Handled);
        }

        public async Task FinishAsync(ImportJobStatus status, CancellationToken ct = default)
        {
            await StopWritingAsync();
            try
            {
                await _queue.FinishRowAsync(Job.Id, status);
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException or OperationCanceledException or InvalidOperationException)
            {
                // The row stays running: the next runner imports the file again (a committed import then reads as unchanged).
                LogNotRecorded(_queue.Logger, e, Job.Id);
            }
        }

        public async Task AbandonAsync()
        {
            await StopWritingAsync();
            try
            {
                await _queue.RequeueAsync(Job.Id);
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException or OperationCanceledException or InvalidOperationException)
            {
                // Left running: the next runner takes it as a job whose runner died.
                LogNotRecorded(_queue.Logger, e, Job.Id);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopWritingAsync();
            _stop.Dispose();
            UploadReceiver.TryDelete(Path);
        }

        private async Task StopWritingAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
            }

            await _writer;
        }

        private async Task WriteProgressAsync()
        {
            using var timer = new PeriodicTimer(ProgressInterval, _queue.Time);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var progress = Interlocked.Read(ref _progress);
                    if (progress == _written)
                    {
                        continue;
                    }

                    try
                    {
                        await _queue.WriteProgressAsync(Job.Id, (int)(progress >> 32), (int)(progress & 0xFFFFFFFF), _stop.Token);
                        _written = progress;
                    }
                    catch (Exception e) when (e is DbException or IOException or TimeoutException || (e is InvalidOperationException && !_stop.IsCancellationRequested))
                    {
                        // Progress is for people watching: a failed write must not fail the import (its end is written apart); try again next tick.
                        LogNotRecorded(_queue.Logger, e, Job.Id);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }
    }
}
