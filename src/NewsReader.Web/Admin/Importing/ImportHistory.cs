using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;

namespace NewsReader.Web.Admin.Importing;

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

    /// <summary>The run's report page.</summary>
    public string Url => ImportRunRow.PageUrl(Id);

    public static string PageUrl(long id) => "/admin/imports/runs/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A page of the history, newest first.</summary>
public sealed record ImportHistoryPage(IReadOnlyList<ImportRunRow> Runs, int Page, int PageCount, int Total);

/// <summary>A stored story a report links to.</summary>
public sealed record StoryLink(long Id, string Slug, string Title)
{
    public string Url => "/articles/" + Uri.EscapeDataString(Slug);
}

/// <summary>A line of a run's report: a rejection, a duplicate, a near-duplicate decision, an error.</summary>
/// <param name="Position">The story's 0-based position in the file, when the line is about one story.</param>
public sealed record ImportNote(int? Position, StoryLink? Story, string Text);

/// <summary>A finished run's report, read from the store.</summary>
/// <param name="MoreNew">New stories not listed (the list stops at <see cref="ImportHistory.MaxListed"/>).</param>
public sealed record ImportRunReport(
    ImportRunRow Run,
    IReadOnlyList<StoryLink> NewStories,
    int MoreNew,
    IReadOnlyList<StoryLink> UpdatedStories,
    int MoreUpdated,
    IReadOnlyList<ImportNote> Notes,
    int MoreNotes);

/// <summary>The import history in the store (<see cref="ImportRun"/>, <see cref="ImportRunMessage"/>), and refused uploads recorded there.</summary>
public sealed class ImportHistory(IDbContextFactory<NewsDbContext> factory, TimeProvider time)
{
    /// <summary>Most stories or lines listed per section of a report (a big file's report stays a readable page).</summary>
    public const int MaxListed = 500;

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

        var created = db.Articles.AsNoTracking().Where(a => a.CreatedByRunId == runId);
        var newCount = await created.CountAsync(ct);
        var newStories = await created.OrderBy(a => a.SourcePosition).ThenBy(a => a.Id).Take(MaxListed)
            .Select(a => new StoryLink(a.Id, a.Slug, a.Title)).ToListAsync(ct);

        // Stories this run gave a new text; a later run's update moves a story to that run's report.
        var updated = db.Articles.AsNoTracking().Where(a => a.UpdatedByRunId == runId && a.CreatedByRunId != runId);
        var updatedCount = await updated.CountAsync(ct);
        var updatedStories = await updated.OrderBy(a => a.SourcePosition).ThenBy(a => a.Id).Take(MaxListed)
            .Select(a => new StoryLink(a.Id, a.Slug, a.Title)).ToListAsync(ct);

        var messages = db.ImportRunMessages.AsNoTracking().Where(m => m.ImportRunId == runId);
        var messageCount = await messages.CountAsync(ct);
        var notes = await messages.OrderBy(m => m.Position ?? -1).ThenBy(m => m.Id).Take(MaxListed)
            .Select(m => new
            {
                m.Position,
                m.Text,
                Story = db.Articles.Where(a => a.Id == m.ArticleId).Select(a => new StoryLink(a.Id, a.Slug, a.Title)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new ImportRunReport(
            run,
            newStories,
            newCount - newStories.Count,
            updatedStories,
            updatedCount - updatedStories.Count,
            notes.Select(n => new ImportNote(n.Position, n.Story, n.Text)).ToList(),
            messageCount - notes.Count);
    }

    /// <summary>Records a refused upload: nothing of it is stored but this run and its reason.</summary>
    public async Task<long> RecordRefusedAsync(string fileName, string sha256, long sizeBytes, string startedBy, string reason, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var run = new ImportRun
        {
            FileName = fileName,
            Sha256 = sha256,
            SizeBytes = sizeBytes,
            StartedBy = startedBy,
            StartedAt = now,
            FinishedAt = now,
            Status = ImportStatus.Refused,
        };
        run.Messages.Add(new ImportRunMessage { Text = reason.Length > 2000 ? reason[..2000] : reason });
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private static IQueryable<ImportRunRow> Rows(IQueryable<ImportRun> runs) =>
        runs.Select(r => new ImportRunRow(r.Id, r.FileName, r.Sha256, r.SizeBytes, r.StartedBy, r.StartedAt, r.FinishedAt, r.Status,
            new ImportCounts(r.Found, r.New, r.Updated, r.Unchanged, r.DuplicatesInFile, r.Rejected)));
}
