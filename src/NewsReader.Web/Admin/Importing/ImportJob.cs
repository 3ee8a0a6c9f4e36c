using NewsReader.Core.Importing;

namespace NewsReader.Web.Admin.Importing;

/// <summary>Where an import job is in its life.</summary>
public enum ImportJobState
{
    /// <summary>Queued behind another import.</summary>
    Waiting,
    Running,
    Succeeded,

    /// <summary>The file was refused (too big, empty, binary, not UTF-8): nothing stored, a refused run recorded.</summary>
    Refused,

    /// <summary>The import failed and was rolled back: nothing stored.</summary>
    Failed,
}

/// <summary>A job's state at one moment; immutable, so a page can read it while the worker moves on.</summary>
/// <param name="Found">Stories read from the file (0 until the file is parsed).</param>
/// <param name="Handled">Stories of the file handled so far (stored, matched or skipped).</param>
/// <param name="RunId">The <see cref="Core.Data.ImportRun"/> recorded for the job, once there is one.</param>
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

/// <summary>One file to import in the background: an upload (in a temp file) or a file of <c>seeds/</c>.</summary>
public sealed class ImportJob
{
    private ImportJobStatus _status = new(ImportJobState.Waiting);

    internal ImportJob(string fileName, long sizeBytes, string startedBy, DateTime queuedAt, string path, bool deleteWhenDone, bool reparse, string? sha256 = null)
    {
        Sha256 = sha256;
        Id = Guid.NewGuid();
        FileName = fileName;
        SizeBytes = sizeBytes;
        StartedBy = startedBy;
        QueuedAt = queuedAt;
        Path = path;
        DeleteWhenDone = deleteWhenDone;
        Reparse = reparse;
    }

    public Guid Id { get; }

    /// <summary>The name the person gave the file (display text only; never used as a path).</summary>
    public string FileName { get; }

    public long SizeBytes { get; }

    /// <summary>The user name of the admin who started it.</summary>
    public string StartedBy { get; }

    public DateTime QueuedAt { get; }

    public ImportJobStatus Status => Volatile.Read(ref _status);

    /// <summary>Where the bytes are: a server-named temp file for uploads.</summary>
    internal string Path { get; }

    /// <summary>The SHA-256 of an upload, taken while it was received: the importer does not hash it again.</summary>
    internal string? Sha256 { get; }

    /// <summary>True for uploads: the temp file goes once the import is over.</summary>
    internal bool DeleteWhenDone { get; }

    /// <summary>Parse even a file imported before byte for byte.</summary>
    internal bool Reparse { get; }

    /// <summary>The job page's address.</summary>
    public string Url => PageUrl(Id);

    public static string PageUrl(Guid id) => "/admin/imports/" + id.ToString("D");

    // Only the worker (one thread at a time) and the registry while creating a job write the status.
    internal void Set(ImportJobStatus status) => Volatile.Write(ref _status, status);
}
