using NewsReader.Core.Accounts;
using NewsReader.Core.Curation;
using NewsReader.Web.Account;

namespace NewsReader.Web.Admin.Stories;

/// <summary>
/// The admin's story corrections as the web app offers them. Every method first checks, on the server
/// and against the store, that the caller is an admin (<see cref="CurrentUser.RequireAsync"/>), then
/// records the change under the admin's user name.
/// </summary>
public sealed class StoryAdmin(CurrentUser currentUser, StoryCurator stories, BoundaryCurator boundaries)
{
    public async Task<StoryListPage> ListAsync(StoryQuery query, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(NewsRoles.Admin);
        return await stories.ListAsync(query, ct);
    }

    public async Task<StoryForEdit?> GetAsync(long id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(NewsRoles.Admin);
        return await stories.GetAsync(id, ct);
    }

    public async Task<bool> EditAsync(long id, string title, string summary, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        return await stories.EditAsync(id, title, summary, user.UserName, ct);
    }

    public async Task DeleteAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        await stories.DeleteAsync(id, user.UserName, ct);
    }

    public async Task RestoreAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        await stories.RestoreAsync(id, user.UserName, ct);
    }

    public async Task<JoinResult> JoinWithNextAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        return await boundaries.JoinWithNextAsync(id, user.UserName, ct);
    }

    public async Task<SplitOutcome> SplitAsync(long id, int atParagraph, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        return await boundaries.SplitAsync(id, atParagraph, user.UserName, ct);
    }
}
