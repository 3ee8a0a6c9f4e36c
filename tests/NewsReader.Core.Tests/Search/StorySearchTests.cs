using NewsReader.Core.Data;
using NewsReader.Core.Search;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Search;

public abstract class StorySearchTests(StoreEngine engine)
{
    protected async Task<TestStore> StoreWithStoriesAsync()
    {
        var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("news.txt",
            Story(0, "Solar panels get cheaper", "Solar power prices fell again this year.\n\n" + Text("solar"), Company("Sunny Corp"), Country("Spain"), Topic("Energy")),
            Story(1, "Wind farms expand", "Wind power grew. Solar was flat.\n\n" + Text("wind"), Company("Breeze Ltd"), Country("Spain"), Topic("Energy")),
            Story(2, "Bank profits rise", "The bank reported higher profits.\n\n" + Text("bank"), Company("Sunny Corp"), Country("Kenya"), Topic("Finance")),
            Story(3, "Café culture in Paris", "Les cafés de Paris attirent des touristes.\n\n" + Text("cafe"), Country("France"))), Source("news.txt"));
        return store;
    }

    [Fact]
    public async Task SearchAsync_Word_FindsStoriesWithTitleMatchFirst()
    {
        await using var store = await StoreWithStoriesAsync();
        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("solar"));

        Assert.Equal(2, result.Total);
        Assert.Equal(["Solar panels get cheaper", "Wind farms expand"], result.Hits.Select(h => h.Title));
        Assert.Contains(result.Hits[0].Snippet, p => p.Marked && p.Text.Equals("Solar", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("**", result.Hits[0].SnippetText(), StringComparison.Ordinal);
    }

    // A reader wants the match in its sentence: the headline and the entity chips are shown apart.
    [Fact]
    public async Task SearchAsync_NameInBodyAndEntities_SnippetFromTheBody()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("games.txt",
            Story(0, "Tencent backs esports organiser", "The organiser raised money from investors.\n\nThe organiser, founded in Shanghai in 2016 and grown over the last four years into one of the largest event companies in the region, runs tournaments with Tencent and others.\n\n" + Text("esports"),
                Company("Tencent"), Company("Huya"), Company("Douyu"), Company("Kuaishou"), Country("China"))), Source("games.txt"));

        var hit = Assert.Single((await new StorySearch(store.Factory).SearchAsync(new SearchRequest("tencent"))).Hits);

        Assert.Contains(hit.Snippet, p => p.Marked && p.Text == "Tencent");
        Assert.Contains("tournaments with", hit.SnippetText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Huya", hit.SnippetText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_StemmingAndDiacritics_Match()
    {
        await using var store = await StoreWithStoriesAsync();
        var search = new StorySearch(store.Factory);

        Assert.Equal(1, (await search.SearchAsync(new SearchRequest("cafe"))).Total);
        Assert.Equal(1, (await search.SearchAsync(new SearchRequest("profit"))).Total);
    }

    [Fact]
    public async Task SearchAsync_EntityName_MatchesEntitiesColumn()
    {
        await using var store = await StoreWithStoriesAsync();
        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("breeze"));

        Assert.Equal("Wind farms expand", Assert.Single(result.Hits).Title);
    }

    [Fact]
    public async Task SearchAsync_FiltersCombineWithAndAndText()
    {
        await using var store = await StoreWithStoriesAsync();
        var search = new StorySearch(store.Factory);

        var company = await search.SearchAsync(new SearchRequest(null, Companies: ["sunny corp"]));
        var companyAndCountry = await search.SearchAsync(new SearchRequest(null, Companies: ["Sunny Corp"], Countries: ["Spain"]));
        var textAndFilter = await search.SearchAsync(new SearchRequest("solar", Countries: ["spain"], Topics: ["energy"]));
        var fieldInText = await search.SearchAsync(new SearchRequest("solar -company:\"Sunny Corp\""));
        var unknown = await search.SearchAsync(new SearchRequest("solar", Companies: ["Nobody Inc"]));

        Assert.Equal(2, company.Total);
        Assert.Equal("Solar panels get cheaper", Assert.Single(companyAndCountry.Hits).Title);
        Assert.Equal(2, textAndFilter.Total);
        Assert.Equal("Wind farms expand", Assert.Single(fieldInText.Hits).Title);
        Assert.Equal(0, unknown.Total);
    }

    [Fact]
    public async Task SearchAsync_OnlyExclusions_EverythingElse()
    {
        await using var store = await StoreWithStoriesAsync();
        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("-solar"));

        Assert.Equal(["Bank profits rise", "Café culture in Paris"], result.Hits.Select(h => h.Title).Order());
    }

    [Fact]
    public async Task SearchAsync_Facets_CountTheWholeResultSet()
    {
        await using var store = await StoreWithStoriesAsync();
        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest("power", Limit: 1));

        Assert.Single(result.Hits);
        Assert.Equal(2, result.Total);
        Assert.Equal(new FacetCount("Spain", "spain", 2), Assert.Single(result.Countries));
        Assert.Equal(["Breeze Ltd", "Sunny Corp"], result.Companies.Select(c => c.Name));
        Assert.Equal(2, Assert.Single(result.Topics).Count);
    }

    [Fact]
    public async Task SearchAsync_KeysetPages_CoverEverythingOnce()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("many.txt",
            Enumerable.Range(0, 13).Select(i => Story(i, $"Market note {i}", $"Market update {i}.\n\n" + Text($"market{i}"))).ToArray()), Source("many.txt"));
        var search = new StorySearch(store.Factory);

        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
        {
            var seen = new List<long>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await search.SearchAsync(new SearchRequest("market", Sort: sort, Limit: 5, After: cursor));
                Assert.Equal(13, page.Total);
                seen.AddRange(page.Hits.Select(h => h.Id));
                cursor = page.NextCursor;
                pages++;
            }
            while (cursor is not null);

            Assert.Equal(3, pages);
            Assert.Equal(13, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task SearchAsync_NewestWithoutText_NewestFirst()
    {
        await using var store = await StoreWithStoriesAsync();
        var result = await new StorySearch(store.Factory).SearchAsync(new SearchRequest(null, Sort: SearchSort.Newest));

        Assert.Equal(4, result.Total);
        Assert.Equal(result.Hits.Select(h => h.Id).OrderDescending(), result.Hits.Select(h => h.Id));
        Assert.All(result.Hits, h => Assert.Empty(h.Snippet));
    }

    [Fact]
    public async Task SearchAsync_SoftDeletedAndRemovedLinks_NotFound()
    {
        await using var store = await StoreWithStoriesAsync();
        using (var c = store.Connection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "UPDATE Articles SET DeletedAt = '2026-01-01' WHERE Slug = 'bank-profits-rise'; " +
                "UPDATE ArticleEntities SET RemovedAt = '2026-01-01' WHERE ArticleId = (SELECT Id FROM Articles WHERE Slug = 'wind-farms-expand')";
            cmd.ExecuteNonQuery();
        }

        var search = new StorySearch(store.Factory);
        Assert.Equal(0, (await search.SearchAsync(new SearchRequest("bank"))).Total);
        Assert.Equal(1, (await search.SearchAsync(new SearchRequest("solar", Countries: ["Spain"]))).Total);
    }

    [Fact]
    public async Task MatchEachAsync_PhrasePrefixNegationAndFieldFilters_SameStoriesAsSearchAsync()
    {
        // Alerts match with MatchEachAsync, every query at once; a reader expects what the list page shows.
        await using var store = await StoreWithStoriesAsync();
        var search = new StorySearch(store.Factory);
        SearchRequest[] requests =
        [
            new("\"solar power\""), // a phrase
            new("\"power solar\""),
            new("sol*"), // a prefix
            new("\"wind pow*\""), // a phrase ending in a prefix
            new("solar -wind"), // a negation
            new("-bank"), // only an exclusion
            new("bank OR wind"),
            new("company:\"Sunny Corp\""), // field filters typed in the query
            new("solar -company:\"Sunny Corp\""),
            new("country:spain energy"),
            new("power", Companies: ["Breeze Ltd"]), // filters of the view
            new(null, Countries: ["Spain"], Topics: ["Energy"]),
            new("-solar", Companies: ["Sunny Corp"]),
            new("solar", Companies: ["Nobody Inc"]),
        ];
        var all = (await search.SearchAsync(new SearchRequest(null, Limit: 100))).Hits.Select(h => h.Id).ToList();

        var found = await search.MatchEachAsync(requests, all);

        for (var i = 0; i < requests.Length; i++)
        {
            var listed = (await search.SearchAsync(requests[i] with { Sort = SearchSort.Newest, Limit = 100 })).Hits.Select(h => h.Id).ToList();
            Assert.True(listed.SequenceEqual(found[i].Ids), $"{requests[i]}: listed {string.Join(", ", listed)}, matched {string.Join(", ", found[i].Ids)}");
        }

        Assert.Equal(4, all.Count);
        Assert.True(found.Count(f => f.Ids.Count > 0) >= 10); // not a test of queries that match nothing
    }

    [Fact]
    public async Task SearchAsync_RandomHostileInput_NeverThrows()
    {
        await using var store = await StoreWithStoriesAsync();
        var search = new StorySearch(store.Factory);
        var random = new Random(4);
        string[] pieces = ["\"", "-", "*", "^", ":", "(", ")", "AND", "OR", "NOT", "NEAR", "NEAR(", "title:", "company:", "tag:",
            "solar", "bank", "😀", "\u0000", "'", "\\", "{", "}", "+", " ", "  ", "é", "caf", "*solar", "-company:", "\u202e"];
        for (var i = 0; i < 500; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var result = await search.SearchAsync(new SearchRequest(text, Limit: 3, After: i % 7 == 0 ? "garbage" : null));
            Assert.True(result.Total >= 0);
        }

        _ = await search.SearchAsync(new SearchRequest(new string('a', 10_000) + " \"" + new string('(', 5000)));
    }
}

public sealed class StorySearchSqliteTests() : StorySearchTests(StoreEngine.Sqlite)
{
    [Fact]
    public async Task ExplainAsync_TextWithFilters_FtsMatchComesFirst()
    {
        await using var store = await StoreWithStoriesAsync();
        var plan = await new StorySearch(store.Factory).ExplainAsync(new SearchRequest("solar power", Companies: ["Sunny Corp"], Countries: ["Spain"]));

        var first = plan.First(line => line.Contains("SCAN", StringComparison.Ordinal) || line.Contains("SEARCH", StringComparison.Ordinal));
        Assert.Contains("articles_fts VIRTUAL TABLE", first, StringComparison.Ordinal);
    }
}

public sealed class StorySearchPostgresTests() : StorySearchTests(StoreEngine.Postgres);
