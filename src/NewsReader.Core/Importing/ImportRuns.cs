using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Importing;

/// <summary>Runs that start and end at once: a fast-path re-import, a refused or a failed file. One place writes them.</summary>
public static class ImportRuns
{
    /// <summary>Longest reason kept on a run.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>A finished run for a file (not yet added to a context).</summary>
    public static ImportRun Finished(ImportSource source, string? startedBy, DateTime now, ImportStatus status)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new()
        {
            FileName = source.FileName,
            Sha256 = source.Sha256,
            SizeBytes = source.SizeBytes,
            StartedBy = startedBy,
            StartedAt = now,
            FinishedAt = now,
            Status = status,
        };
    }

    /// <summary>
    /// Records a refused or failed file in its own short write: nothing of it is stored but this run
    /// and its reason. Returns the run's id.
    /// </summary>
    public static async Task<long> RecordUnsuccessfulAsync(
        IDbContextFactory<NewsDbContext> factory, ImportSource source, string? startedBy, ImportStatus status, string reason, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(reason);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var run = Finished(source, startedBy, now, status);
            run.Messages.Add(new ImportRunMessage { Text = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason });
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return run.Id;
        }
    }
}
