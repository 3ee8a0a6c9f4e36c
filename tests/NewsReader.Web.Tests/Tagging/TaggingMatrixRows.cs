using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Data;
using NewsReader.Core.Tagging;
using NewsReader.Web.Tagging;
using NewsReader.Web.Tests.Security;

namespace NewsReader.Web.Tests.Tagging;

/// <summary>Matrix rows for tag pages and the tag actions (any signed-in account; never anonymous).</summary>
public sealed class TaggingMatrixRows : IMatrixSource
{
    private const string Story = "nvidia-chip-export-rules";
    private const string Tag = "matrix-tag";

    public async Task PrepareAsync(Http.WebAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await new StoryTagger(factory).AddNamedAsync(Story, "Matrix tag", "matrix");
    }

    public IEnumerable<PageRow> Pages =>
    [
        new("/tags/{Slug}", Access.Public, "/tags/" + Tag),
    ];

    // Each allowed action is harmless to repeat: add then remove the same free tag, or only read.
    public IEnumerable<ActionRow> Actions =>
    [
        new("TagActions.SuggestAsync", Access.SignedIn, sp => sp.GetRequiredService<TagActions>().SuggestAsync("matrix")),
        new("TagActions.AddNamedAsync + RemoveAsync", Access.SignedIn, async sp =>
        {
            var actions = sp.GetRequiredService<TagActions>();
            var change = await actions.AddNamedAsync(Story, "Matrix added");
            await actions.RemoveAsync(Story, change.Entity.EntityId);
        }),
        new("TagActions.AddExistingAsync + RemoveAsync", Access.SignedIn, async sp =>
        {
            var actions = sp.GetRequiredService<TagActions>();
            var japan = await TagIdAsync(sp, EntityKind.Country, "japan");
            await actions.AddExistingAsync(Story, japan);
            await actions.RemoveAsync(Story, japan);
        }),
        new("TagActions.RemoveAsync", Access.SignedIn, async sp =>
        {
            var actions = sp.GetRequiredService<TagActions>();
            var tag = await TagIdAsync(sp, EntityKind.Tag, Tag);
            await actions.RemoveAsync(Story, tag);
            await actions.AddExistingAsync(Story, tag);
        }),
    ];

    private static async Task<long> TagIdAsync(IServiceProvider sp, EntityKind kind, string slug)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Entities.Where(e => e.Kind == kind && e.Slug == slug).Select(e => e.Id).SingleAsync();
    }
}
