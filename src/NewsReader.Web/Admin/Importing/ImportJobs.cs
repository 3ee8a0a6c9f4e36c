using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// Every import job of this process by id, so an admin can leave a job's page and come back. Lives as
/// long as the app; the finished jobs beyond <see cref="AdminImportOptions.FinishedJobsKept"/> are
/// dropped (their runs stay in the store's history).
/// </summary>
public sealed class ImportJobs(IOptions<AdminImportOptions> options)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>The jobs still known, newest first.</summary>
    public IReadOnlyList<ImportJob> Recent() =>
        _jobs.Values.OrderByDescending(j => j.QueuedAt).ThenByDescending(j => j.Id).ToList();

    /// <summary>Whether a job is running or waiting (the history page refreshes itself while so).</summary>
    public bool AnyActive => _jobs.Values.Any(j => !j.Status.IsFinished);

    internal void Add(ImportJob job)
    {
        _jobs[job.Id] = job;
        Prune();
    }

    private void Prune()
    {
        var keep = Math.Max(0, options.Value.FinishedJobsKept);
        foreach (var old in _jobs.Values.Where(j => j.Status.IsFinished).OrderByDescending(j => j.QueuedAt).Skip(keep))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }
}
