namespace NewsReader.Core.Data;

/// <summary>How an import run ended. Stored as integers: never renumber.</summary>
public enum ImportStatus
{
    /// <summary>Only ever seen inside the run's own transaction; committed runs are never Running.</summary>
    Running = 0,
    Succeeded = 1,

    /// <summary>The file was refused (empty, binary, badly encoded, too big): nothing was stored.</summary>
    Refused = 2,

    /// <summary>Something failed during the import: it was rolled back, nothing was stored.</summary>
    Failed = 3,
}

/// <summary>One import of one file, with what it found and did.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes (hex); empty when the file could not be read.</summary>
    public required string Sha256 { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The person or process that started it (a user id later, "cli" from the command line).</summary>
    public string? StartedBy { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public ImportStatus Status { get; set; }

    public int Found { get; set; }

    public int New { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int DuplicatesInFile { get; set; }

    public int Rejected { get; set; }

    public List<ImportRunMessage> Messages { get; } = [];
}

/// <summary>One line of an import run's report: a rejection reason, a near-duplicate decision, an error.</summary>
public sealed class ImportRunMessage
{
    public long Id { get; set; }

    public long ImportRunId { get; set; }

    /// <summary>The story's 0-based position in the file, when the message is about one story.</summary>
    public int? Position { get; set; }

    /// <summary>The stored story the message is about (a new or updated story), if any.</summary>
    public long? StoryId { get; set; }

    public required string Text { get; set; }
}
