using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;

namespace NewsReader.Web.Admin.Importing;

/// <summary>Runs the jobs the queue gives this instance in the background, one at a time, and records how each went.</summary>
internal sealed partial class ImportWorker(
    IImportJobs queue,
    IDbContextFactory<NewsDbContext> factory,
    IOptions<AdminImportOptions> options,
    TimeProvider time,
    ILogger<ImportWorker> logger,
    AlertMatcher? alerts = null) : BackgroundService
{
    private StoryImporter? _importer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var lease = await queue.NextAsync(stoppingToken);
                await using (lease)
                {
                    await RunAsync(lease, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; a job cut short was rolled back by its transaction and handed on.
        }
        finally
        {
            queue.WorkerStopped();
        }
    }

    internal async Task RunAsync(IImportLease lease, CancellationToken ct)
    {
        var job = lease.Job;
        var request = job.Request;
        var status = job.Status;
        try
        {
            // Built on first use: loading the extraction knowledge is not free, and many apps never import.
            _importer ??= new StoryImporter(factory, SeedParser.CreateDefault(), time, alerts);
            var report = await _importer.ImportFileAsync(lease.Path, new ImportOptions(
                StartedBy: request.StartedBy,
                Limits: new ReadLimits(Math.Max(options.Value.MaxUploadBytes, ReadLimits.DefaultMaxFileBytes)),
                Reparse: request.Reparse,
                Progress: lease,
                SourceName: request.FileName,
                Digest: request.Sha256 is { } sha256 ? new FileDigest(sha256, request.SizeBytes) : null), ct);
            await lease.FinishAsync(status with
            {
                State = ImportJobState.Succeeded,
                Found = report.Found,
                Handled = report.Found,
                RunId = report.RunId,
                Report = report,
                FinishedAt = Now,
            }, ct);
            LogImported(logger, request.FileName, request.StartedBy, report.RunId);
        }
        catch (SeedReadException e)
        {
            await lease.FinishAsync(status with { State = ImportJobState.Refused, Message = e.Reason, FinishedAt = Now }, ct);
        }
        catch (ImportBusyException e)
        {
            await lease.FinishAsync(status with { State = ImportJobState.Failed, Message = e.Message, FinishedAt = Now }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await lease.AbandonAsync();
            throw;
        }
#pragma warning disable CA1031 // One failed job must not stop the worker; the reason is shown on the job page and logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, request.FileName);
            await lease.FinishAsync(status with
            {
                State = ImportJobState.Failed,
                Message = "the import failed and was rolled back, nothing was stored: " + e.Message,
                FinishedAt = Now,
            }, ct);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {File} for {User}: run #{RunId}")]
    private static partial void LogImported(ILogger logger, string file, string user, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {File} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, string file);
}
