namespace NewsReader.Core.Data;

/// <summary>One stored story: its current text, where it came from, and what people changed.</summary>
public sealed class Story
{
    public long Id { get; set; }

    /// <summary>URL slug, unique in the store; kept when the text is updated so links stay valid.</summary>
    public required string Slug { get; set; }

    /// <summary>The headline (column <c>Title</c>, read by the <c>articles_fts</c> index).</summary>
    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>The body as Markdown (<c>##</c> subheadings, blank lines between paragraphs).</summary>
    public required string Body { get; set; }

    /// <summary>
    /// The names of the story's linked entities, one per line: a copy kept only so the external-content
    /// FTS index can read them (column <c>Entities</c>). Rewritten whenever the links change.
    /// </summary>
    public string EntityNames { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the normalised body: the exact-duplicate key, unique.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>File the current text was imported from, and the story's 0-based position in it.</summary>
    public required string SourceFile { get; set; }

    public int SourcePosition { get; set; }

    /// <summary>The splitter's confidence that the story starts where it does (0 to 1).</summary>
    public double StartConfidence { get; set; }

    /// <summary>The import run that created the story, and the last one that changed its text.</summary>
    public long CreatedByRunId { get; set; }

    public long? UpdatedByRunId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Soft delete: set when a person removed the story; re-imports do not bring it back.</summary>
    public DateTime? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    /// <summary>Set when a person edited the headline; imports then leave the headline alone.</summary>
    public DateTime? TitleEditedAt { get; set; }

    public string? TitleEditedBy { get; set; }

    /// <summary>Set when a person edited the summary; imports then leave the summary alone.</summary>
    public DateTime? SummaryEditedAt { get; set; }

    public string? SummaryEditedBy { get; set; }

    public List<EntityLink> Links { get; } = [];

    public List<StoryRevision> Revisions { get; } = [];
}
