namespace NewsReader.Core.Data;

/// <summary>Where an import job is in its life. Stored as integers: never renumber.</summary>
public enum ImportJobState
{
    /// <summary>Queued behind another import.</summary>
    Waiting = 0,
    Running = 1,
    Succeeded = 2,

    /// <summary>The file was refused (too big, empty, binary, not UTF-8): nothing stored, a refused run recorded.</summary>
    Refused = 3,

    /// <summary>The import failed and was rolled back: nothing stored.</summary>
    Failed = 4,
}

/// <summary>
/// An import job in the store's queue (table <c>ImportJobs</c>), so every app instance on a PostgreSQL
/// store sees it and exactly one runs it (docs/adr/0009-import-job-queue.md). The file waits beside it
/// in <see cref="QueuedImportContent"/> until the job ends.
/// </summary>
public sealed class QueuedImport
{
    public Guid Id { get; set; }

    /// <summary>The name the person gave the file (display text only; never used as a path).</summary>
    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The file's SHA-256 when it was hashed as it was received (uploads); null for a seeds file.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The user name of the admin who asked for it.</summary>
    public required string StartedBy { get; set; }

    public DateTime QueuedAt { get; set; }

    /// <summary>Parse even a file imported before byte for byte.</summary>
    public bool Reparse { get; set; }

    public ImportJobState State { get; set; }

    /// <summary>Stories read from the file (0 until the file is parsed).</summary>
    public int Found { get; set; }

    /// <summary>Stories of the file handled so far.</summary>
    public int Handled { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The <see cref="ImportRun"/> the job recorded, once there is one.</summary>
    public long? RunId { get; set; }

    /// <summary>Why the job was refused or failed.</summary>
    public string? Message { get; set; }

    /// <summary>The app instance running it (host and process id), while and after it runs.</summary>
    public string? Runner { get; set; }
}

/// <summary>The bytes of a queued file (table <c>ImportJobContents</c>), deleted when its job ends.</summary>
public sealed class QueuedImportContent
{
    public Guid JobId { get; set; }

    public required byte[] Content { get; set; }
}
