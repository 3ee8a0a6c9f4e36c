using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;

namespace NewsReader.Core.Store;

/// <summary>
/// The FTS5 table <c>articles_fts</c> (migration ArticleSearchIndex) kept in step with the stories.
/// Triggers index ordinary changes, but skip the stories of an import run still <c>Running</c>
/// (migration DeferImportSearchIndex): the importer indexes those itself, a batch at a time while it
/// runs and the rest just before it commits, so the index is complete at commit and a killed import
/// leaves neither the rows nor their index entries.
/// </summary>
internal sealed class SqliteSearchIndex : ISearchIndex
{
    // Ids in ($p1, $p2]: new rows get larger ids, so the rowid range keeps this from scanning the
    // whole table (CreatedByRunId has no index). $p0 is the run.
    private const string IndexImportRunSql =
        "INSERT INTO articles_fts(rowid, title, summary, body, entities) SELECT Id, Title, Summary, Body, Entities FROM Articles " +
        "WHERE Id > $p1 AND Id <= $p2 AND CreatedByRunId = $p0";

    private const string UnindexArticleSql =
        "INSERT INTO articles_fts(articles_fts, rowid, title, summary, body, entities) SELECT 'delete', Id, Title, Summary, Body, Entities FROM Articles WHERE Id = $p0";

    private const string IndexArticleSql =
        "INSERT INTO articles_fts(rowid, title, summary, body, entities) SELECT Id, Title, Summary, Body, Entities FROM Articles WHERE Id = $p0";

    // The Entities column (what articles_fts indexes as "entities") from the story's live links.
    private const string RefreshEntityTextSql =
        "UPDATE Articles SET Entities = COALESCE((SELECT group_concat(Name, char(10)) FROM (" +
        "SELECT e.Name FROM ArticleEntities ae JOIN Entities e ON e.Id = ae.EntityId " +
        "WHERE ae.ArticleId = $p0 AND ae.RemovedAt IS NULL ORDER BY ae.About DESC, ae.Score DESC)), '') WHERE Id = $p0";

    public Task IndexImportRunAsync(IStatements sql, long runId, long afterId, long upToId, CancellationToken ct) =>
        sql.ExecuteAsync(IndexImportRunSql, ct, runId, afterId, upToId);

    public Task UnindexAsync(IStatements sql, long articleId, CancellationToken ct) => sql.ExecuteAsync(UnindexArticleSql, ct, articleId);

    public Task IndexAsync(IStatements sql, long articleId, CancellationToken ct) => sql.ExecuteAsync(IndexArticleSql, ct, articleId);

    public Task RefreshEntityTextAsync(IStatements sql, long articleId, CancellationToken ct) => sql.ExecuteAsync(RefreshEntityTextSql, ct, articleId);

    public Task RefreshEntityTextAsync(NewsDbContext db, long articleId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(RefreshEntityTextSql, [new SqliteParameter("$p0", articleId)], ct);
}
