using NewsReader.Core.Accounts;
using NewsReader.Core.Curation;
using NewsReader.Web.Account;

namespace NewsReader.Web.Admin.Entities;

/// <summary>The admin's entity corrections (rename, merge, hide); every method checks the admin role first.</summary>
public sealed class EntityAdmin(CurrentUser currentUser, EntityCurator entities)
{
    public async Task<EntityListPage> ListAsync(EntityQuery query, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(NewsRoles.Admin);
        return await entities.ListAsync(query, ct);
    }

    /// <returns>The entity's slug after the rename.</returns>
    public async Task<string> RenameAsync(long id, string newName, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        return await entities.RenameAsync(id, newName, user.UserName, ct);
    }

    public async Task MergeAsync(long loserId, long survivorId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        await entities.MergeAsync(loserId, survivorId, user.UserName, ct);
    }

    public async Task SetHiddenAsync(long id, bool hidden, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(NewsRoles.Admin);
        await entities.SetHiddenAsync(id, hidden, user.UserName, ct);
    }
}
