using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Curation;

/// <summary>Reads people's remembered joins and splits for the splitter (the importer calls it before parsing).</summary>
public static class BoundaryOverrideStore
{
    /// <summary>Every stored decision as the splitter wants it: boundary key to "a story starts here".</summary>
    public static async Task<SplitOverrides> LoadAsync(IDbContextFactory<NewsDbContext> factory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.BoundaryOverrides.AsNoTracking()
                .Select(o => new { o.Key, o.Decision })
                .ToListAsync(ct).ConfigureAwait(false);
            return rows.Count == 0
                ? SplitOverrides.None
                : new SplitOverrides(rows.Select(r => KeyValuePair.Create(r.Key, r.Decision == BoundaryDecision.Split)));
        }
    }
}
