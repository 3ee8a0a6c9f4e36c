using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Api;

/// <summary>The read API over the sample stories: lists, paging, filters, one story, entities, errors and keys.</summary>
public abstract class ApiHttpTests(WebAppFixture app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private async Task<JsonElement> GetJsonAsync(string url, HttpClient? client = null)
    {
        using var own = client is null ? app.CreateClient() : null;
        using var response = await (client ?? own!).GetAsync(new Uri(url, UriKind.Relative));
        return await JsonAsync(response);
    }

    private static List<string> Headlines(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("headline").GetString()!).ToList();

    /// <summary>A key for a fresh reader account, and the account's id.</summary>
    private async Task<(string Secret, long KeyId, string UserId)> NewKeyAsync()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(user.Email))!.Id;
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(id, "test key");
        return (key.Secret, key.Info.Id, id);
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("?q=Tencent", "/?q=Tencent")]
    [InlineData("?company=tencent&country=japan", "/?company=tencent&country=japan")]
    [InlineData("?q=china%20-nvidia", "/?q=china%20-nvidia")]
    public async Task Stories_Get_ListsWhatThePageLists(string query, string page)
    {
        var json = await GetJsonAsync("/api/v1/stories" + query);

        var expected = await app.PageHeadlinesAsync(page);
        Assert.Equal(expected, Headlines(json));
        Assert.Equal(expected.Count, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Stories_Get_ItemsCarryLinksTimesEntitiesAndSnippets()
    {
        var json = await GetJsonAsync("/api/v1/stories?q=Tencent");

        var first = json.GetProperty("items")[0];
        Assert.Equal("tencent-leads-vspn-round", first.GetProperty("slug").GetString());
        Assert.Equal("http://localhost/articles/tencent-leads-vspn-round", first.GetProperty("url").GetString());
        Assert.Equal(new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc), first.GetProperty("addedAt").GetDateTime().ToUniversalTime());
        Assert.Contains("**Tencent**", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var tencent = first.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "tencent");
        Assert.Equal("company", tencent.GetProperty("kind").GetString());
        Assert.True(tencent.GetProperty("about").GetBoolean());
        Assert.Equal("http://localhost/companies/tencent", tencent.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Stories_Paged_CursorWalksTheWholeListOnce()
    {
        var seen = new List<string>();
        var url = "/api/v1/stories?limit=3&sort=newest";
        var pages = 0;
        while (url is not null && pages++ < 10)
        {
            var json = await GetJsonAsync(url);
            seen.AddRange(Headlines(json));
            url = json.GetProperty("nextUrl").GetString() is { } next ? new Uri(next).PathAndQuery : null!;
        }

        Assert.Equal(2, pages);
        Assert.Equal(await app.PageHeadlinesAsync("/"), seen);
    }

    [Fact]
    public async Task Stories_SortNewest_OrdersATextSearchByDate()
    {
        var ranked = Headlines(await GetJsonAsync("/api/v1/stories?q=china"));
        var newest = Headlines(await GetJsonAsync("/api/v1/stories?q=china&sort=newest"));

        Assert.Equal(ranked.Order(StringComparer.Ordinal), newest.Order(StringComparer.Ordinal));
        Assert.Equal(["Tencent leads $100 million round in esports firm VSPN", "Nvidia faces new chip export rules", "Alibaba cloud revenue grows"], newest);
    }

    [Theory]
    [InlineData("/api/v1/stories?foo=1", "foo")]
    [InlineData("/api/v1/stories?limit=0", "limit")]
    [InlineData("/api/v1/stories?limit=101", "limit")]
    [InlineData("/api/v1/stories?limit=abc", "limit")]
    [InlineData("/api/v1/stories?limit=1&limit=2", "limit")]
    [InlineData("/api/v1/stories?limit=-1", "limit")]
    [InlineData("/api/v1/stories?limit=99999999999999999999", "limit")]
    [InlineData("/api/v1/stories?sort=oldest", "sort")]
    [InlineData("/api/v1/stories?after=not-a-cursor", "after")]
    [InlineData("/api/v1/stories?q=%01tesla", "q")]
    [InlineData("/api/v1/stories/tencent-leads-vspn-round?x=1", "x")]
    [InlineData("/api/v1/companies?offset=-5", "offset")]
    [InlineData("/api/v1/companies?limit=1001", "limit")]
    [InlineData("/api/v1/countries/china?verbose=true", "verbose")]
    public async Task Api_BadParameter_Answers400NamingIt(string url, string parameter)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), parameter);
    }

    [Fact]
    public async Task Stories_QueryLongerThanThePageTakes_Answers400()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/stories?q=" + new string('a', 201), UriKind.Relative));
        using var tooMany = await client.GetAsync(new Uri("/api/v1/stories?" + string.Join('&', Enumerable.Range(0, 17).Select(i => "company=c" + i)), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Story_Get_ReturnsTheStoryInFull()
    {
        var json = await GetJsonAsync("/api/v1/stories/nvidia-chip-export-rules");

        Assert.Equal("Nvidia faces new chip export rules", json.GetProperty("headline").GetString());
        Assert.Contains("Nvidia said sales would fall.", json.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("tencent-leads-vspn-round", json.GetProperty("newer").GetProperty("slug").GetString());
        Assert.Equal("alibaba-cloud-results", json.GetProperty("older").GetProperty("slug").GetString());
        Assert.Contains(json.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "China" && !e.GetProperty("about").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/stories/no-such-story")]
    [InlineData("/api/v1/companies/no-such-company")]
    [InlineData("/api/v1/tags/no-such-tag")]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/stories")]
    public async Task Api_Unknown_Answers404ProblemDocument(string url)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Entities_Get_DirectoryPagesAndOneEntity()
    {
        var all = await GetJsonAsync("/api/v1/companies");
        var second = await GetJsonAsync("/api/v1/companies?limit=1&offset=1");
        var tencent = await GetJsonAsync("/api/v1/companies/tencent");

        Assert.Equal("Tencent", all.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength());
        Assert.Equal(all.GetProperty("items")[1].GetProperty("slug").GetString(), Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("slug").GetString());
        Assert.Equal(2, tencent.GetProperty("stories").GetInt32());
        Assert.Equal(1, tencent.GetProperty("about").GetInt32());
        Assert.Equal("http://localhost/api/v1/stories?company=tencent", tencent.GetProperty("storiesUrl").GetString());
        Assert.Equal("China", tencent.GetProperty("countriesAlongside")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Api_HostileText_ComesBackAsTheSameTextWithMarkupEscaped()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/stories/hostile-story", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(raw);
        Assert.Equal("<script>alert('headline')</script> Hostile headline", json.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Api_WithKey_ActsForItsOwner_AndAWrongOrRevokedKeyIsRefusedAtOnce()
    {
        var (secret, keyId, userId) = await NewKeyAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", secret[..^2] + "xx");

        using var ok = await client.GetAsync(new Uri("/api/v1/stories", UriKind.Relative));
        using var refused = await wrong.GetAsync(new Uri("/api/v1/stories", UriKind.Relative));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeys>().RevokeAsync(userId, keyId));
        }

        using var revoked = await client.GetAsync(new Uri("/api/v1/stories", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("X-Api-Key", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task SavedSearches_Get_ListsTheOwnersWithAStoriesAddressThatListsWhatThePageLists()
    {
        var (secret, _, userId) = await NewKeyAsync();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var searches = scope.ServiceProvider.GetRequiredService<NewsReader.Core.Following.SavedSearches>();
            await searches.SaveAsync(userId, "Tencent <b>watch</b>", "q=tencent&country=china");
            await searches.SaveAsync(userId, "Everything", string.Empty);
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var response = await client.GetAsync(new Uri("/api/v1/saved-searches", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        var list = (await JsonAsync(response)).EnumerateArray().ToList();
        var tencent = list.Single(s => s.GetProperty("view").GetString() == "q=tencent&country=china");
        var one = await GetJsonAsync("/api/v1/saved-searches/" + tencent.GetProperty("id").GetInt64(), client);
        var stories = await GetJsonAsync(new Uri(tencent.GetProperty("storiesUrl").GetString()!).PathAndQuery, client);

        Assert.Equal(["Everything", "Tencent <b>watch</b>"], list.Select(s => s.GetProperty("name").GetString()));
        Assert.DoesNotContain("<b>", raw, StringComparison.Ordinal);
        Assert.Equal("http://localhost/?q=tencent&country=china", tencent.GetProperty("url").GetString());
        Assert.Equal("Tencent <b>watch</b>", one.GetProperty("name").GetString());
        Assert.Equal(await app.PageHeadlinesAsync("/?q=tencent&country=china"), Headlines(stories));
    }

    [Theory]
    [InlineData("/api/v1/saved-searches?colour=red", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/saved-searches/abc", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/saved-searches/-1", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/saved-searches/99999999999999999999999", HttpStatusCode.NotFound)]
    public async Task SavedSearches_BadRequest_AnswersAProblem(string url, HttpStatusCode expected)
    {
        var (secret, _, _) = await NewKeyAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Api_AnonymousOff_RefusesRequestsWithoutAKeyOnly()
    {
        var (secret, _, _) = await NewKeyAsync();
        await using var closed = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:AllowAnonymous", "false"));
        using var anonymous = closed.CreateClient();
        using var keyed = closed.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", secret);

        using var refused = await anonymous.GetAsync(new Uri("/api/v1/stories", UriKind.Relative));
        using var allowed = await keyed.GetAsync(new Uri("/api/v1/stories", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Api_OverTheRateLimit_Answers429PerKey()
    {
        var (first, _, _) = await NewKeyAsync();
        var (second, _, _) = await NewKeyAsync();
        await using var limited = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:PermitLimit", "3").UseSetting("Api:WindowSeconds", "3600"));
        using var busy = limited.CreateClient();
        busy.DefaultRequestHeaders.Add("X-Api-Key", first);
        using var other = limited.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", second);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await busy.GetAsync(new Uri("/api/v1/companies", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        using var otherKey = await other.GetAsync(new Uri("/api/v1/companies", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Get_DescribesTheApiOnly()
    {
        var json = await GetJsonAsync("/openapi/v1.json");

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/stories", paths);
        Assert.Contains("/api/v1/stories/{slug}", paths);
        Assert.Contains("/api/v1/companies/{slug}", paths);
        Assert.Contains("/api/v1/tags", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        var parameters = json.GetProperty("paths").GetProperty("/api/v1/stories").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("q", parameters);
        Assert.Contains("company", parameters);
        Assert.Contains("after", parameters);
    }
}

[Collection(WebAppGroup.Name)]
public sealed class ApiHttpSqliteTests(WebAppFixture app) : ApiHttpTests(app);

[Collection(PostgresWebAppGroup.Name)]
public sealed class ApiHttpPostgresTests(PostgresWebAppFixture app) : ApiHttpTests(app);
