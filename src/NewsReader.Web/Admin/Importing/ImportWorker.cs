using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Admin.Importing;

/// <summary>Runs the queued import jobs in the background, one at a time, and keeps each job's status current.</summary>
internal sealed partial class ImportWorker(
    ImportBacklog queue,
    IDbContextFactory<NewsDbContext> factory,
    IOptions<AdminImportOptions> options,
    TimeProvider time,
    ILogger<ImportWorker> logger) : BackgroundService
{
    private StoryImporter? _importer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; a job cut short was rolled back by its transaction.
        }
        finally
        {
            queue.Complete();
        }
    }

    internal async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        var started = time.GetUtcNow().UtcDateTime;
        job.Set(job.Status with { State = ImportJobState.Running, StartedAt = started });
        try
        {
            // Built on first use: loading the extraction knowledge is not free, and many apps never import.
            _importer ??= new StoryImporter(factory, SeedParser.CreateDefault(), time);
            var report = await _importer.ImportFileAsync(job.Path, new ImportOptions(
                StartedBy: job.StartedBy,
                Limits: new ReadLimits(Math.Max(options.Value.MaxUploadBytes, ReadLimits.DefaultMaxFileBytes)),
                Reparse: job.Reparse,
                Progress: new JobProgress(job),
                SourceName: job.FileName,
                Digest: job.Sha256 is { } sha256 ? new FileDigest(sha256, job.SizeBytes) : null), ct);
            job.Set(job.Status with
            {
                State = ImportJobState.Succeeded,
                Found = report.Found,
                Handled = report.Found,
                RunId = report.RunId,
                Report = report,
                FinishedAt = time.GetUtcNow().UtcDateTime,
            });
            LogImported(logger, job.FileName, job.StartedBy, report.RunId);
        }
        catch (SeedReadException e)
        {
            Finish(job, ImportJobState.Refused, e.Reason);
        }
        catch (ImportBusyException e)
        {
            Finish(job, ImportJobState.Failed, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Finish(job, ImportJobState.Failed, "the app stopped before the import finished: nothing was stored");
            throw;
        }
#pragma warning disable CA1031 // One failed job must not stop the worker; the reason is shown on the job page and logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, job.FileName);
            Finish(job, ImportJobState.Failed, "the import failed and was rolled back, nothing was stored: " + e.Message);
        }
        finally
        {
            if (job.DeleteWhenDone)
            {
                UploadReceiver.TryDelete(job.Path);
            }
        }
    }

    private void Finish(ImportJob job, ImportJobState state, string message) =>
        job.Set(job.Status with { State = state, Message = message, FinishedAt = time.GetUtcNow().UtcDateTime });

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {File} for {User}: run #{RunId}")]
    private static partial void LogImported(ILogger logger, string file, string user, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {File} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, string file);

    /// <summary>Writes the importer's progress straight into the job (Progress&lt;T&gt; would post it out of order).</summary>
    private sealed class JobProgress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            job.Set(job.Status with { Found = value.Found, Handled = value.Handled });
    }
}
