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

    /// <summary>One entity's row, or null when there is none (merged away, or a bad id in the URL).</summary>
    public async Task<EntityRow?> FindAsync(long id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(NewsRoles.Admin);
        var rows = (await entities.ListAsync(new EntityQuery(Id: id, Limit: 1), ct)).Rows;
        return rows.Count > 0 ? rows[0] : null;
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
