using NewsReader.Core.Data;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Curation;

/// <summary>Which stories an admin list shows.</summary>
public enum StoryState
{
    Live,
    Deleted,
    All,
}

/// <summary>An admin story list request: text matched against headline, slug and file name.</summary>
public sealed record StoryQuery(string? Text = null, StoryState State = StoryState.Live, int Skip = 0, int Limit = 50);

/// <summary>One row of the admin story list.</summary>
public sealed record StoryRow(
    long Id, string Slug, string Title, string SourceFile, int SourcePosition, double StartConfidence,
    DateTime CreatedAt, DateTime? DeletedAt, string? DeletedBy, bool TitleEdited, bool SummaryEdited);

/// <summary>A page of the admin story list and how many match in all.</summary>
public sealed record StoryListPage(IReadOnlyList<StoryRow> Rows, int Total);

/// <summary>A story as the admin edits it: texts, paragraphs (for choosing a split), who changed what.</summary>
public sealed record StoryForEdit(
    long Id, string Slug, string Title, string Summary, IReadOnlyList<Paragraph> Paragraphs,
    string SourceFile, int SourcePosition, double StartConfidence,
    DateTime? DeletedAt, string? DeletedBy,
    DateTime? TitleEditedAt, string? TitleEditedBy, DateTime? SummaryEditedAt, string? SummaryEditedBy,
    StoryRef? Next, IReadOnlyList<RevisionRow> Revisions);

/// <summary>
/// A text the story had or was offered, newest first on the admin page: when, why, by whom or by which
/// import run, and its headline then.
/// </summary>
public sealed record RevisionRow(long Id, RevisionReason Reason, DateTime CreatedAt, string? CreatedBy, long? ImportRunId, string Title, int Words);

/// <summary>A story named in a result: id, slug, headline.</summary>
public sealed record StoryRef(long Id, string Slug, string Title);

/// <summary>The outcome of a join: the story that holds both texts now, and the one removed.</summary>
public sealed record JoinResult(StoryRef Joined, StoryRef Removed);

/// <summary>The outcome of a split: the first part (same id and slug) and the new story with the rest.</summary>
public sealed record SplitOutcome(StoryRef First, StoryRef Second);

/// <summary>
/// A story start worth a look: the last paragraph of the story before it in its file and the first
/// paragraphs of this one.
/// </summary>
public sealed record BoundaryReview(
    StoryRef Story, StoryRef? Previous, double StartConfidence, string SourceFile, int SourcePosition,
    string? LastParagraphBefore, IReadOnlyList<string> FirstParagraphs);

/// <summary>One entity in the admin list, with its aliases and how many stories link to it.</summary>
public sealed record EntityRow(long Id, EntityKind Kind, string Name, string Slug, bool IsHidden, int Stories, IReadOnlyList<string> Aliases);

/// <summary>An admin entity list request.</summary>
public sealed record EntityQuery(EntityKind? Kind = null, string? Text = null, int Skip = 0, int Limit = 50, long? Id = null);

/// <summary>A page of the admin entity list.</summary>
public sealed record EntityListPage(IReadOnlyList<EntityRow> Rows, int Total);
