using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;

namespace NewsReader.Core.Importing;

/// <summary>One import run as the history lists it.</summary>
public sealed record ImportRunRow(
    long Id,
    string FileName,
    string Sha256,
    long SizeBytes,
    string? StartedBy,
    DateTime StartedAt,
    DateTime? FinishedAt,
    ImportStatus Status,
    ImportCounts Counts)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>A page of the history, newest first.</summary>
public sealed record ImportHistoryPage(IReadOnlyList<ImportRunRow> Runs, int Page, int PageCount, int Total);

/// <summary>A line of a run's report: a rejection, a duplicate, a near-duplicate decision, an error.</summary>
/// <param name="Position">The story's 0-based position in the file, when the line is about one story.</param>
/// <param name="Count">How many stories the run said this same thing of (a story repeated many times is one line).</param>
/// <param name="LastPosition">The last of those stories' positions, when there are several.</param>
public sealed record ImportNote(int? Position, StoryRef? Story, string Text, int Count = 1, int? LastPosition = null);

/// <summary>
/// What a run did to one stored story's text, word by word: the text it replaced against the one it
/// stored, or, when not <paramref name="Used"/> (the stored text was fuller), the stored text against
/// the one the file offered.
/// </summary>
public sealed record StoryChange(StoryRef Story, bool Used, IReadOnlyList<DiffSpan> Headline, IReadOnlyList<ParagraphDiff> Body);

/// <summary>A finished run's report, read from the store.</summary>
/// <param name="MoreNew">New stories not listed (the list stops at <see cref="ImportHistory.MaxListed"/>).</param>
/// <param name="MoreChanges">Changed stories whose changes are not shown (the list stops at <see cref="ImportHistory.MaxChanges"/>).</param>
public sealed record ImportRunReport(
    ImportRunRow Run,
    IReadOnlyList<StoryRef> NewStories,
    int MoreNew,
    IReadOnlyList<StoryRef> UpdatedStories,
    int MoreUpdated,
    IReadOnlyList<StoryChange> Changes,
    int MoreChanges,
    IReadOnlyList<ImportNote> Notes,
    int MoreNotes);

/// <summary>The import history in the store, for the web app, the CLI and any API (<see cref="ImportRun"/>, <see cref="ImportRunMessage"/>), and refused uploads recorded there.</summary>
public sealed class ImportHistory(IDbContextFactory<NewsDbContext> factory, TimeProvider time)
{
    /// <summary>Most stories or lines listed per section of a report (a big file's report stays a readable page).</summary>
    public const int MaxListed = 500;

    /// <summary>Most stories whose changes a report shows word by word (each needs its texts read and compared).</summary>
    public const int MaxChanges = 50;

    /// <summary>A page (1-based) of runs, newest first.</summary>
    public async Task<ImportHistoryPage> PageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Max(1, pageSize);
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.ImportRuns.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var runs = await Rows(db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(ct);
        return new ImportHistoryPage(runs, page, pageCount, total);
    }

    /// <summary>A run's report, or null when there is no such run.</summary>
    public async Task<ImportRunReport?> ReportAsync(long runId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await Rows(db.ImportRuns.AsNoTracking().Where(r => r.Id == runId)).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }

        var created = db.Stories.AsNoTracking().Where(a => a.CreatedByRunId == runId);
        var newCount = await created.CountAsync(ct);
        var newStories = await created.OrderBy(a => a.SourcePosition).ThenBy(a => a.Id).Take(MaxListed)
            .Select(a => new StoryRef(a.Id, a.Slug, a.Title)).ToListAsync(ct);

        // Stories this run gave a new text; a later run's update moves a story to that run's report.
        var updated = db.Stories.AsNoTracking().Where(a => a.UpdatedByRunId == runId && a.CreatedByRunId != runId);
        var updatedCount = await updated.CountAsync(ct);
        var updatedStories = await updated.OrderBy(a => a.SourcePosition).ThenBy(a => a.Id).Take(MaxListed)
            .Select(a => new StoryRef(a.Id, a.Slug, a.Title)).ToListAsync(ct);

        var (changes, changeCount) = await ChangesAsync(db, runId, ct);

