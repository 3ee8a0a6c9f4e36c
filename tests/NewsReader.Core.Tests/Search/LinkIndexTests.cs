using System.Globalization;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Search;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Search;

/// <summary>
/// The counts, filters, neighbours and related stories answered from the in-memory link index (and,
/// on PostgreSQL, the filters, totals and facets answered in SQL) agree with the same things
/// computed the slow way in SQL, including deleted stories, removed links,
/// hidden entities and tags, and follow every change to the store.
/// </summary>
public abstract class LinkIndexTests(StoreEngine engine)
{
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    private static readonly string[] Countries = ["Spain", "Kenya", "Japan", "Chile"];
    private static readonly string[] ChipStories = ["AMD to buy Xilinx", "Intel's new chief", "Chip sales reach a record"];

    private async Task<TestStore> MixedStoreAsync()
    {
        var store = await TestStore.CreateAsync(engine);
        var random = new Random(7);
        var articles = Enumerable.Range(0, 60).Select(i =>
        {
            var mentions = new List<EntityMention>
            {
                Company(Companies[random.Next(Companies.Length)], random.Next(2) == 0),
                Country(Countries[random.Next(Countries.Length)], random.Next(3) > 0),
            };
            if (random.Next(3) == 0)
            {
                mentions.Add(Company(Companies[random.Next(Companies.Length)], false));
            }

            var word = i % 3 == 0 ? "harbour" : "market";
            return Story(i, $"Story {i} about the {word}", $"The {word} moved on day {i}.\n\n" + Text($"story{i}"), [.. mentions.DistinctBy(m => m.Name)]);
        }).ToArray();
        await store.Importer().ImportAsync(Document("mixed.txt", articles), Source("mixed.txt"));
        Assert.Equal(60, store.Scalar("SELECT count(*) FROM Articles"));

        // Soft-deleted stories, removed links, a hidden company and a person's tag.
        store.Execute(
            "UPDATE Articles SET DeletedAt = '2026-01-01' WHERE Id % 9 = 0",
            "UPDATE ArticleEntities SET RemovedAt = '2026-01-01' WHERE ArticleId % 7 = 0 AND EntityId IN (SELECT Id FROM Entities WHERE Kind = 1)",
            "UPDATE Entities SET IsHidden = TRUE WHERE Slug = 'hooli'",
            "INSERT INTO Entities (Kind, Name, Slug, IsHidden, CreatedAt) VALUES (3, 'Later', 'later', FALSE, '2026-01-01')",
            "INSERT INTO ArticleEntities (ArticleId, EntityId, Origin, About, Mentions, Score, AddedAt) " +
                "SELECT Id, (SELECT Id FROM Entities WHERE Slug = 'later'), 1, FALSE, 0, 0, '2026-01-01' FROM Articles WHERE Id % 4 = 0");
        return store;
    }

    /// <summary>Facets the slow way: every link of the matching live stories, grouped.</summary>
    private static List<string> SlowFacets(TestStore store, string matchingIds) => store.Rows(
        "SELECT e.Kind, e.Name, count(*) FROM ArticleEntities l JOIN Entities e ON e.Id = l.EntityId " +
        $"WHERE l.RemovedAt IS NULL AND e.IsHidden = FALSE AND l.ArticleId IN ({matchingIds}) " +
        "GROUP BY e.Id ORDER BY e.Kind, count(*) DESC, e.Name");

    private static List<string> Facets(SearchResult result) =>
        result.Companies.Select(f => $"0|{f.Name}|{f.Count}")
            .Concat(result.Countries.Select(f => $"1|{f.Name}|{f.Count}"))
            .Concat(result.Topics.Select(f => $"2|{f.Name}|{f.Count}"))
            .Concat(result.Tags.Select(f => $"3|{f.Name}|{f.Count}"))
            .ToList();

    private const string Live = "SELECT Id FROM Articles WHERE DeletedAt IS NULL";

    private static string LinkedTo(string slug) =>
        $"SELECT l.ArticleId FROM ArticleEntities l JOIN Entities e ON e.Id = l.EntityId WHERE e.Slug = '{slug}' AND l.RemovedAt IS NULL";

