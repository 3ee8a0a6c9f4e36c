using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Web.Following;
using NewsReader.Core.Stories;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Following;

/// <summary>Its own app and store: these tests add stories, which the shared store's tests must not see.</summary>
[CollectionDefinition(Name)]
public sealed class SavedSearchGroup : ICollectionFixture<WebAppFixture>
{
    public const string Name = "saved searches";
}

/// <summary>The same on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class SavedSearchPostgresGroup : ICollectionFixture<PostgresWebAppFixture>
{
    public const string Name = "saved searches on PostgreSQL";
}

/// <summary>Saved searches: a reader's own only, new-story counts, rename and delete, and the private feed.</summary>
public abstract class SavedSearchTests(WebAppFixture app)
{
    private static readonly ListState TencentInChina = ListState.From(null, ["tencent"], ["china"], null, null);

    private async Task<(AsyncServiceScope Scope, SavedSearchActions Actions)> AsNewReaderAsync()
    {
        var user = await app.CreateUserAsync(NewsRoles.Reader);
        var scope = await app.CreateScopeAsAsync(user);
        return (scope, scope.ServiceProvider.GetRequiredService<SavedSearchActions>());
    }

    private async Task<SyndicationFeed?> FeedAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("private", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task SetWebhookAsync_PrivateAddressByDefault_RefusedWithWhyAndNothingStored()
    {
        // This app leaves Webhooks:AllowPrivateTargets off, as a fresh install does.
        var (scope, actions) = await AsNewReaderAsync();
        await using (scope)
        {
            var saved = await actions.SaveAsync("hooked", TencentInChina);

            var e = await Assert.ThrowsAsync<SavedSearchException>(() => actions.SetWebhookAsync(saved.Id, "http://169.254.169.254/latest/meta-data/"));

            Assert.Contains("private, loopback or link-local", e.Message, StringComparison.Ordinal);
            Assert.Contains("Webhooks:AllowPrivateTargets", e.Message, StringComparison.Ordinal);
            var row = Assert.Single(await actions.ListAsync());
            Assert.Null(row.Search.WebhookUrl);
            Assert.False(row.Search.AlertsOn);
        }
    }

    [Fact]
    public async Task SetWebhookAsync_OnASearchWithAlertsOff_StoredWithAlertsOn()
    {
        var (scope, actions) = await AsNewReaderAsync();
        await using (scope)
        {
            var saved = await actions.SaveAsync("hooked", TencentInChina);

            Assert.NotNull(await actions.SetWebhookAsync(saved.Id, "https://example.com/hook"));

            var row = Assert.Single(await actions.ListAsync());
            Assert.Equal("https://example.com/hook", row.Search.WebhookUrl);
            Assert.True(row.Search.AlertsOn);
        }
    }

    [Fact]
    public async Task SaveAsync_View_ListedWithItsPageAddressAndNothingNew()
    {
        var (scope, actions) = await AsNewReaderAsync();
        await using var _ = scope;

        await actions.SaveAsync("Tencent in China", TencentInChina with { After = "ignored" });
        var row = Assert.Single(await actions.ListAsync());

        Assert.Equal("Tencent in China", row.Search.Name);
        Assert.Equal("company=tencent&country=china", row.Search.View);
        Assert.Equal("/?company=tencent&country=china", row.Url);
        Assert.Equal(0, row.NewCount);
    }

    [Fact]
    public async Task ListAsync_StoryAddedAfterOpening_CountsAsNewUntilOpenedAgain()
    {
        var (scope, actions) = await AsNewReaderAsync();
        await using var _ = scope;
        var topic = "Following " + Guid.NewGuid().ToString("N")[..8];
        var topicSlug = topic.ToLowerInvariant().Replace(' ', '-');
        var saved = await actions.SaveAsync("My topic", ListState.From(null, null, null, [topicSlug], null));
        // Made after the save (the fixture's own stories are dated January 2026).
        var store = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<NewsDbContext>>();
        await AddStoryAsync(store, "following-new-1-" + topicSlug, topic);
        await AddStoryAsync(store, "following-new-2-" + topicSlug, topic);

        var before = Assert.Single(await actions.ListAsync());
        var url = await actions.OpenAsync(saved.Id);
        var after = Assert.Single(await actions.ListAsync());

        Assert.Equal(2, before.NewCount);
        Assert.Equal("/?topic=" + topicSlug, url);
        Assert.Equal(0, after.NewCount);
    }

    private static async Task AddStoryAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<NewsDbContext> factory, string slug, string topic)
    {
        await Fixtures.TestStore.AddStoryAtAsync(factory, slug, "Story " + slug, "Body of " + slug + ".", DateTime.UtcNow, null, (EntityKind.Topic, topic, true));
    }

