using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Stories;
using NewsReader.Web.Following;
using NewsReader.Web.Tests.Security;

namespace NewsReader.Web.Tests.Following;

/// <summary>Matrix rows for saved searches: the page and actions need an account; a private feed is opened by its token only.</summary>
public sealed class FollowingMatrixRows : IMatrixSource
{
    public IEnumerable<PageRow> Pages =>
    [
        new("/account/saved", Access.SignedIn),
        new("/account/alerts", Access.SignedIn),
    ];

    public IEnumerable<EndpointRow> Endpoints =>
    [
        // No cookie opens a private feed: only its token does, so an unknown token is 404 for everyone.
        new("GET /feed/saved/{token} (unknown)", "GET", "/feed/saved/no-such-token", Access.Public) { AllowedStatus = System.Net.HttpStatusCode.NotFound },
    ];

    // Harmless to repeat: each saves, changes and deletes its own search.
    public IEnumerable<ActionRow> Actions =>
    [
        new("SavedSearchActions.ListAsync", Access.SignedIn, sp => sp.GetRequiredService<SavedSearchActions>().ListAsync()),
        new("AlertActions.ListAsync", Access.SignedIn, sp => sp.GetRequiredService<AlertActions>().ListAsync()),
        new("AlertActions.MarkAllSeenAsync", Access.SignedIn, sp => sp.GetRequiredService<AlertActions>().MarkAllSeenAsync()),
        // The app bar asks on every page; nobody signed in has nothing unseen.
        new("AlertActions.UnseenCountAsync", Access.Public, sp => sp.GetRequiredService<AlertActions>().UnseenCountAsync()),
        new("AlertActions.AlertOnEntityAsync", Access.SignedIn, sp => sp.GetRequiredService<AlertActions>().AlertOnEntityAsync(NewsReader.Core.Data.EntityKind.Company, "tencent", "Tencent")),
        new("SavedSearchActions.SaveAsync + OpenAsync + RenameAsync + NewFeedAsync + RevokeFeedAsync + SetAlertsAsync + SetWebhookAsync + RemoveWebhookAsync + DeleteAsync", Access.SignedIn, async sp =>
        {
            var actions = sp.GetRequiredService<SavedSearchActions>();
            var saved = await actions.SaveAsync("matrix", ListState.Empty);
            Assert.NotNull(await actions.OpenAsync(saved.Id));
            Assert.True(await actions.RenameAsync(saved.Id, "matrix renamed"));
            Assert.NotNull(await actions.NewFeedAsync(saved.Id));
            Assert.True(await actions.RevokeFeedAsync(saved.Id));
            Assert.True(await actions.SetAlertsAsync(saved.Id, true));
            Assert.NotNull(await actions.SetWebhookAsync(saved.Id, "https://example.com/hook"));
            Assert.True(await actions.RemoveWebhookAsync(saved.Id));
            Assert.True(await actions.DeleteAsync(saved.Id));
        }),
    ];
}
