using NewsReader.Core.Following;
using NewsReader.Core.Data;
using NewsReader.Core.Reading;

namespace NewsReader.Core.Importing;

/// <summary>How an import behaves.</summary>
/// <param name="StartedBy">Recorded on the run: a user id, or "cli".</param>
/// <param name="LockWait">How long to wait for another import to finish before giving up (default 5 minutes).</param>
/// <param name="Reparse">Parse even a file already imported byte for byte (skips the re-import fast path).</param>
/// <param name="Progress">Told after each story: (stories read, stories handled).</param>
/// <param name="Digest">
/// The file's SHA-256 and size when the caller has them already (an upload is hashed as it is
/// received): the importer then reads the file once, to decode it, and never hashes it again.
/// </param>
/// <param name="SourceName">
/// The file name recorded on the run and the stories instead of the path's own name (an upload is
/// stored under a server-generated name; the name the person gave is only display text).
/// </param>
public sealed record ImportOptions(
    string? StartedBy = null,
    ReadLimits? Limits = null,
    TimeSpan? LockWait = null,
    bool Reparse = false,
    IProgress<ImportProgress>? Progress = null,
    string? SourceName = null,
    FileDigest? Digest = null)
{
    /// <summary>The defaults.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>Five minutes: long enough for another import of a big file, short enough to notice.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(5);
}

/// <summary>A file's SHA-256 (lowercase hex) and size in bytes.</summary>
public sealed record FileDigest(string Sha256, long SizeBytes);

/// <summary>An import's progress: how many of the file's stories have been handled.</summary>
public sealed record ImportProgress(int Found, int Handled);

/// <summary>Where a parsed document came from, recorded on its run.</summary>
public sealed record ImportSource(string FileName, string Sha256, long SizeBytes);

/// <summary>What happened to one story of the file.</summary>
public enum StoryOutcome
{
    New,
    Updated,
    Unchanged,
    DuplicateInFile,
    Rejected,
}

/// <summary>The outcome of one story, with the stored story it became or matched (if any).</summary>
public sealed record StoryReport(int Position, StoryOutcome Outcome, long? StoryId, string? Slug, string? Message);

/// <summary>
/// What one run did with the stories of its file, as recorded on <see cref="ImportRun"/>: shared by
/// the importer's report (which the command line prints) and the import history.
/// </summary>
/// <param name="Found">Stories read from the file.</param>
/// <param name="DuplicatesInFile">Stories that repeat an earlier story of the same file (not stored twice).</param>
/// <param name="Rejected">Stories refused (no text).</param>
public sealed record ImportCounts(int Found, int New, int Updated, int Unchanged, int DuplicatesInFile, int Rejected)
{
    /// <summary>The counts recorded on a run.</summary>
    public static ImportCounts Of(ImportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ImportCounts(run.Found, run.New, run.Updated, run.Unchanged, run.DuplicatesInFile, run.Rejected);
    }
}

/// <summary>The result of one import run, as recorded in <see cref="ImportRun"/>.</summary>
/// <param name="FastPath">True when the file was a byte-for-byte copy of an imported one and was not parsed again.</param>
public sealed record ImportReport(
    long RunId,
    string FileName,
    ImportStatus Status,
    ImportCounts Counts,
    IReadOnlyList<StoryReport> Stories,
    IReadOnlyList<string> Messages,
    bool FastPath)
{
    // Shorthands for the counts, which most callers read one at a time.
    public int Found => Counts.Found;

    public int New => Counts.New;

    public int Updated => Counts.Updated;

    public int Unchanged => Counts.Unchanged;

    public int DuplicatesInFile => Counts.DuplicatesInFile;

    public int Rejected => Counts.Rejected;

    /// <summary>What matching the new stories against saved searches with alerts on found.</summary>
    public AlertOutcome Alerts { get; init; } = AlertOutcome.None;
}

/// <summary>Another import held the store for longer than <see cref="ImportOptions.LockWait"/>.</summary>
public sealed class ImportBusyException : Exception
{
    public ImportBusyException()
        : base("another import is running")
    {
    }

    public ImportBusyException(string message)
        : base(message)
    {
    }

    public ImportBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