    [Fact]
    public async Task AnotherReader_CannotSeeRenameDeleteOrFeedIt()
    {
        var (ownerScope, owner) = await AsNewReaderAsync();
        var (otherScope, other) = await AsNewReaderAsync();
        await using var a = ownerScope;
        await using var b = otherScope;
        var saved = await owner.SaveAsync("Mine", TencentInChina);

        Assert.Empty(await other.ListAsync());
        Assert.False(await other.RenameAsync(saved.Id, "Theirs"));
        Assert.False(await other.DeleteAsync(saved.Id));
        Assert.Null(await other.NewFeedAsync(saved.Id));
        Assert.Null(await other.OpenAsync(saved.Id));
        Assert.Equal("Mine", Assert.Single(await owner.ListAsync()).Search.Name);
    }

    [Fact]
    public async Task RenameAndDelete_ChangeOnlyThatSearch()
    {
        var (scope, actions) = await AsNewReaderAsync();
        await using var _ = scope;
        var first = await actions.SaveAsync("First", TencentInChina);
        var second = await actions.SaveAsync("Second", ListState.Empty);

        Assert.True(await actions.RenameAsync(first.Id, "  Renamed "));
        await Assert.ThrowsAsync<SavedSearchException>(() => actions.RenameAsync(second.Id, "   "));
        Assert.True(await actions.DeleteAsync(second.Id));

        var row = Assert.Single(await actions.ListAsync());
        Assert.Equal("Renamed", row.Search.Name);
        Assert.Equal(first.Id, row.Search.Id);
    }

    [Fact]
    public async Task PrivateFeed_ListsTheViewUntilRevokedOrReplaced()
    {
        var (scope, actions) = await AsNewReaderAsync();
        await using var _ = scope;
        var saved = await actions.SaveAsync("Tencent <b>in</b> China", TencentInChina);

        var first = await actions.NewFeedAsync(saved.Id);
        var feed = await FeedAsync(first!);
        var second = await actions.NewFeedAsync(saved.Id);
        var replaced = await FeedAsync(first!);
        var current = await FeedAsync(second!);
        Assert.True(await actions.RevokeFeedAsync(saved.Id));
        var revoked = await FeedAsync(second!);

        Assert.StartsWith("/feed/saved/", first, StringComparison.Ordinal);
        Assert.Equal("Tencent <b>in</b> China – NewsReader", feed!.Title.Text);
        Assert.Equal(await app.PageHeadlinesAsync("/?company=tencent&country=china"), feed.Items.Select(i => i.Title.Text));
        Assert.Null(replaced);
        Assert.NotNull(current);
        Assert.Null(revoked);
    }

    [Theory]
    [InlineData("/feed/saved/not-a-token")]
    [InlineData("/feed/saved/" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task PrivateFeed_UnknownToken_Answers404(string url)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

[Collection(SavedSearchGroup.Name)]
public sealed class SavedSearchSqliteTests(WebAppFixture app) : SavedSearchTests(app);

[Collection(SavedSearchPostgresGroup.Name)]
public sealed class SavedSearchPostgresTests(PostgresWebAppFixture app) : SavedSearchTests(app);
