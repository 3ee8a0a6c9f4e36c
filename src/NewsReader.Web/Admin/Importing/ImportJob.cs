using NewsReader.Core.Data;
using NewsReader.Core.Importing;

namespace NewsReader.Web.Admin.Importing;

/// <summary>A job's state at one moment; immutable, so a page can read it while the worker moves on.</summary>
/// <param name="Found">Stories read from the file (0 until the file is parsed).</param>
/// <param name="Handled">Stories of the file handled so far (stored, matched or skipped).</param>
/// <param name="RunId">The <see cref="Core.Data.ImportRun"/> recorded for the job, once there is one.</param>
/// <param name="Report">The importer's report, on the instance that ran it (every instance reads the run's report from the history).</param>
/// <param name="Message">Why the job was refused or failed.</param>
public sealed record ImportJobStatus(
    ImportJobState State,
    int Found = 0,
    int Handled = 0,
    DateTime? StartedAt = null,
    DateTime? FinishedAt = null,
    long? RunId = null,
    ImportReport? Report = null,
    string? Message = null)
{
    public bool IsFinished => State is ImportJobState.Succeeded or ImportJobState.Refused or ImportJobState.Failed;

    /// <summary>Share of the file's stories handled, 0 to 100.</summary>
    public double Percent => Found == 0 ? 0 : Math.Min(100, 100.0 * Handled / Found);
}

/// <summary>
/// What an admin asked to import: a file on this instance's disk (an upload's server-named temp file, or
/// a file of <c>seeds/</c>) and who asked. The queue takes the file over (<see cref="IImportJobs"/>).
/// </summary>
/// <param name="FileName">The name the person gave the file (display text only; never used as a path).</param>
/// <param name="Path">Where the bytes are now.</param>
/// <param name="IsTemporary">True for an upload's temp file: deleted once the queue has it, or the job is over.</param>
/// <param name="Sha256">The SHA-256 of an upload, taken while it was received: the importer does not hash it again.</param>
public sealed record ImportRequest(
    string FileName,
    long SizeBytes,
    string StartedBy,
    DateTime QueuedAt,
    string Path,
    bool IsTemporary,
    bool Reparse,
    string? Sha256 = null);

/// <summary>One file to import in the background, as the admin pages show it.</summary>
public sealed class ImportJob
{
    private ImportJobStatus _status;

    internal ImportJob(Guid id, ImportRequest request, ImportJobStatus status, string? runner = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        Id = id;
        Request = request;
        _status = status;
        Runner = runner;
    }

    public Guid Id { get; }

    /// <summary>The name the person gave the file (display text only; never used as a path).</summary>
    public string FileName => Request.FileName;

    public long SizeBytes => Request.SizeBytes;

    /// <summary>The user name of the admin who started it.</summary>
    public string StartedBy => Request.StartedBy;

    public DateTime QueuedAt => Request.QueuedAt;

    /// <summary>
    /// The job's state when this object was read. The in-process queue (SQLite) hands out the live job,
    /// whose status follows the worker; the shared queue (PostgreSQL) a copy of its row: ask
    /// <see cref="IImportJobs.FindAsync"/> again for news.
    /// </summary>
    public ImportJobStatus Status => Volatile.Read(ref _status);

    /// <summary>The app instance that ran or runs it (shared queue only), e.g. <c>web1/4242</c>.</summary>
    public string? Runner { get; }

    internal ImportRequest Request { get; }

    /// <summary>The job page's address.</summary>
    public string Url => PageUrl(Id);

    public static string PageUrl(Guid id) => "/admin/imports/" + id.ToString("D");

    // Only the in-process queue's worker (one thread at a time) and the queue while creating a job write the status.
    internal void Set(ImportJobStatus status) => Volatile.Write(ref _status, status);
}
