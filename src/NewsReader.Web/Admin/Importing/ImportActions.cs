using System.Globalization;
using Microsoft.Extensions.Options;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Web.Account;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Admin.Importing;

/// <summary>
/// The import actions an admin takes (queue an uploaded file, refuse one, re-import <c>seeds/</c>).
/// Every method first checks, against the store, that the signed-in user is an admin right now: the
/// check lives here, not in a page or endpoint, so no caller can forget it.
/// </summary>
public sealed partial class ImportActions(
    CurrentUser currentUser,
    IImportJobs queue,
    ImportHistory history,
    IOptions<AdminImportOptions> options,
    IOptions<ReaderOptions> readerOptions,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<ImportActions> logger)
{
    /// <summary>The signed-in admin.</summary>
    /// <exception cref="ActionForbiddenException">Not signed in, or not an admin (any more).</exception>
    public Task<SignedInUser> RequireAdminAsync() => currentUser.RequireAsync(NewsRoles.Admin);

    /// <summary>
    /// Checks an uploaded file's content (text, UTF-8 or UTF-16, not empty, within the limit: the
    /// content decides, not the name) and queues its import; a refused file is deleted, its run
    /// recorded as refused, and its job ends at once with the reason.
    /// </summary>
    public async Task<ImportJob> QueueUploadAsync(ReceivedFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        SignedInUser admin;
        try
        {
            admin = await RequireAdminAsync();
        }
        catch (ActionForbiddenException)
        {
            UploadReceiver.TryDelete(file.TempPath);
            throw;
        }

        var request = new ImportRequest(file.FileName, file.SizeBytes, admin.UserName, Now, file.TempPath, IsTemporary: true, Reparse: false, file.Sha256);
        if (file.Refusal is { } reason)
        {
            // Checked as it was received (UploadReceiver): a refused file never waits in the queue.
            UploadReceiver.TryDelete(file.TempPath);
            var runId = await history.RecordRefusedAsync(file.FileName, file.Sha256, file.SizeBytes, admin.UserName, reason, ct);
            LogRefused(logger, file.FileName, admin.UserName, runId, reason);
            return await queue.AddFinishedAsync(request,
                new ImportJobStatus(ImportJobState.Refused, StartedAt: request.QueuedAt, FinishedAt: Now, RunId: runId, Message: reason), ct);
        }

        try
        {
            return await queue.EnqueueAsync(request, ct);
        }
        catch
        {
            UploadReceiver.TryDelete(file.TempPath);
            throw;
        }
    }

    /// <summary>Records an upload refused for its size before it was read to the end; nothing of it is kept.</summary>
    public async Task<ImportJob> RefuseTooLargeAsync(string fileName, long bytesSeen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var admin = await RequireAdminAsync();
        var reason = TooLargeReason(options.Value.MaxUploadBytes);
        var runId = await history.RecordRefusedAsync(fileName, string.Empty, bytesSeen, admin.UserName, reason, ct);
        LogRefused(logger, fileName, admin.UserName, runId, reason);
        var request = new ImportRequest(fileName, bytesSeen, admin.UserName, Now, string.Empty, IsTemporary: false, Reparse: false);
        return await queue.AddFinishedAsync(request,
            new ImportJobStatus(ImportJobState.Refused, StartedAt: request.QueuedAt, FinishedAt: Now, RunId: runId, Message: reason), ct);
    }

    /// <summary>Queues every file of the seeds folder (<c>Reader:SeedsFolder</c>), in name order.</summary>
    /// <param name="reparse">Parse even files imported before byte for byte (after the splitter or extractor changed).</param>
    public async Task<IReadOnlyList<ImportJob>> ReimportSeedsAsync(bool reparse, CancellationToken ct = default)
    {
        var admin = await RequireAdminAsync();
        ct.ThrowIfCancellationRequested();
        var folder = SeedsFolder;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var jobs = new List<ImportJob>();
        foreach (var info in new DirectoryInfo(folder).EnumerateFiles().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            jobs.Add(await queue.EnqueueAsync(new ImportRequest(info.Name, info.Length, admin.UserName, Now, info.FullName, IsTemporary: false, reparse), ct));
        }

        return jobs;
    }

    /// <summary>The seeds folder as configured, resolved against the content root.</summary>
    public string SeedsFolder => ReaderOptions.Resolve(environment.ContentRootPath, readerOptions.Value.SeedsFolder);

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    internal static string TooLargeReason(long maxBytes) => string.Create(CultureInfo.InvariantCulture,
        $"the upload is larger than the limit of {maxBytes:N0} bytes: nothing was stored");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // As the worker logs an accepted file ("Imported ... run #N"), so a refused one shows in the server log too.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused upload {File} for {User}: run #{RunId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string file, string user, long runId, string reason);
}
