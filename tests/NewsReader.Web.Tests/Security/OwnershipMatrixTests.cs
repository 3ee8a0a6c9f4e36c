using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Following;
using NewsReader.Core.Stories;
using NewsReader.Web.Api;
using NewsReader.Web.Feeds;
using NewsReader.Web.Following;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Security;

/// <summary>Who asks in the ownership matrix: nobody, the owner of the data, another reader, or an admin.</summary>
public enum Asker
{
    Anonymous,
    Owner,
    OtherReader,
    Admin,
}

/// <summary>
/// The authorization matrix for a reader's own data (issue 19): every endpoint and action that reads
/// or changes one reader's saved searches, private feeds, API keys or alerts, asked by anonymous, the
/// owner, another reader and an admin. Only the owner reaches them; to everyone else they do not exist
/// (404, false or null: never a hint that the id is taken), admins included. The API is opened by
/// keys, so each asker sends its own key (anonymous none); a private feed by its token, which works
/// for whoever holds it (feed readers send no cookies) until revoked.
/// </summary>
[Collection(MatrixGroup.Name)]
public sealed class OwnershipMatrixTests(WebAppFixture app)
{
    public static TheoryData<string, Asker> Cases()
    {
        var data = new TheoryData<string, Asker>();
        foreach (var name in Expected.Keys)
        {
            foreach (var asker in Enum.GetValues<Asker>())
            {
                data.Add(name, asker);
            }
        }

        return data;
    }

    // What each asker gets: an HTTP status, or for actions "ok" / "none" (not found) / "forbidden".
    private static readonly Dictionary<string, Dictionary<Asker, string>> Expected = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/saved-searches (lists the owner's)"] = Row("200", "401", "200 without it", "200 without it"),
        ["GET /api/v1/saved-searches/{id}"] = Row("200", "401", "404", "404"),
        ["GET /api/v1/saved-searches/{id} (cookie, no key)"] = Row("401", "401", "401", "401"),
        ["GET /feed/saved/{token}"] = Row("200", "200", "200", "200"),
        ["GET /feed/saved/{token} (revoked)"] = Row("404", "404", "404", "404"),
        ["SavedSearchActions.OpenAsync / RenameAsync / NewFeedAsync / RevokeFeedAsync / SetAlertsAsync / SetWebhookAsync / RemoveWebhookAsync / DeleteAsync"] = Row("ok", "forbidden", "none", "none"),
        ["AlertActions.ListAsync (lists the owner's alerts)"] = Row("ok", "forbidden", "none", "none"),
        ["ApiKeyActions.RevokeAsync"] = Row("ok", "forbidden", "none", "none"),
    };

