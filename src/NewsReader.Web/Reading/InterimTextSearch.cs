using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Web.Search;

namespace NewsReader.Web.Reading;

/// <summary>
/// Full-text matching, ranking and snippets over <c>articles_fts</c>, kept small and parameterised
/// (every MATCH expression comes from <see cref="SearchQueryParser"/> and is passed as a parameter).
/// Interim: replaced by Core's ArticleSearch once it lands, so FTS5 SQL lives in one class.
/// </summary>
internal static class InterimTextSearch
{
    private sealed record RankRow(long Id, double Rank);

    private sealed record SnippetRow(long Id, string Snippet);

    /// <summary>Narrows <paramref name="matches"/> to stories matching the query's text.</summary>
    public static IQueryable<Article> Apply(NewsDbContext db, IQueryable<Article> matches, SearchQuery query)
    {
        if (query.FtsMatch is { } match)
        {
            var ids = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM articles_fts WHERE articles_fts MATCH {match}");
            matches = matches.Where(a => ids.Contains(a.Id));
        }

        if (query.ExcludeOnlyMatch is { } exclude)
        {
            var ids = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM articles_fts WHERE articles_fts MATCH {exclude}");
            matches = matches.Where(a => !ids.Contains(a.Id));
        }

        return matches;
    }

    /// <summary>One page of matching ids, best first (bm25, headline weighted highest).</summary>
    public static async Task<List<long>> RankAsync(
        NewsDbContext db, IQueryable<Article> matches, SearchQuery query, int offset, int count, CancellationToken ct)
    {
        var ranked = db.Database.SqlQuery<RankRow>(
            $"SELECT rowid AS Id, bm25(articles_fts, 10.0, 4.0, 1.0, 3.0) AS Rank FROM articles_fts WHERE articles_fts MATCH {query.FtsMatch}");
        return await (
                from r in ranked
                join a in matches on r.Id equals a.Id
                orderby r.Rank, r.Id descending
                select r.Id)
            .Skip(offset).Take(count)
            .ToListAsync(ct);
    }

    /// <summary>Body snippets with <see cref="SnippetText"/> markers around the matches.</summary>
    public static async Task<Dictionary<long, string>> SnippetsAsync(
        NewsDbContext db, SearchQuery query, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0 || query.FtsMatch is null)
        {
            return [];
        }

        var idsJson = JsonSerializer.Serialize(ids);
        var open = SnippetText.Open.ToString();
        var close = SnippetText.Close.ToString();
        var rows = await db.Database.SqlQuery<SnippetRow>(
                $"SELECT rowid AS Id, snippet(articles_fts, 2, {open}, {close}, '…', 28) AS Snippet FROM articles_fts WHERE articles_fts MATCH {query.FtsMatch} AND rowid IN (SELECT value FROM json_each({idsJson}))")
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Snippet);
    }

    /// <summary>Stories whose text best matches the words of <paramref name="text"/> (for "related").</summary>
    public static async Task<List<long>> SimilarToAsync(NewsDbContext db, string text, long excludeId, int count, CancellationToken ct)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(12)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var query = SearchQueryParser.Parse(string.Join(" OR ", words));
        if (query.FtsMatch is null)
        {
            return [];
        }

        var live = db.Articles.AsNoTracking().Where(a => a.DeletedAt == null && a.Id != excludeId);
        return await RankAsync(db, live, query, 0, count, ct);
    }
}
