using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Curation;

/// <summary>
/// An admin's corrections of single stories: headline and summary edits (kept through re-imports),
/// soft delete and restore. Each operation is one transaction under the import write lock.
/// </summary>
public sealed class StoryCurator(IDbContextFactory<NewsDbContext> factory, TimeProvider? time = null)
{
    /// <summary>The headline column's length.</summary>
    public const int MaxTitleLength = 400;

    /// <summary>The summary column's length.</summary>
    public const int MaxSummaryLength = 2000;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Stories for the admin list, newest first; deleted ones only when asked.</summary>
    public async Task<StoryListPage> ListAsync(StoryQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = db.Stories.AsNoTracking();
            rows = query.State switch
            {
                StoryState.Live => rows.Where(a => a.DeletedAt == null),
                StoryState.Deleted => rows.Where(a => a.DeletedAt != null),
                _ => rows,
            };
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                // Lower-cased on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
                var pattern = "%" + EscapeLike(query.Text.Trim().ToLowerInvariant()) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), never run in .NET.
                rows = rows.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, "\\") || EF.Functions.Like(a.Slug.ToLower(), pattern, "\\")
                    || EF.Functions.Like(a.SourceFile.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
            }

            var total = await rows.CountAsync(ct).ConfigureAwait(false);
            var page = await rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Limit, 1, 200))
                .Select(a => new StoryRow(a.Id, a.Slug, a.Title, a.SourceFile, a.SourcePosition, a.StartConfidence, a.CreatedAt,
                    a.DeletedAt, a.DeletedBy, a.TitleEditedAt != null, a.SummaryEditedAt != null))
                .ToListAsync(ct).ConfigureAwait(false);
            return new StoryListPage(page, total);
        }
    }

    /// <summary>One story with its paragraphs and the story after it in its file, or null.</summary>
    public async Task<StoryForEdit?> GetAsync(long id, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var a = await db.Stories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
            if (a is null)
            {
                return null;
            }

            var next = await db.Stories.AsNoTracking()
                .Where(n => n.SourceFile == a.SourceFile && n.SourcePosition == a.SourcePosition + 1 && n.DeletedAt == null && n.Id != a.Id)
                .Select(n => new StoryRef(n.Id, n.Slug, n.Title)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var revisions = await db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id).OrderByDescending(r => r.Id)
                .Select(r => new { r.Id, r.Reason, r.CreatedAt, r.CreatedBy, r.ImportRunId, r.Title, r.Body })
                .ToListAsync(ct).ConfigureAwait(false);
            return new StoryForEdit(a.Id, a.Slug, a.Title, a.Summary, StoredBody.Paragraphs(a.Body), a.SourceFile, a.SourcePosition,
                a.StartConfidence, a.DeletedAt, a.DeletedBy, a.TitleEditedAt, a.TitleEditedBy, a.SummaryEditedAt, a.SummaryEditedBy, next,
                revisions.Select(r => new RevisionRow(r.Id, r.Reason, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.CreatedBy, r.ImportRunId, r.Title,
                    r.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length)).ToList());
        }
    }

    /// <summary>
    /// Sets the headline and summary. Only a changed field is marked edited (imports then leave it
    /// alone); the texts before are kept as an <see cref="RevisionReason.Edited"/> revision. The FTS
    /// index follows through the table's triggers.
    /// </summary>
    /// <returns>False when nothing changed.</returns>
    public async Task<bool> EditAsync(long id, string title, string summary, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        title = OneLine(title);
        summary = summary.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (title.Length == 0)
        {
            throw new CurationException("The headline cannot be empty.");
        }

        if (title.Length > MaxTitleLength || summary.Length > MaxSummaryLength)
        {
            throw new CurationException($"The headline may have at most {MaxTitleLength} characters and the summary {MaxSummaryLength}.");
        }

        return await CurationWrite.RunAsync(factory, async db =>
        {
            var a = await FindAsync(db, id, ct).ConfigureAwait(false);
            var titleChanged = !string.Equals(a.Title, title, StringComparison.Ordinal);
            var summaryChanged = !string.Equals(a.Summary, summary, StringComparison.Ordinal);
            if (!titleChanged && !summaryChanged)
            {
                return false;
            }

            var now = _time.GetUtcNow().UtcDateTime;
            db.StoryRevisions.Add(new StoryRevision
            {
                StoryId = a.Id, Title = a.Title, Summary = a.Summary, Body = a.Body, Fingerprint = a.Fingerprint,
                Reason = RevisionReason.Edited, SourceFile = a.SourceFile, CreatedAt = now, CreatedBy = by,
            });
            if (titleChanged)
            {
                (a.Title, a.TitleEditedAt, a.TitleEditedBy) = (title, now, by);
            }

            if (summaryChanged)
            {
                (a.Summary, a.SummaryEditedAt, a.SummaryEditedBy) = (summary, now, by);
            }

            a.UpdatedAt = now;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Soft-deletes a story: readers no longer find it (lists, search, facets, entity pages; its page is
    /// not found). It stays stored with its fingerprint, so importing its text again does not bring it back.
    /// </summary>
    public Task DeleteAsync(long id, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ChangeAsync(id, a =>
        {
            if (a.DeletedAt is null)
            {
                (a.DeletedAt, a.DeletedBy) = (_time.GetUtcNow().UtcDateTime, by);
            }
        }, ct);
    }

    /// <summary>Brings a soft-deleted story back.</summary>
    public Task RestoreAsync(long id, string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ChangeAsync(id, a => (a.DeletedAt, a.DeletedBy) = (null, null), ct);
    }

    private async Task ChangeAsync(long id, Action<Story> change, CancellationToken ct)
    {
        await CurationWrite.RunAsync(factory, async db =>
        {
            change(await FindAsync(db, id, ct).ConfigureAwait(false));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    internal static async Task<Story> FindAsync(NewsDbContext db, long id, CancellationToken ct) =>
        await db.Stories.FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false)
            ?? throw new CurationException("There is no such story.");

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
