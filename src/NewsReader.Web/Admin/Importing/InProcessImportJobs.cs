using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// The queue of one app instance on SQLite: jobs in memory, first in first out, run one at a time (two
/// uploads at once both land, the second after the first; the importer's write lock would make the
/// second wait anyway, queuing here keeps it from timing out and lets its page say why it waits).
/// Finished jobs beyond <see cref="AdminImportOptions.FinishedJobsKept"/> are dropped (their runs stay
/// in the store's history). SQLite cannot keep the queue in the store: a running import holds its only
/// writer for the whole file, so neither a new job nor a progress row could be written meanwhile.
/// </summary>
public sealed class InProcessImportJobs(IOptions<AdminImportOptions> options, TimeProvider time) : IImportJobs
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public Task<ImportJob> EnqueueAsync(ImportRequest request, CancellationToken ct = default)
    {
        var job = Add(request, new ImportJobStatus(ImportJobState.Waiting));
        if (!_channel.Writer.TryWrite(job))
        {
            // Only after the worker stopped (the app is stopping): the job would never run.
            Finish(job, job.Status with { State = ImportJobState.Failed, Message = "the app is stopping: try again once it is back" });
        }

        return Task.FromResult(job);
    }

    public Task<ImportJob> AddFinishedAsync(ImportRequest request, ImportJobStatus status, CancellationToken ct = default) =>
        Task.FromResult(Add(request, status));

    public Task<ImportJob?> FindAsync(Guid id, CancellationToken ct = default) => Task.FromResult(_jobs.GetValueOrDefault(id));

    public Task<IReadOnlyList<ImportJob>> RecentAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ImportJob>>(_jobs.Values.OrderByDescending(j => j.QueuedAt).ThenByDescending(j => j.Id).ToList());

    public Task<bool> AnyActiveAsync(CancellationToken ct = default) => Task.FromResult(AnyActive);

    /// <summary>Whether a job is running or waiting.</summary>
    public bool AnyActive => _jobs.Values.Any(j => !j.Status.IsFinished);

    public async Task<IImportLease> NextAsync(CancellationToken ct)
    {
        while (await _channel.Reader.WaitToReadAsync(ct))
        {
            if (_channel.Reader.TryRead(out var job))
            {
                job.Set(job.Status with { State = ImportJobState.Running, StartedAt = Now });
                return new Lease(this, job);
            }
        }

        throw new OperationCanceledException("the import queue was closed");
    }

    public void WorkerStopped() => _channel.Writer.TryComplete();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private ImportJob Add(ImportRequest request, ImportJobStatus status)
    {
        var job = new ImportJob(Guid.NewGuid(), request, status);
        _jobs[job.Id] = job;
        if (status.IsFinished && request.IsTemporary)
        {
            UploadReceiver.TryDelete(request.Path);
        }

        Prune();
        return job;
    }

    private static void Finish(ImportJob job, ImportJobStatus status)
    {
        job.Set(status);
        if (job.Request.IsTemporary)
        {
            UploadReceiver.TryDelete(job.Request.Path);
        }
    }

    private void Prune()
    {
        var keep = Math.Max(0, options.Value.FinishedJobsKept);
        foreach (var old in _jobs.Values.Where(j => j.Status.IsFinished).OrderByDescending(j => j.QueuedAt).Skip(keep))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }

    /// <summary>The running job: its status is the job's own, written straight in (Progress&lt;T&gt; would post it out of order).</summary>
    private sealed class Lease(InProcessImportJobs queue, ImportJob job) : IImportLease
    {
        public ImportJob Job => job;

        public string Path => job.Request.Path;

        public void Report(ImportProgress value) => job.Set(job.Status with { Found = value.Found, Handled = value.Handled });

        public Task FinishAsync(ImportJobStatus status, CancellationToken ct = default)
        {
            Finish(job, status);
            queue.Prune();
            return Task.CompletedTask;
        }

        // Nobody else can run it: the store has one app instance.
        public Task AbandonAsync() => FinishAsync(job.Status with
        {
            State = ImportJobState.Failed,
            Message = "the app stopped before the import finished: nothing was stored",
            FinishedAt = queue.Now,
        });

        public ValueTask DisposeAsync()
        {
            if (job.Request.IsTemporary)
            {
                UploadReceiver.TryDelete(job.Request.Path);
            }

            return ValueTask.CompletedTask;
        }
    }
}
