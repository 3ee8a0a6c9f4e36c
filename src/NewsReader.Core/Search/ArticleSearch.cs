namespace NewsReader.Core.Search;

/// <summary>Placeholder while the importer lands.</summary>
public sealed class ArticleSearch
{
    /// <summary>
    /// Rewrites a story's <c>Entities</c> column (what <c>articles_fts</c> indexes as <c>entities</c>)
    /// from its live links; run after any change to its links. Parameter <c>$p0</c>: the story id.
    /// </summary>
    public const string RefreshEntityTextSql =
        "UPDATE Articles SET Entities = COALESCE((SELECT group_concat(Name, char(10)) FROM (" +
        "SELECT e.Name FROM ArticleEntities ae JOIN Entities e ON e.Id = ae.EntityId " +
        "WHERE ae.ArticleId = $p0 AND ae.RemovedAt IS NULL ORDER BY ae.About DESC, ae.Score DESC)), '') WHERE Id = $p0";
}
