using System.Threading.Channels;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// The jobs waiting for the import worker, first in first out. Imports run one at a time: two uploads
/// at once both land, the second after the first (the importer's write lock would make the second
/// wait anyway; queuing here keeps it from timing out and lets its page say why it waits).
/// </summary>
public sealed class ImportBacklog(ImportJobs jobs)
{
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<ImportJob> Reader => _channel.Reader;

    /// <summary>Registers the job and puts it at the end of the queue.</summary>
    internal void Enqueue(ImportJob job)
    {
        jobs.Add(job);
        if (!_channel.Writer.TryWrite(job))
        {
            // Only after the app began stopping: the job would never run.
            job.Set(job.Status with { State = ImportJobState.Failed, Message = "the app is stopping: try again once it is back" });
        }
    }

    /// <summary>Registers a job that ended before it could queue (a refused upload), so it has a page like the others.</summary>
    internal void AddFinished(ImportJob job) => jobs.Add(job);

    internal void Complete() => _channel.Writer.TryComplete();
}