        // The same line about the same stored story is one note with a count: a file that repeats
        // one story 20,000 times reads as one line, not 500 and "19,500 more".
        var messages = db.ImportRunMessages.AsNoTracking().Where(m => m.ImportRunId == runId).GroupBy(m => new { m.Text, m.StoryId });
        var messageCount = await messages.CountAsync(ct);
        var notes = await messages
            .Select(g => new { g.Key.Text, g.Key.StoryId, First = g.Min(m => m.Position), Last = g.Max(m => m.Position), Count = g.Count(), FirstId = g.Min(m => m.Id) })
            .OrderBy(g => g.First ?? -1).ThenBy(g => g.FirstId).Take(MaxListed)
            .Select(g => new
            {
                Position = g.First,
                g.Last,
                g.Count,
                g.Text,
                Story = db.Stories.Where(a => a.Id == g.StoryId).Select(a => new StoryRef(a.Id, a.Slug, a.Title)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new ImportRunReport(
            run,
            newStories,
            newCount - newStories.Count,
            updatedStories,
            updatedCount - updatedStories.Count,
            changes,
            changeCount - changes.Count,
            notes.Select(n => new ImportNote(n.Position, n.Story, n.Text, n.Count, n.Count > 1 ? n.Last : null)).ToList(),
            messageCount - notes.Count);
    }

    /// <summary>
    /// The texts this run replaced, or was offered and did not use (near-duplicates; both kept as
    /// revisions of the run), each compared with the text the story had just after the run: the one
    /// kept by the story's next revision (a later import, a person's edit, join or split), or its
    /// current text when nothing changed it since.
    /// </summary>
    private static async Task<(List<StoryChange> Changes, int Count)> ChangesAsync(NewsDbContext db, long runId, CancellationToken ct)
    {
        var revisions = db.StoryRevisions.AsNoTracking()
            .Where(r => r.ImportRunId == runId && (r.Reason == RevisionReason.Replaced || r.Reason == RevisionReason.NotUsed));
        var count = await revisions.CountAsync(ct);
        var listed = await revisions.OrderBy(r => r.Id).Take(MaxChanges)
            .Select(r => new { r.Id, r.StoryId, r.Reason, r.Title, r.Body })
            .ToListAsync(ct);
        var changes = new List<StoryChange>(listed.Count);
        foreach (var revision in listed)
        {
            var story = await db.Stories.AsNoTracking().Where(a => a.Id == revision.StoryId)
                .Select(a => new { a.Id, a.Slug, a.Title, a.Body }).FirstAsync(ct);
            var next = await db.StoryRevisions.AsNoTracking()
                .Where(r => r.StoryId == revision.StoryId && r.Id > revision.Id && r.Reason != RevisionReason.NotUsed)
                .OrderBy(r => r.Id).Select(r => new { r.Title, r.Body }).FirstOrDefaultAsync(ct);
            var (title, body) = next is null ? (story.Title, story.Body) : (next.Title, next.Body);
            var used = revision.Reason == RevisionReason.Replaced;
            var (titleBefore, bodyBefore, titleAfter, bodyAfter) = used
                ? (revision.Title, revision.Body, title, body)
                : (title, body, revision.Title, revision.Body);
            changes.Add(new StoryChange(new StoryRef(story.Id, story.Slug, story.Title), used,
                TextDiff.Words(titleBefore, titleAfter), TextDiff.Paragraphs(bodyBefore, bodyAfter)));
        }

        return (changes, count);
    }

    /// <summary>Records a refused upload: nothing of it is stored but this run and its reason.</summary>
    public Task<long> RecordRefusedAsync(string fileName, string sha256, long sizeBytes, string startedBy, string reason, CancellationToken ct = default) =>
        ImportRuns.RecordUnsuccessfulAsync(factory, new ImportSource(fileName, sha256, sizeBytes), startedBy, ImportStatus.Refused, reason, time.GetUtcNow().UtcDateTime, ct);

    private static IQueryable<ImportRunRow> Rows(IQueryable<ImportRun> runs) =>
        runs.Select(r => new ImportRunRow(r.Id, r.FileName, r.Sha256, r.SizeBytes, r.StartedBy, r.StartedAt, r.FinishedAt, r.Status,
            new ImportCounts(r.Found, r.New, r.Updated, r.Unchanged, r.DuplicatesInFile, r.Rejected)));
}
