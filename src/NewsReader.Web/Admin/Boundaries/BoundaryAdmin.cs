using NewsReader.Core.Accounts;
using NewsReader.Core.Curation;
using NewsReader.Web.Account;

namespace NewsReader.Web.Admin.Boundaries;

/// <summary>The review of the splitter's least certain boundaries; every method checks the admin role first.</summary>
public sealed class BoundaryAdmin(CurrentUser currentUser, BoundaryCurator boundaries)
{
    public async Task<IReadOnlyList<BoundaryReview>> LeastCertainAsync(int limit, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(NewsRoles.Admin);
        return await boundaries.LeastCertainAsync(limit, ct);
    }

    /// <summary>Joins the story before the boundary with the one after it.</summary>
    public async Task<JoinResult> JoinAsync(long previousStoryId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        return await boundaries.JoinWithNextAsync(previousStoryId, user.UserName, ct);
    }

    /// <summary>Confirms that the story starts where the splitter put it.</summary>
    public async Task KeepAsync(long storyId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        await boundaries.KeepAsync(storyId, user.UserName, ct);
    }
}