    private static Dictionary<Asker, string> Row(string owner, string anonymous, string other, string admin) => new()
    {
        [Asker.Owner] = owner,
        [Asker.Anonymous] = anonymous,
        [Asker.OtherReader] = other,
        [Asker.Admin] = admin,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OwnData_AskedByEach_OnlyTheOwnerReachesIt(string name, Asker asker)
    {
        var world = await World.CreateAsync(app);
        var expected = Expected[name][asker];

        var outcome = name switch
        {
            "GET /api/v1/saved-searches (lists the owner's)" => await ListOutcomeAsync(world, asker),
            "GET /api/v1/saved-searches/{id}" => await StatusAsync(world.KeyClient(asker), $"/api/v1/saved-searches/{world.SearchId}"),
            "GET /api/v1/saved-searches/{id} (cookie, no key)" => await StatusAsync(await world.CookieClientAsync(asker), $"/api/v1/saved-searches/{world.SearchId}"),
            "GET /feed/saved/{token}" => await StatusAsync(await world.CookieClientAsync(asker), world.FeedUrl),
            "GET /feed/saved/{token} (revoked)" => await StatusAsync(await world.CookieClientAsync(asker), await world.RevokedFeedUrlAsync()),
            "SavedSearchActions.OpenAsync / RenameAsync / NewFeedAsync / RevokeFeedAsync / SetAlertsAsync / SetWebhookAsync / RemoveWebhookAsync / DeleteAsync" => await world.SavedSearchActionsAsync(asker),
            "AlertActions.ListAsync (lists the owner's alerts)" => await world.AlertsAsync(asker),
            "ApiKeyActions.RevokeAsync" => await world.RevokeKeyAsync(asker),
            _ => throw new InvalidOperationException(name),
        };

        Assert.True(expected == outcome, $"{asker} {name}: expected {expected}, got {outcome}");
    }

    private static async Task<string> ListOutcomeAsync(World world, Asker asker)
    {
        using var client = world.KeyClient(asker);
        using var response = await client.GetAsync(new Uri("/api/v1/saved-searches", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = await response.Content.ReadAsStringAsync();
        return body.Contains(world.SearchName, StringComparison.Ordinal) ? "200" : "200 without it";
    }

    private static async Task<string> StatusAsync(HttpClient client, string url)
    {
        using (client)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>An owner with a saved search (private feed on) and a key; another reader and an admin, each with a key.</summary>
    private sealed class World
    {
        private readonly WebAppFixture _app;
        private readonly Dictionary<Asker, (TestUser User, string Key)> _people = [];

        private World(WebAppFixture app) => _app = app;

        public long SearchId { get; private set; }

        public string SearchName { get; } = "Owner search " + Guid.NewGuid().ToString("N")[..8];

        public string FeedUrl { get; private set; } = string.Empty;

        public long OwnerKeyId { get; private set; }

        public static async Task<World> CreateAsync(WebAppFixture app)
        {
            var world = new World(app);
            foreach (var (asker, role) in new[] { (Asker.Owner, NewsRoles.Reader), (Asker.OtherReader, NewsRoles.Reader), (Asker.Admin, NewsRoles.Admin) })
            {
                var user = await app.CreateUserAsync(role);
                await using var scope = app.Factory.Services.CreateAsyncScope();
                var id = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(user.Email))!.Id;
                var key = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(id, "matrix");
                world._people[asker] = (user, key.Secret);
                if (asker == Asker.Owner)
                {
                    world.OwnerKeyId = key.Info.Id;
                    var searches = scope.ServiceProvider.GetRequiredService<SavedSearches>();
                    var saved = await searches.SaveAsync(id, world.SearchName, "company=tencent");
                    world.SearchId = saved.Id;
                    world.FeedUrl = FeedLinks.ForSavedSearch((await searches.NewFeedTokenAsync(id, saved.Id))!);
                    await AddAlertAsync(app, saved.Id);
                }
            }

            return world;
        }

        /// <summary>An alert of the owner's search, as an import would record it.</summary>
        private static async Task AddAlertAsync(WebAppFixture app, long searchId)
        {
            var factory = app.Factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<NewsReader.Core.Data.NewsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var story = db.Stories.OrderBy(s => s.Id).First();
            db.Alerts.Add(new NewsReader.Core.Data.Alert { SavedSearchId = searchId, StoryIds = [story.Id], ImportRunId = 0, MatchedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        public HttpClient KeyClient(Asker asker)
        {
            var client = _app.CreateClient();
            if (asker != Asker.Anonymous)
            {
                client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, _people[asker].Key);
            }

            return client;
        }

        public async Task<HttpClient> CookieClientAsync(Asker asker) =>
            asker == Asker.Anonymous ? _app.CreateClient() : await _app.SignInAsync(_people[asker].User);

        public async Task<string> RevokedFeedUrlAsync()
        {
            await using var scope = await _app.CreateScopeAsAsync(_people[Asker.Owner].User);
            var actions = scope.ServiceProvider.GetRequiredService<SavedSearchActions>();
            var url = (await actions.NewFeedAsync(SearchId))!;
            Assert.True(await actions.RevokeFeedAsync(SearchId));
            return url;
        }

        public Task<string> SavedSearchActionsAsync(Asker asker) => ActAsync(asker, async sp =>
        {
            var actions = sp.GetRequiredService<SavedSearchActions>();
            var results = new[]
            {
                await actions.OpenAsync(SearchId) is not null,
                await actions.RenameAsync(SearchId, "renamed"),
                await actions.NewFeedAsync(SearchId) is not null,
                await actions.RevokeFeedAsync(SearchId),
                await actions.SetAlertsAsync(SearchId, true),
                await actions.SetWebhookAsync(SearchId, "https://example.com/hook") is not null,
                await actions.RemoveWebhookAsync(SearchId),
                await actions.DeleteAsync(SearchId),
            };
            return Verdict(results);
        });

        /// <summary>"ok" when the asker's alerts list holds the owner's alert, "none" when it does not.</summary>
        public Task<string> AlertsAsync(Asker asker) => ActAsync(asker, async sp =>
            (await sp.GetRequiredService<AlertActions>().ListAsync()).Any(a => a.SavedSearchId == SearchId) ? "ok" : "none");

        public Task<string> RevokeKeyAsync(Asker asker) => ActAsync(asker, async sp =>
            Verdict([await sp.GetRequiredService<ApiKeyActions>().RevokeAsync(OwnerKeyId)]));

        private static string Verdict(bool[] results) =>
            results.All(r => r) ? "ok" : results.All(r => !r) ? "none" : "mixed: " + string.Join(",", results);

        private async Task<string> ActAsync(Asker asker, Func<IServiceProvider, Task<string>> act)
        {
            await using var scope = asker == Asker.Anonymous
                ? await _app.CreateScopeAsAsync(user: null)
                : await _app.CreateScopeAsAsync(_people[asker].User);
            try
            {
                return await act(scope.ServiceProvider);
            }
            catch (NewsReader.Web.Account.ActionForbiddenException)
            {
                return "forbidden";
            }
        }
    }
}
