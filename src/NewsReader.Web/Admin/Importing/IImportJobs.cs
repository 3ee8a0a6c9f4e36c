using NewsReader.Core.Importing;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// Where import jobs wait, which one runs next, and where their progress is kept. Two implementations:
/// <see cref="InProcessImportJobs"/> (SQLite: one instance, the jobs in memory) and
/// <see cref="SharedImportJobs"/> (PostgreSQL: the jobs and their files in the store, run by one
/// instance at a time, seen by all). Why two: docs/adr/0009-import-job-queue.md.
/// </summary>
public interface IImportJobs
{
    /// <summary>Queues a file's import; the queue takes the file over (a temporary one is deleted once it has no more use for it).</summary>
    Task<ImportJob> EnqueueAsync(ImportRequest request, CancellationToken ct = default);

    /// <summary>Registers a job that ended before it could queue (a refused upload), so it has a page like the others.</summary>
    Task<ImportJob> AddFinishedAsync(ImportRequest request, ImportJobStatus status, CancellationToken ct = default);

    /// <summary>The job as it is now, or null when it is not kept any more.</summary>
    Task<ImportJob?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>The jobs still kept, newest first.</summary>
    Task<IReadOnlyList<ImportJob>> RecentAsync(CancellationToken ct = default);

    /// <summary>Whether a job is running or waiting (the pages refresh themselves while so).</summary>
    Task<bool> AnyActiveAsync(CancellationToken ct = default);

    /// <summary>
    /// For the worker: waits for the next job this instance is to run and marks it running; ends with
    /// <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled.
    /// </summary>
    Task<IImportLease> NextAsync(CancellationToken ct);

    /// <summary>For the worker: it has stopped, so jobs queued from now on would never run here.</summary>
    void WorkerStopped();
}

/// <summary>A job the worker is running: its file on this instance's disk, where its progress and end go.</summary>
public interface IImportLease : IProgress<ImportProgress>, IAsyncDisposable
{
    ImportJob Job { get; }

    /// <summary>The file to import, on this instance's disk.</summary>
    string Path { get; }

    /// <summary>Records how the job ended.</summary>
    Task FinishAsync(ImportJobStatus status, CancellationToken ct = default);

    /// <summary>The app is stopping in the middle of the job (its import was rolled back): hand it on, or fail it when nobody else can run it.</summary>
    Task AbandonAsync();
}
