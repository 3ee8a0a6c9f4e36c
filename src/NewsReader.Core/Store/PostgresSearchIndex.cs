using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using Npgsql;

namespace NewsReader.Core.Store;

/// <summary>
/// On PostgreSQL the index keeps itself: <c>articles.search</c> is a stored generated <c>tsvector</c>
/// (migration SearchVector) with a GIN index, written in the same statement as the row, so a story and
/// its index entry commit or roll back together and an import has nothing to defer or catch up.
/// Only the names copy (<c>Entities</c>, part of the vector) is rewritten when a story's links change.
/// </summary>
internal sealed class PostgresSearchIndex : ISearchIndex
{
    private const string RefreshEntityTextSql =
        "UPDATE Articles SET Entities = COALESCE((SELECT string_agg(Name, chr(10) ORDER BY About DESC, Score DESC) FROM (" +
        "SELECT e.Name, ae.About, ae.Score FROM ArticleEntities ae JOIN Entities e ON e.Id = ae.EntityId " +
        "WHERE ae.ArticleId = $p0 AND ae.RemovedAt IS NULL) n), '') WHERE Id = $p0";

    public Task IndexImportRunAsync(IStatements sql, long runId, long afterId, long upToId, CancellationToken ct) => Task.CompletedTask;

    public Task UnindexAsync(IStatements sql, long articleId, CancellationToken ct) => Task.CompletedTask;

    public Task IndexAsync(IStatements sql, long articleId, CancellationToken ct) => Task.CompletedTask;

    public Task RefreshEntityTextAsync(IStatements sql, long articleId, CancellationToken ct) => sql.ExecuteAsync(RefreshEntityTextSql, ct, articleId);

    public Task RefreshEntityTextAsync(NewsDbContext db, long articleId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(RefreshEntityTextSql.Replace("$p0", "@p0", StringComparison.Ordinal), [new NpgsqlParameter("p0", articleId)], ct);
}
