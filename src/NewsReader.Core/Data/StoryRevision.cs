namespace NewsReader.Core.Data;

/// <summary>Why a text became a revision of a story instead of its current text.</summary>
public enum RevisionReason
{
    /// <summary>A near-duplicate import replaced it: this was the story's text before.</summary>
    Replaced = 0,

    /// <summary>A near-duplicate import brought this text but the stored one was fuller, so it was kept.</summary>
    NotUsed = 1,

    /// <summary>A person edited the headline or summary; this was the text before (issue 6).</summary>
    Edited = 2,

    /// <summary>A person joined stories: this was the story's text before, or the text of the story joined into it.</summary>
    Joined = 3,

    /// <summary>A person split the story: this was its whole text before the split.</summary>
    Split = 4,
}

/// <summary>A text a story had, or was offered, and does not show now. Its fingerprint counts as known.</summary>
public sealed class StoryRevision
{
    public long Id { get; set; }

    public long StoryId { get; set; }

    public Story? Story { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string Body { get; set; }

    /// <summary>Fingerprint of <see cref="Body"/>; importing this text again reports it unchanged.</summary>
    public required string Fingerprint { get; set; }

    public RevisionReason Reason { get; set; }

    public required string SourceFile { get; set; }

    public long? ImportRunId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}
