using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>
/// Keeping the full-text index in step with the stories. Ordinary changes index themselves (database
/// triggers on SQLite); a running import defers its new stories and indexes them in batches, and a
/// change to a story's links rewrites the names copy the index reads (<c>Articles.Entities</c>).
/// </summary>
public interface ISearchIndex
{
    /// <summary>Indexes the stories an import run created with ids in (<paramref name="afterId"/>, <paramref name="upToId"/>].</summary>
    Task IndexImportRunAsync(IStatements sql, long runId, long afterId, long upToId, CancellationToken ct);

    /// <summary>Takes one story out of the index with the values it holds now (before a running import changes a story it indexed).</summary>
    Task UnindexAsync(IStatements sql, long articleId, CancellationToken ct);

    /// <summary>Indexes one story again after <see cref="UnindexAsync"/> and its change.</summary>
    Task IndexAsync(IStatements sql, long articleId, CancellationToken ct);

    /// <summary>Rewrites a story's names copy from its live links; run after any change to its links.</summary>
    Task RefreshEntityTextAsync(IStatements sql, long articleId, CancellationToken ct);

    /// <summary><see cref="RefreshEntityTextAsync(IStatements, long, CancellationToken)"/> inside an EF context's transaction.</summary>
    Task RefreshEntityTextAsync(NewsDbContext db, long articleId, CancellationToken ct);
}
