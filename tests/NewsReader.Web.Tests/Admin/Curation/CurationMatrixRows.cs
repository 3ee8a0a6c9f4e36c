using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Importing;
using NewsReader.Web.Admin.Boundaries;
using NewsReader.Web.Admin.Entities;
using NewsReader.Web.Admin.Stories;
using NewsReader.Web.Tests.Security;

namespace NewsReader.Web.Tests.Admin.Curation;

/// <summary>
/// Authorization matrix rows for the admin's corrections. Each admin call either repeats harmlessly
/// (same headline, delete/restore, hide, keep) or acts once on stories and entities made for it here.
/// </summary>
public sealed class CurationMatrixRows : IMatrixSource
{
    private long _story;
    private long _splitStory;
    private long _joinStory;
    private long _entity;
    private string _entityName = string.Empty;
    private long _loser;
    private long _survivor;

    public async Task PrepareAsync(Http.WebAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Story Story(string slug, string file, int position, string body) => new()
        {
            Slug = slug, Title = "Matrix " + slug, Summary = "Summary of " + slug, Body = body,
            Fingerprint = TextFingerprint.Of(body), SourceFile = file, SourcePosition = position, StartConfidence = 0.5,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        var story = Story("matrix-story", "matrix-a.txt", 0, "Matrix story text says something.\n\nIt goes on here.");
        var split = Story("matrix-split", "matrix-b.txt", 0, "Northwind said on Monday it raised money.\n\nContoso said on Tuesday it will buy a rival.");
        var join = Story("matrix-join", "matrix-c.txt", 0, "Fabrikam said on Monday it will open an office.");
        var joinNext = Story("matrix-join-next", "matrix-c.txt", 1, "The office will have forty people.");
        db.Stories.AddRange(story, split, join, joinNext);
        NewsEntity Company(string name) => new()
        {
            Kind = EntityKind.Company, Name = name, Slug = NameKey.Of(name).Replace(' ', '-'),
            Aliases = { new EntityAlias { Kind = EntityKind.Company, Name = name, Key = NameKey.Of(name) } },
        };
        var entity = Company("Matrix Holdings");
        var loser = Company("Matrix Loser Co");
        var survivor = Company("Matrix Survivor Co");
        db.Entities.AddRange(entity, loser, survivor);
        await db.SaveChangesAsync();
        (_story, _splitStory, _joinStory) = (story.Id, split.Id, join.Id);
        (_entity, _entityName, _loser, _survivor) = (entity.Id, entity.Name, loser.Id, survivor.Id);
    }

    public IEnumerable<PageRow> Pages =>
    [
        new("/admin/stories/{Id:long}", Access.Admin, "/admin/stories/1"),
    ];

    public IEnumerable<ActionRow> Actions =>
    [
        new("StoryAdmin.ListAsync", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().ListAsync(new StoryQuery())),
        new("StoryAdmin.GetAsync", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().GetAsync(_story)),
        new("StoryAdmin.EditAsync (same text)", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().EditAsync(_story, "Matrix matrix-story", "Summary of matrix-story")),
        new("StoryAdmin.DeleteAsync", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().DeleteAsync(_story)),
        new("StoryAdmin.RestoreAsync", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().RestoreAsync(_story)),
        new("StoryAdmin.SplitAsync", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().SplitAsync(_splitStory, 1)),
        new("StoryAdmin.JoinWithNextAsync", Access.Admin, sp => sp.GetRequiredService<StoryAdmin>().JoinWithNextAsync(_joinStory)),
        new("BoundaryAdmin.LeastCertainAsync", Access.Admin, sp => sp.GetRequiredService<BoundaryAdmin>().LeastCertainAsync(10)),
        new("BoundaryAdmin.KeepAsync", Access.Admin, sp => sp.GetRequiredService<BoundaryAdmin>().KeepAsync(_story)),
        new("BoundaryAdmin.JoinAsync (nothing follows: refused by the store)", Access.Admin, async sp =>
        {
            try
            {
                await sp.GetRequiredService<BoundaryAdmin>().JoinAsync(_story);
            }
            catch (CurationException)
            {
                // Past the role check: the store's own rule answered (no story follows it).
            }
        }),
        new("EntityAdmin.ListAsync", Access.Admin, sp => sp.GetRequiredService<EntityAdmin>().ListAsync(new EntityQuery())),
        new("EntityAdmin.RenameAsync (same name)", Access.Admin, sp => sp.GetRequiredService<EntityAdmin>().RenameAsync(_entity, _entityName)),
        new("EntityAdmin.SetHiddenAsync", Access.Admin, sp => sp.GetRequiredService<EntityAdmin>().SetHiddenAsync(_entity, true)),
        new("EntityAdmin.MergeAsync", Access.Admin, sp => sp.GetRequiredService<EntityAdmin>().MergeAsync(_loser, _survivor)),
    ];
}
