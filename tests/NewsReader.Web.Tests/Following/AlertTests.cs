using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Stories;
using NewsReader.Core.Search;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Admin.Importing;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Following;

/// <summary>An app of its own for the alert tests (they import), with webhooks fast enough to watch (polled every 0.1 s, 3 tries 0.2 s apart) and allowed to reach the loopback receivers.</summary>
public class AlertAppFixture : WebAppFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Webhooks:PollSeconds", "0.1")
            .UseSetting("Webhooks:FirstRetrySeconds", "0.2")
            .UseSetting("Webhooks:MaxAttempts", "3")
            .UseSetting("Webhooks:TimeoutSeconds", "5")
            .UseSetting(WebhookUrls.AllowPrivateSetting, "true"); // the test receivers listen on loopback
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresAlertAppFixture : AlertAppFixture
{
    protected override Core.Store.StoreEngine Engine => Core.Store.StoreEngine.Postgres;
}

[CollectionDefinition(Name)]
public sealed class AlertGroup : ICollectionFixture<AlertAppFixture>
{
    public const string Name = "alerts";
}

[CollectionDefinition(Name)]
public sealed class PostgresAlertGroup : ICollectionFixture<PostgresAlertAppFixture>
{
    public const string Name = "alerts on PostgreSQL";
}

