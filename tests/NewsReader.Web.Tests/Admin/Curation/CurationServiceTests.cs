using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Accounts;
using NewsReader.Core.Curation;
using NewsReader.Core.Data;
using NewsReader.Core.Dedup;
using NewsReader.Core.Importing;
using NewsReader.Web.Account;
using NewsReader.Web.Admin.Boundaries;
using NewsReader.Web.Admin.Entities;
using NewsReader.Web.Admin.Stories;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;

namespace NewsReader.Web.Tests.Admin.Curation;

/// <summary>
/// The admin correction services as the app wires them, acting as anonymous, a reader and an admin:
/// only the admin's calls do anything; the others throw and leave the store as it was.
/// </summary>
public sealed class CurationServiceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string AdminEmail = "curation-admin@example.test";

    public static TheoryData<Persona, string> ForbiddenCalls()
    {
        var data = new TheoryData<Persona, string>();
        foreach (var persona in new[] { Persona.Anonymous, Persona.Reader })
        {
            foreach (var call in Calls.Keys)
            {
                data.Add(persona, call);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<IServiceProvider, (long Story, long Next, long Entity, long Other), Task>> Calls = new()
    {
        ["stories.list"] = (s, ids) => s.GetRequiredService<StoryAdmin>().ListAsync(new StoryQuery()),
        ["stories.get"] = (s, ids) => s.GetRequiredService<StoryAdmin>().GetAsync(ids.Story),
        ["stories.edit"] = (s, ids) => s.GetRequiredService<StoryAdmin>().EditAsync(ids.Story, "Changed", "Changed."),
        ["stories.delete"] = (s, ids) => s.GetRequiredService<StoryAdmin>().DeleteAsync(ids.Story),
        ["stories.restore"] = (s, ids) => s.GetRequiredService<StoryAdmin>().RestoreAsync(ids.Story),
        ["stories.join"] = (s, ids) => s.GetRequiredService<StoryAdmin>().JoinWithNextAsync(ids.Story),
        ["stories.split"] = (s, ids) => s.GetRequiredService<StoryAdmin>().SplitAsync(ids.Story, 1),
        ["boundaries.list"] = (s, ids) => s.GetRequiredService<BoundaryAdmin>().LeastCertainAsync(10),
        ["boundaries.join"] = (s, ids) => s.GetRequiredService<BoundaryAdmin>().JoinAsync(ids.Story),
        ["boundaries.keep"] = (s, ids) => s.GetRequiredService<BoundaryAdmin>().KeepAsync(ids.Story),
        ["entities.list"] = (s, ids) => s.GetRequiredService<EntityAdmin>().ListAsync(new EntityQuery()),
        ["entities.rename"] = (s, ids) => s.GetRequiredService<EntityAdmin>().RenameAsync(ids.Entity, "Renamed"),
        ["entities.merge"] = (s, ids) => s.GetRequiredService<EntityAdmin>().MergeAsync(ids.Entity, ids.Other),
        ["entities.hide"] = (s, ids) => s.GetRequiredService<EntityAdmin>().SetHiddenAsync(ids.Entity, true),
    };

    [Theory]
    [MemberData(nameof(ForbiddenCalls))]
    public async Task Call_NotAdmin_ForbiddenAndNothingChanged(Persona persona, string call)
    {
        var ids = await AddPairAsync();
        var before = await DumpAsync();

        await using var scope = await ScopeAsAsync(persona);
        await Assert.ThrowsAsync<ActionForbiddenException>(() => Calls[call](scope.ServiceProvider, ids));

        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task EditAsync_Admin_SavedUnderAdminName()
    {
        var ids = await AddPairAsync();
        await using var scope = await ScopeAsAsync(Persona.Admin);

        Assert.True(await scope.ServiceProvider.GetRequiredService<StoryAdmin>().EditAsync(ids.Story, "A better headline", "A better summary."));

        await using var db = await ContextAsync();
        var story = await db.Stories.SingleAsync(a => a.Id == ids.Story);
        Assert.Equal(("A better headline", AdminEmail, AdminEmail), (story.Title, story.TitleEditedBy, story.SummaryEditedBy));
    }

    [Fact]
    public async Task DeleteRestoreSplitJoin_Admin_Done()
    {
        var ids = await AddPairAsync();
        await using var scope = await ScopeAsAsync(Persona.Admin);
        var stories = scope.ServiceProvider.GetRequiredService<StoryAdmin>();

        await stories.DeleteAsync(ids.Story);
        Assert.Equal(AdminEmail, (await stories.GetAsync(ids.Story))!.DeletedBy);
        await stories.RestoreAsync(ids.Story);
        var split = await stories.SplitAsync(ids.Story, 1);
        var joined = await stories.JoinWithNextAsync(ids.Story);

        Assert.Equal(split.Second.Id, joined.Removed.Id);
        await using var db = await ContextAsync();
        Assert.Equal(AdminEmail, (await db.BoundaryOverrides.OrderBy(o => o.Id).LastAsync()).CreatedBy);
        Assert.Null((await db.Stories.SingleAsync(a => a.Id == ids.Story)).DeletedAt);
    }

    [Fact]
    public async Task EntityCalls_Admin_Done()
    {
        var ids = await AddPairAsync();
        await using var scope = await ScopeAsAsync(Persona.Admin);
        var entities = scope.ServiceProvider.GetRequiredService<EntityAdmin>();

        await entities.SetHiddenAsync(ids.Other, true);
        var slug = await entities.RenameAsync(ids.Entity, "Zyxw Renamed " + ids.Entity);
        await entities.MergeAsync(ids.Entity, ids.Other);

        await using var db = await ContextAsync();
        Assert.StartsWith("zyxw-renamed", slug, StringComparison.Ordinal);
        Assert.False(await db.Entities.AnyAsync(e => e.Id == ids.Entity));
        Assert.True((await db.Entities.SingleAsync(e => e.Id == ids.Other)).IsHidden);
        Assert.Equal(3, await db.EntityAliases.CountAsync(a => a.EntityId == ids.Other));
    }

    [Fact]
    public async Task BoundaryCalls_Admin_Done()
    {
        var ids = await AddPairAsync();
        await using var scope = await ScopeAsAsync(Persona.Admin);
        var boundaries = scope.ServiceProvider.GetRequiredService<BoundaryAdmin>();

        Assert.NotNull(await boundaries.LeastCertainAsync(5));
        await boundaries.KeepAsync(ids.Next);

        await using var db = await ContextAsync();
        Assert.Equal(1.0, (await db.Stories.SingleAsync(a => a.Id == ids.Next)).StartConfidence);
    }

    /// <summary>Two stories of one file (positions 0 and 1) and two companies, all unique to the calling test.</summary>
    private async Task<(long Story, long Next, long Entity, long Other)> AddPairAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        await using var db = await ContextAsync();
        Story Story(int position, string topic) => new()
        {
            Slug = $"{topic}-{tag}", Title = $"{topic} story {tag}", Summary = "Summary.",
            Body = $"The {topic} company {tag} said on Monday that it would open a new office.\n\nIt will hire {position + 10} people there next year.",
            Fingerprint = TextFingerprint.Of(topic + tag), SourceFile = $"{tag}.txt", SourcePosition = position, StartConfidence = 0.5,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        var first = Story(0, "alpha");
        var second = Story(1, "beta");
        db.Stories.AddRange(first, second);
        NewsEntity Company(string name) => new()
        {
            Kind = EntityKind.Company, Name = name, Slug = NameKey.Of(name).Replace(' ', '-'),
            Aliases = { new EntityAlias { Kind = EntityKind.Company, Name = name, Key = NameKey.Of(name) } },
        };
        var one = Company("Qorp " + tag);
        var two = Company("Qorp Inc " + tag);
        db.Entities.AddRange(one, two);
        await db.SaveChangesAsync();
        db.EntityLinks.Add(new EntityLink { StoryId = first.Id, EntityId = one.Id, About = true, Mentions = 1 });
        db.EntityLinks.Add(new EntityLink { StoryId = second.Id, EntityId = two.Id, About = true, Mentions = 1 });
        await db.SaveChangesAsync();
        return (first.Id, second.Id, one.Id, two.Id);
    }

    /// <summary>A request scope whose authentication state is the persona (an admin or reader account created once).</summary>
    private async Task<AsyncServiceScope> ScopeAsAsync(Persona persona)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (persona != Persona.Anonymous)
        {
            var email = persona == Persona.Admin ? AdminEmail : "curation-reader@example.test";
            await using (var setup = app.Factory.Services.CreateAsyncScope())
            {
                var users = setup.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                if (await users.FindByEmailAsync(email) is null)
                {
                    await app.CreateUserAsync(persona == Persona.Admin ? NewsRoles.Admin : NewsRoles.Reader, email);
                }
            }

            await using var lookup = app.Factory.Services.CreateAsyncScope();
            var user = await lookup.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
            principal = await lookup.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync(user!);
        }

        var scope = app.Factory.Services.CreateAsyncScope();
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    private async Task<NewsDbContext> ContextAsync() =>
        await app.Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();

    /// <summary>Every row of the tables a correction writes, as text.</summary>
    private async Task<string> DumpAsync()
    {
        await using var db = await ContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sb = new StringBuilder();
        foreach (var table in new[] { "Articles", "ArticleRevisions", "ArticleBands", "Entities", "EntityAliases", "ArticleEntities", "BoundaryOverrides" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.GetValue(i)).Append('|');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}