    [Fact]
    public async Task SearchAsync_NoTextNoFilter_TotalAndFacetsEqualSlowCounts()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);

        var result = await search.SearchAsync(new SearchRequest(null, FacetLimit: 500));

        Assert.Equal(store.Scalar("SELECT count(*) FROM Articles WHERE DeletedAt IS NULL"), result.Total);
        Assert.Equal(SlowFacets(store, Live), Facets(result));
        Assert.DoesNotContain(result.Companies, f => f.Slug == "hooli");
        Assert.NotEmpty(result.Tags);
    }

    [Fact]
    public async Task SearchAsync_FiltersAndText_TotalAndFacetsEqualSlowCounts()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);
        var market = engine == StoreEngine.Sqlite
            ? "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'market'"
            : "SELECT id FROM articles WHERE search @@ to_tsquery('newsreader', 'market')";
        var cases = new (SearchRequest Request, string Ids)[]
        {
            (new(null, Companies: ["Acme"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("acme")}"),
            (new(null, Companies: ["Globex"], Countries: ["Spain"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("globex")} INTERSECT {LinkedTo("spain")}"),
            (new("market", FacetLimit: 500), $"{Live} INTERSECT {market}"),
            (new("market", Countries: ["Kenya"], FacetLimit: 500), $"{Live} INTERSECT {market} INTERSECT {LinkedTo("kenya")}"),
            (new("market -company:Initech", FacetLimit: 500), $"{Live} INTERSECT {market} EXCEPT {LinkedTo("initech")}"),
            (new("-market", FacetLimit: 500), $"{Live} EXCEPT {market}"),
            (new(null, Tags: ["later"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("later")}"),
            (new(null, Companies: ["Acme", "Globex"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("acme")} INTERSECT {LinkedTo("globex")}"),
            (new("market", Companies: ["Acme", "Initech"], Countries: ["Kenya"], FacetLimit: 500),
                $"{Live} INTERSECT {market} INTERSECT {LinkedTo("acme")} INTERSECT {LinkedTo("initech")} INTERSECT {LinkedTo("kenya")}"),
            (new("-company:Initech", FacetLimit: 500), $"{Live} EXCEPT {LinkedTo("initech")}"),
            (new("-market", Companies: ["Acme"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("acme")} EXCEPT {market}"),
            (new("country:Spain -company:Globex", Countries: ["Japan"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("spain")} INTERSECT {LinkedTo("japan")} EXCEPT {LinkedTo("globex")}"),
            (new(null, Companies: ["Hooli"], Tags: ["later"], FacetLimit: 500), $"{Live} INTERSECT {LinkedTo("hooli")} INTERSECT {LinkedTo("later")}"),
            (new(null, Countries: ["Chile"], FacetLimit: 2), $"{Live} INTERSECT {LinkedTo("chile")}"),
        };

        foreach (var (request, ids) in cases)
        {
            var result = await search.SearchAsync(request);
            Assert.Equal(store.Scalar($"SELECT count(*) FROM ({ids}) AS found"), result.Total);
            Assert.Equal(TopPerKind(SlowFacets(store, ids), request.FacetLimit), Facets(result));
        }
    }

    /// <summary>The first <paramref name="perKind"/> rows of each kind of the slow facets.</summary>
    private static List<string> TopPerKind(List<string> facets, int perKind) =>
        facets.GroupBy(f => f.Split('|')[0]).SelectMany(g => g.Take(perKind)).ToList();

    [Fact]
    public async Task SearchAsync_FilteredNewestPages_FollowCreatedAtThenId()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);
        var ids = $"{Live} INTERSECT {LinkedTo("spain")} EXCEPT {LinkedTo("acme")}";
        var expected = store.Rows($"SELECT Id FROM Articles WHERE Id IN ({ids}) ORDER BY CreatedAt DESC, Id DESC");
        Assert.True(expected.Count > 4, $"several pages of Spanish stories, not {expected.Count}");

        foreach (var text in new[] { "country:spain -company:acme", "-company:acme" })
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await search.SearchAsync(new SearchRequest(text, Countries: text.Contains("country:", StringComparison.Ordinal) ? null : ["Spain"], Sort: SearchSort.Newest, Limit: 2, After: cursor));
                Assert.Equal(expected.Count, page.Total);
                seen.AddRange(page.Hits.Select(h => h.Id.ToString(CultureInfo.InvariantCulture)));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task SearchAsync_NewestPages_FollowCreatedAtThenId()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);
        var expected = store.Rows("SELECT Id FROM Articles WHERE DeletedAt IS NULL ORDER BY CreatedAt DESC, Id DESC");

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await search.SearchAsync(new SearchRequest(null, Limit: 7, After: cursor));
            seen.AddRange(page.Hits.Select(h => h.Id.ToString(CultureInfo.InvariantCulture)));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task SearchAsync_StoreChangesAfterASearch_SeesTheChange()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);
        var before = await search.SearchAsync(new SearchRequest(null, Companies: ["Acme"]));

        store.Execute($"UPDATE Articles SET DeletedAt = '2026-02-01' WHERE Id = (SELECT max(ArticleId) FROM ({LinkedTo("acme")}) AS linked WHERE ArticleId IN ({Live}))");
        var after = await search.SearchAsync(new SearchRequest(null, Companies: ["Acme"]));
        await store.Importer().ImportAsync(Document("more.txt", Story(0, "A fresh Acme story", "Acme did it again.\n\n" + Text("fresh"), Company("Acme"))), Source("more.txt"));
        var imported = await search.SearchAsync(new SearchRequest(null, Companies: ["Acme"]));

        Assert.Equal(before.Total - 1, after.Total);
        Assert.Equal(after.Total + 1, imported.Total);
        Assert.Equal("A fresh Acme story", imported.Hits[0].Title);
    }

    [Fact]
    public async Task EntityCountsAsync_EqualSlowCounts()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);

        foreach (var kind in new[] { EntityKind.Company, EntityKind.Country, EntityKind.Tag })
        {
            var counts = await search.EntityCountsAsync(kind);
            var slow = store.Rows(
                "SELECT e.Name, count(*) FROM ArticleEntities l JOIN Entities e ON e.Id = l.EntityId " +
                $"WHERE l.RemovedAt IS NULL AND e.IsHidden = FALSE AND e.Kind = {(int)kind} AND l.ArticleId IN ({Live}) GROUP BY e.Id ORDER BY count(*) DESC, e.Name");
            Assert.Equal(slow, counts.Select(c => $"{c.Name}|{c.Count}"));
        }
    }

    [Fact]
    public async Task EntityStatsAsync_EqualSlowCounts()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);
        var id = store.Scalar("SELECT Id FROM Entities WHERE Slug = 'spain'");

        var stats = (await search.EntityStatsAsync(id, 50))!;

        var stories = $"{Live} INTERSECT {LinkedTo("spain")}";
        Assert.Equal(store.Scalar($"SELECT count(*) FROM ({stories}) AS found"), stats.Stories);
        Assert.Equal(store.Scalar($"SELECT count(*) FROM ArticleEntities WHERE EntityId = {id} AND About = TRUE AND RemovedAt IS NULL AND ArticleId IN ({Live})"), stats.About);
        var alongside = SlowFacets(store, stories).Where(r => (r.StartsWith("0|", StringComparison.Ordinal) || r.StartsWith("1|", StringComparison.Ordinal)) && !r.StartsWith("1|Spain|", StringComparison.Ordinal));
        Assert.Equal(alongside, stats.Companies.Select(f => $"0|{f.Name}|{f.Count}").Concat(stats.Countries.Select(f => $"1|{f.Name}|{f.Count}")));
        Assert.Null(await search.EntityStatsAsync(-1, 10));
    }

    [Fact]
    public async Task RelatedAsync_EqualSlowScores()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);

        // The live links of live stories to visible entities, read with SQL; the cosine worked out here.
        var links = store.Rows(
            "SELECT l.ArticleId, l.EntityId, e.Kind, CASE WHEN l.About THEN 1 ELSE 0 END FROM ArticleEntities l JOIN Entities e ON e.Id = l.EntityId " +
            $"WHERE l.RemovedAt IS NULL AND e.IsHidden = FALSE AND l.ArticleId IN ({Live})")
            .Select(r => r.Split('|').Select(long.Parse).ToArray())
            .ToList();
        var stories = store.Scalar($"SELECT count(*) FROM ({Live}) AS live");
        var linking = links.GroupBy(l => l[1]).ToDictionary(g => g.Key, g => g.Count());
        var vectors = links.GroupBy(l => l[0]).ToDictionary(
            g => g.Key,
            g => g.ToDictionary(
                l => l[1],
                l => (l[2] == 0 ? 3.0 : l[2] == 1 ? 1.0 : 2.0) * (l[3] == 1 ? 1 : 0.5) * Math.Log(1 + ((double)stories / linking[l[1]]))));
        double Cosine(Dictionary<long, double> a, Dictionary<long, double> b) =>
            a.Sum(x => b.TryGetValue(x.Key, out var y) ? x.Value * y : 0)
            / Math.Sqrt(a.Values.Sum(v => v * v)) / Math.Sqrt(b.Values.Sum(v => v * v));

        foreach (var id in store.Rows( "SELECT Id FROM Articles WHERE DeletedAt IS NULL AND Id % 5 = 1").Select(long.Parse))
        {
            var related = await search.RelatedAsync(id, 5);

            var slow = vectors.Where(v => v.Key != id)
                .Select(v => (Id: v.Key, Score: Cosine(vectors[id], v.Value)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => Math.Round(x.Score, 9)).ThenByDescending(x => x.Id)
                .Take(5)
                .Select(x => x.Id);
            Assert.Equal(slow, related);
        }
    }

    [Fact]
    public async Task RelatedAsync_ChipDeal_RanksChipStoriesAboveStoriesSharingCountriesAndTheDealTopic()
    {
        await using var store = await TestStore.CreateAsync(engine);
        // A chip deal that mentions Microsoft in passing, as the seed's Nvidia/Arm story does; three
        // stories on the TikTok sale and the WeChat ban share its countries, the deal topic or that
        // name; three are about chips. Counting shared links (the old ranking) put a TikTok story third.
        var articles = new[]
        {
            Story(0, "Nvidia to buy Arm", Text("nvidia"), Company("Nvidia"), Company("Arm"), Company("Microsoft", false),
                Country("United States", false), Country("United Kingdom", false), Country("China", false), Topic("semiconductors"), Topic("acquisitions")),
            Story(1, "TikTok picks Oracle", Text("tiktok1"), Company("TikTok"), Company("Oracle"), Company("Microsoft", false),
                Country("United States"), Country("China"), Topic("acquisitions"), Topic("social media")),
            Story(2, "Trump backs the TikTok deal", Text("tiktok2"), Company("TikTok"), Company("Oracle", false),
                Country("United States"), Country("China"), Topic("regulation"), Topic("acquisitions")),
            Story(3, "WeChat ban", Text("wechat"), Company("WeChat"), Company("Microsoft", false), Country("United States"), Country("China"), Country("United Kingdom", false),
                Topic("regulation"), Topic("social media")),
            Story(4, "AMD to buy Xilinx", Text("amd"), Company("AMD"), Company("Xilinx"), Company("Nvidia", false), Country("United States", false),
                Topic("semiconductors"), Topic("acquisitions")),
            Story(5, "Intel's new chief", Text("intel"), Company("Intel"), Company("Arm", false), Country("United States"), Topic("semiconductors")),
            Story(6, "Chip sales reach a record", Text("chips"), Company("TSMC"), Company("Nvidia", false), Country("Taiwan"), Topic("semiconductors")),
            Story(7, "Huawei's growth slows", Text("huawei"), Company("Huawei"), Country("China"), Country("United States"), Country("United Kingdom", false),
                Topic("earnings"), Topic("trade & sanctions")),
        };
        await store.Importer().ImportAsync(Document("related.txt", articles), Source("related.txt"));
        using var search = new StorySearch(store.Factory);
        var ids = store.Rows( "SELECT Id, Title FROM Articles").Select(r => r.Split('|')).ToDictionary(r => r[1], r => long.Parse(r[0], CultureInfo.InvariantCulture));

        var related = await search.RelatedAsync(ids["Nvidia to buy Arm"], 3);

        Assert.Equal(ChipStories.Order(), related.Select(id => ids.Single(p => p.Value == id).Key).Order());
    }

    [Fact]
    public async Task ChipsAsync_EqualSlowQuery()
    {
        await using var store = await MixedStoreAsync();
        // Distinct scores, so the slow query's order is fully defined.
        store.Execute("UPDATE ArticleEntities SET Score = (EntityId * 1000 + ArticleId) % 997");
        using var search = new StorySearch(store.Factory);
        var all = store.Rows("SELECT Id FROM Articles").Select(long.Parse).ToList();

        var chips = await search.ChipsAsync(all);

        var live = store.Rows(Live).Select(long.Parse).ToList();
        Assert.Equal(live.Order(), chips.Keys.Order());
        foreach (var id in live)
        {
            var slow = store.Rows(
                "SELECT e.Kind, e.Slug, CASE WHEN l.About THEN 1 ELSE 0 END FROM ArticleEntities l JOIN Entities e ON e.Id = l.EntityId " +
                $"WHERE l.ArticleId = {id} AND l.RemovedAt IS NULL AND e.IsHidden = FALSE AND e.Kind <> {(int)EntityKind.Tag} " +
                "ORDER BY l.About DESC, l.Score DESC");
            Assert.Equal(slow, chips[id].Select(c => $"{(int)c.Kind}|{c.Slug}|{(c.About ? 1 : 0)}"));
        }
    }

    [Fact]
    public async Task NeighboursAsync_AreTheNextNewerAndOlderLiveStories()
    {
        await using var store = await MixedStoreAsync();
        using var search = new StorySearch(store.Factory);
        var order = store.Rows("SELECT Id FROM Articles WHERE DeletedAt IS NULL ORDER BY CreatedAt DESC, Id DESC").Select(long.Parse).ToList();

        for (var i = 0; i < order.Count; i++)
        {
            var (newer, older) = await search.NeighboursAsync(order[i]);
            Assert.Equal(i > 0 ? order[i - 1] : null, newer);
            Assert.Equal(i + 1 < order.Count ? order[i + 1] : null, older);
        }

        var deleted = store.Scalar("SELECT min(Id) FROM Articles WHERE DeletedAt IS NOT NULL");
        Assert.Equal((null, null), await search.NeighboursAsync(deleted));
    }
}

public sealed class LinkIndexSqliteTests() : LinkIndexTests(StoreEngine.Sqlite);

public sealed class LinkIndexPostgresTests() : LinkIndexTests(StoreEngine.Postgres);