/// <summary>
/// Alerts: after an import the new stories are matched against every saved search with alerts on, by
/// the search engine itself; matches are listed for their reader only; webhooks are POSTed signed,
/// retried, logged, and never hold up an import.
/// </summary>
public abstract class AlertTests(AlertAppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private T Service<T>()
        where T : notnull => app.Factory.Services.GetRequiredService<T>();

    private async Task<string> NewReaderIdAsync()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(user.Email))!.Id;
    }

    [Fact]
    public async Task Import_NewStories_MatchedAsTheListPageWouldListThem()
    {
        var reader = await NewReaderIdAsync();
        var other = await NewReaderIdAsync();
        var searches = Service<SavedSearches>();
        var word = NewWord();
        string[] views =
        [
            $"q=%22floating+solar%22+{word}",    // a phrase
            $"q=vans+-bakery+{word}",            // a negation that rules out the only story with vans
            $"q=harbour+OR+bridge",              // OR, over every new story
            "q=-bakery",                         // only an exclusion: every new story but one
            $"q={word}&company=tencent",         // text and a company none of them names
        ];
        var saved = new List<SavedSearchInfo>();
        foreach (var view in views)
        {
            saved.Add(await searches.SaveAsync(reader, "alert " + saved.Count, view, alertsOn: true));
        }

        var off = await searches.SaveAsync(reader, "alerts off", $"q={word}");
        await searches.SaveAsync(other, "someone else's", $"q={word}", alertsOn: true);

        var report = await ImportWithWordAsync(word, webhooks: 0);

        var mine = await Service<AlertInbox>().ListAsync(reader);
        var fresh = report.Stories.Where(s => s.Outcome == StoryOutcome.New).Select(s => s.Slug).ToHashSet();
        foreach (var search in saved)
        {
            // What the list page of the saved view shows, among this import's stories.
            var page = await Service<StoryReader>().ListAsync(SavedView.Parse(search.View), SearchSort.Newest, 100);
            var expected = page.Stories.Select(s => s.Slug).Where(fresh.Contains).Order().ToList();
            Assert.Equal(expected, mine.Where(m => m.SavedSearchId == search.Id).Select(m => m.Slug).Order().ToList());
        }

        Assert.Null(report.Alerts.Error);
        Assert.Single(mine, m => m.SavedSearchId == saved[0].Id);
        Assert.DoesNotContain(mine, m => m.SavedSearchId == saved[1].Id);
        Assert.Equal(2, mine.Count(m => m.SavedSearchId == saved[2].Id && m.Headline.Contains(word, StringComparison.Ordinal)));
        Assert.DoesNotContain(mine, m => m.SavedSearchId == off.Id);
        Assert.Equal(mine.Count, await Service<AlertInbox>().UnseenCountAsync(reader));
        Assert.Equal(3, await Service<AlertInbox>().UnseenCountAsync(other));
        Assert.Equal(mine.Count, await Service<AlertInbox>().MarkAllSeenAsync(reader));
        Assert.Equal(0, await Service<AlertInbox>().UnseenCountAsync(reader));
        Assert.Equal(3, await Service<AlertInbox>().UnseenCountAsync(other));
    }

    [Fact]
    public async Task Inbox_TwoImportsAndADeletedStory_EachStoryListedNewestFirstAndTheDeletedOneGone()
    {
        // One alert row per search and import holds its stories; the list and the count read them story by story.
        var reader = await NewReaderIdAsync();
        var word = NewWord();
        var saved = await Service<SavedSearches>().SaveAsync(reader, "every story", "q=" + word, alertsOn: true);
        var first = await ImportWithWordAsync(word, webhooks: 0);
        var second = await ImportWithWordAsync(word + " " + NewWord(), webhooks: 0);
        var gone = first.Stories.First(s => s.Outcome == StoryOutcome.New).StoryId!.Value;
        await using (var db = await Service<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            await db.Stories.Where(s => s.Id == gone).ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, DateTime.UtcNow));
        }

        var listed = await Service<AlertInbox>().ListAsync(reader);

        static IEnumerable<long> NewestFirst(ImportReport r) => r.Stories.Where(s => s.Outcome == StoryOutcome.New).Select(s => s.StoryId!.Value).OrderDescending();
        Assert.Equal([.. NewestFirst(second), .. NewestFirst(first).Where(id => id != gone)], listed.Select(i => i.StoryId));
        Assert.All(listed, i => Assert.Equal(saved.Id, i.SavedSearchId));
        Assert.Equal(5, await Service<AlertInbox>().UnseenCountAsync(reader));
        Assert.Equal(3, (await Service<AlertInbox>().ListAsync(reader, limit: 3)).Count);
    }

    [Fact]
    public async Task MatchEach_IdsWithAGap_OnlyTheStoriesAskedAbout()
    {
        // An import's new ids are read as a range; a story inside it that was not asked about stays out.
        var word = NewWord();
        var report = await ImportWithWordAsync(word, webhooks: 0);
        var ids = report.Stories.Where(s => s.Outcome == StoryOutcome.New).Select(s => s.StoryId!.Value).Order().ToList();
        var bakery = report.Stories.Single(s => s.Slug!.StartsWith("bakery", StringComparison.Ordinal)).StoryId!.Value;
        Assert.Equal(ids[1], bakery); // stored in the file's order: the middle one
        long[] asked = [ids[0], ids[2]];

        var found = await Service<StorySearch>().MatchEachAsync([new SearchRequest(word), new SearchRequest("bakery " + word)], asked);

        Assert.Equal([ids[2], ids[0]], found[0].Ids);
        Assert.Empty(found[1].Ids);
    }

    [Fact]
    public async Task Import_WithTheImportersOwnMatcher_AlertsLikeTheApps()
    {
        // The CLI's importer has no app: it matches with a search of its own.
        var reader = await NewReaderIdAsync();
        var word = NewWord();
        var saved = await Service<SavedSearches>().SaveAsync(reader, "cli", $"q=bakery+{word}", alertsOn: true);

        var report = await ImportWithWordAsync(word, webhooks: 0, new AlertMatcher(Service<IDbContextFactory<NewsDbContext>>()));

        var alert = Assert.Single(await Service<AlertInbox>().ListAsync(reader));
        Assert.Equal(saved.Id, alert.SavedSearchId);
        Assert.StartsWith("Bakery cooperative", alert.Headline, StringComparison.Ordinal);
        Assert.True(report.Alerts.Matches >= 1);
    }

    [Fact]
    public async Task AlertOnEntity_TwiceForTheSameCompany_OneSavedSearchWithAlertsOn()
    {
        var reader = await NewReaderIdAsync();
        var searches = Service<SavedSearches>();

        var (first, created) = await searches.AlertOnEntityAsync(reader, EntityKind.Company, "tencent", "Tencent");
        await searches.SetAlertsAsync(reader, first.Id, false);
        var (second, createdAgain) = await searches.AlertOnEntityAsync(reader, EntityKind.Company, "tencent", "Tencent");

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        var only = Assert.Single(await searches.ListAsync(reader));
        Assert.True(only.AlertsOn);
        Assert.Equal("company=tencent", only.View);
        Assert.Equal("Tencent", only.Name);
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:secret@example.com/hook")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/hook")]
    [InlineData("https://exa mple.com/")]
    [InlineData("")]
    public async Task SetWebhook_BadAddress_RefusedAndNothingStored(string url)
    {
        var reader = await NewReaderIdAsync();
        var searches = Service<SavedSearches>();
        var saved = await searches.SaveAsync(reader, "hooked", "q=x");

        await Assert.ThrowsAsync<SavedSearchException>(() => searches.SetWebhookAsync(reader, saved.Id, url));
        await Assert.ThrowsAsync<SavedSearchException>(() => searches.SetWebhookAsync(reader, saved.Id, "https://example.com/" + new string('a', 600)));

        Assert.Null(Assert.Single(await searches.ListAsync(reader)).WebhookUrl);
    }

    [Fact]
    public async Task Webhook_Matches_PostedAsJsonWithAValidSignatureAndLoggedDelivered()
    {
        using var receiver = new TestReceiver(HttpStatusCode.OK);
        var reader = await NewReaderIdAsync();
        var searches = Service<SavedSearches>();
        var word = NewWord();
        var saved = await searches.SaveAsync(reader, "Solar <watch>", $"q=solar+{word}", alertsOn: true);
        var hook = (await searches.SetWebhookAsync(reader, saved.Id, receiver.Url))!;

        await ImportWithWordAsync(word);
        var request = await receiver.NextAsync(Patience);
        var delivery = await WaitForDeliveryAsync(reader, saved.Id, d => d.Status == WebhookDeliveryStatus.Delivered);

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hook.Secret), request.Body));
        Assert.Equal(expected, request.Signature);
        Assert.Equal("application/json", request.ContentType?.Split(';')[0]);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("saved-search.matches", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("Solar <watch>", json.RootElement.GetProperty("savedSearch").GetProperty("name").GetString());
        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray());
        Assert.StartsWith("Harbour town opens floating solar farm", story.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.Equal("/articles/" + story.GetProperty("slug").GetString(), story.GetProperty("url").GetString());
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("200 OK", delivery.LastResult);
    }

    [Fact]
    public async Task Webhook_FailingReceiver_RetriedThenLoggedFailed()
    {
        using var receiver = new TestReceiver(HttpStatusCode.ServiceUnavailable);
        var reader = await NewReaderIdAsync();
        var searches = Service<SavedSearches>();
        var word = NewWord();
        var saved = await searches.SaveAsync(reader, "failing", $"q=bridge+{word}", alertsOn: true);
        await searches.SetWebhookAsync(reader, saved.Id, receiver.Url);

        await ImportWithWordAsync(word);
        var delivery = await WaitForDeliveryAsync(reader, saved.Id, d => d.Status == WebhookDeliveryStatus.Failed);

        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(3, receiver.Received);
        Assert.StartsWith("503", delivery.LastResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_HangingReceiver_DoesNotHoldUpTheNextImport()
    {
        using var receiver = new TestReceiver(status: null);
        var reader = await NewReaderIdAsync();
        var searches = Service<SavedSearches>();
        var word = NewWord();
        var saved = await searches.SaveAsync(reader, "hanging", $"q=rail+{word}", alertsOn: true);
        await searches.SetWebhookAsync(reader, saved.Id, receiver.Url);

        await ImportWithWordAsync(word);
        await receiver.NextAsync(Patience);
        var next = await ImportWithWordAsync(NewWord(), webhooks: 0);

        // The receiver never answered; the next import committed all the same.
        Assert.Equal(0, receiver.Answered);
        Assert.Equal(ImportStatus.Succeeded, next.Status);
    }

    private static string NewWord() => "w" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Imports three stories carrying a word of the test's own (so they are new), as the app imports an upload.</summary>
    private async Task<ImportReport> ImportWithWordAsync(string word, int webhooks = 1, AlertMatcher? alerts = null)
    {
        // Words of their own too, or the stories would be near-duplicates of another test's and not new.
        var random = new Random(word.GetHashCode(StringComparison.Ordinal));
        string Filler() => string.Join(' ', Enumerable.Range(0, 60).Select(_ => new string(Enumerable.Range(0, random.Next(4, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray()))) + ".";
        var stories = SeedFiles.ThreeStories.Select(s => (s.Title + " " + word, s.Body + "\n\nFiled under " + word + ". " + Filler())).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"alerts-{word}.md");
        await File.WriteAllBytesAsync(path, SeedFiles.Markdown(stories));
        try
        {
            var importer = new StoryImporter(Service<IDbContextFactory<NewsDbContext>>(), SeedParser.CreateDefault(), alerts: alerts ?? Service<AlertMatcher>());
            var report = await importer.ImportFileAsync(path);
            Assert.Equal(3, report.New);
            Assert.Null(report.Alerts.Error);
            Assert.Equal(webhooks, report.Alerts.Webhooks);
            return report;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<WebhookDeliveryInfo> WaitForDeliveryAsync(string reader, long searchId, Func<WebhookDeliveryInfo, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var delivery = (await Service<SavedSearches>().ListAsync(reader)).Single(s => s.Id == searchId).LastDelivery;
            if (delivery is not null && done(delivery))
            {
                return delivery;
            }

            Assert.True(DateTime.UtcNow < until, $"the delivery did not get there; it stands at {delivery}");
            await Task.Delay(100);
        }
    }

    /// <summary>A webhook receiver on a free loopback port: answers every POST with a status, or (null) never answers.</summary>
    private sealed class TestReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly HttpStatusCode? _status;
        private readonly System.Threading.Channels.Channel<ReceivedHook> _received = System.Threading.Channels.Channel.CreateUnbounded<ReceivedHook>();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;
        private int _answered;

        public TestReceiver(HttpStatusCode? status)
        {
            _status = status;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public int Received => Volatile.Read(ref _count);

        public int Answered => Volatile.Read(ref _answered);

        public async Task<ReceivedHook> NextAsync(TimeSpan wait)
        {
            using var cts = new CancellationTokenSource(wait);
            return await _received.Reader.ReadAsync(cts.Token);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Interlocked.Increment(ref _count);
            await _received.Writer.WriteAsync(new ReceivedHook(body.ToArray(), context.Request.Headers["X-NewsReader-Signature"], context.Request.ContentType));
            if (_status is null)
            {
                await _release.Task;
                return;
            }

            Interlocked.Increment(ref _answered);
            context.Response.StatusCode = (int)_status;
            context.Response.Close();
        }

        public void Dispose()
        {
            _release.TrySetResult();
            _listener.Close();
        }
    }

    private sealed record ReceivedHook(byte[] Body, string? Signature, string? ContentType);
}

[Collection(AlertGroup.Name)]
public sealed class AlertSqliteTests(AlertAppFixture app) : AlertTests(app);

[Collection(PostgresAlertGroup.Name)]
public sealed class AlertPostgresTests(PostgresAlertAppFixture app) : AlertTests(app);
