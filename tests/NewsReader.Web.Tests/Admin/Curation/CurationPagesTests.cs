using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Core.Accounts;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Web.Account;
using NewsReader.Web.Admin;
using NewsReader.Web.Admin.Boundaries;
using NewsReader.Web.Admin.Entities;
using NewsReader.Web.Admin.Stories;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Admin.Curation;

/// <summary>
/// The admin correction pages rendered by bUnit over a real store, with the real services and the
/// real role check (accounts in the same store): key parts and that people's text renders as text.
/// </summary>
public sealed class CurationPagesTests : IAsyncLifetime, IAsyncDisposable
{
    private const string AdminEmail = "pages-admin@example.test";
    private const string ReaderEmail = "pages-reader@example.test";
    private readonly BunitContext _context = new();
    private TestStore _store = default!;
    private BunitAuthorizationContext _auth = default!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        var connection = NewsDb.ConnectionStringFor(_store.DatabasePath);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLogging();
        _context.Services.AddSingleton(_store.Factory);
        _context.Services.AddDbContext<NewsDbContext>(o => NewsDb.Configure(o, connection));
        _context.Services.AddIdentityCore<IdentityUser>(AccountRules.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<NewsDbContext>();
        _context.Services.AddScoped<CurrentUser>();
        _context.Services.AddCuration();
        _auth = _context.AddAuthorization();
        await using var accounts = AdminAccounts.CreateServices(connection);
        await using var scope = accounts.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        Assert.True((await admin.CreateOrPromoteAsync(AdminEmail, "Test-Password-0123", NewsRoles.Admin)).Succeeded);
        Assert.True((await admin.CreateOrPromoteAsync(ReaderEmail, "Test-Password-0123", NewsRoles.Reader)).Succeeded);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task ActAsAsync(string email)
    {
        await using var db = await _store.Factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        _auth.SetAuthorized(email);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
    }

    private async Task<long> AddStoryAsync(string slug, string body, string file = "f.txt", int position = 0, double confidence = 0.9)
    {
        var id = await _store.AddStoryAsync(slug, "Headline of " + slug, body);
        await using var db = await _store.Factory.CreateDbContextAsync();
        await db.Stories.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.SourceFile, file).SetProperty(a => a.SourcePosition, position).SetProperty(a => a.StartConfidence, confidence));
        return id;
    }

    [Fact]
    public async Task StoryPage_AdminSavesHostileHeadline_ShownAsTextAndStored()
    {
        await ActAsAsync(AdminEmail);
        var id = await AddStoryAsync("plain", "First paragraph of the story.\n\nSecond paragraph.");
        var cut = _context.Render<AdminStoryPage>(p => p.Add(x => x.Id, id));
        const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"> Headline";

        cut.Find("input").Change(Hostile);
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save headline", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("main script, img, .mud-alert script"));
        await using var db = await _store.Factory.CreateDbContextAsync();
        var story = await db.Stories.SingleAsync(a => a.Id == id);
        Assert.Equal((Hostile, AdminEmail), (story.Title, story.TitleEditedBy));
    }

    [Fact]
    public async Task StoryPage_AfterAnEdit_EarlierTextsListTheHeadlineBefore()
    {
        await ActAsAsync(AdminEmail);
        var id = await AddStoryAsync("history", "First paragraph of the story.\n\nSecond paragraph.");
        var cut = _context.Render<AdminStoryPage>(p => p.Add(x => x.Id, id));
        Assert.Contains("None: the story still has the text it was first stored with.", cut.Markup, StringComparison.Ordinal);

        cut.Find("input").Change("A better headline");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save headline", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".story-revisions tbody tr")));
        var cells = cut.FindAll(".story-revisions tbody td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal($"headline or summary edited by {AdminEmail}", cells[1]);
        Assert.Equal("Headline of history", cells[2]);
        Assert.Equal("7", cells[3]);
    }

    [Fact]
    public async Task StoryPage_SplitHere_NewStoryReported()
    {
        await ActAsAsync(AdminEmail);
        var id = await AddStoryAsync("two-parts", "Acme Corp said on Monday it raised money from investors in Kenya.\n\nGlobex said on Tuesday it will buy a rival chip designer for $2 billion.");
        var cut = _context.Render<AdminStoryPage>(p => p.Add(x => x.Id, id));

        cut.Find("button[aria-label^='Split here']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Split: the rest is now the story", cut.Markup, StringComparison.Ordinal));
        await using var db = await _store.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.Stories.CountAsync(a => a.SourceFile == "f.txt"));
    }

    [Fact]
    public async Task StoryPage_Reader_RefusedAndNoStoryShown()
    {
        await ActAsAsync(ReaderEmail);
        var id = await AddStoryAsync("secret", "Some text.\n\nMore text.");

        var cut = _context.Render<AdminStoryPage>(p => p.Add(x => x.Id, id));

        Assert.Contains("Only an administrator can do this.", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Some text.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoriesPage_DeletedFilter_ListsOnlyDeleted()
    {
        await ActAsAsync(AdminEmail);
        await AddStoryAsync("kept-story", "Text.");
        var gone = await AddStoryAsync("gone-story", "Other text.");
        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            await db.Stories.Where(a => a.Id == gone).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, DateTime.UtcNow).SetProperty(a => a.DeletedBy, "someone"));
        }

        _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/admin/stories?state=deleted");
        var cut = _context.Render<AdminStoriesPage>();

        Assert.Contains("Headline of gone-story", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Headline of kept-story", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("deleted by someone", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoundariesPage_Keep_BoundaryLeavesTheList()
    {
        await ActAsAsync(AdminEmail);
        await AddStoryAsync("before-boundary", "The story before ends with this <b>paragraph</b>.", "b.txt", 0, 1.0);
        await AddStoryAsync("after-boundary", "This story starts here.\n\nAnd goes on.", "b.txt", 1, 0.52);
        var cut = _context.Render<AdminBoundariesPage>();
        Assert.Contains("The story before ends with this <b>paragraph</b>.", cut.Find("blockquote.boundary-before").TextContent, StringComparison.Ordinal);
        Assert.Contains("This story starts here.", cut.Find("blockquote.boundary-after").TextContent, StringComparison.Ordinal);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Keep").Click();

        cut.WaitForAssertion(() => Assert.Contains("No boundaries left to review.", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EntitiesPage_MergeInto_CountsFollow()
    {
        await ActAsAsync(AdminEmail);
        await _store.AddStoryAsync("s1", "Story one", "One.", entities: [(EntityKind.Company, "Byte Dance", true)]);
        await _store.AddStoryAsync("s2", "Story two", "Two.", entities: [(EntityKind.Company, "ByteDance", true)]);
        var nav = _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        nav.NavigateTo("/admin/entities?q=byte");
        var list = _context.Render<AdminEntitiesPage>();

        // "Merge…" is a link that puts the choice in the URL; the page opened at it offers the targets.
        var mergeUrl = list.Find("a[aria-label='Merge Byte Dance into another']").GetAttribute("href")!;
        Assert.Matches("[?&]merge=[0-9]+", mergeUrl);
        nav.NavigateTo(mergeUrl);
        var cut = _context.Render<AdminEntitiesPage>();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Merge into ByteDance").Click();

        cut.WaitForAssertion(() => Assert.Contains("Merged “Byte Dance” into “ByteDance”.", cut.Markup, StringComparison.Ordinal));
        var row = Assert.Single(cut.FindAll("tbody tr"));
        Assert.Contains("Byte Dance", row.TextContent, StringComparison.Ordinal); // now an alias
        Assert.Equal("2", row.Children[2].TextContent.Trim());
        Assert.Equal("/companies/bytedance", row.QuerySelector("td a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task StoriesAndEntitiesPages_OneOfEach_CountInTheSingular()
    {
        await ActAsAsync(AdminEmail);
        await _store.AddStoryAsync("lone", "Lone story", "One.", entities: [(EntityKind.Company, "Acme", true)]);

        var stories = _context.Render<AdminStoriesPage>();
        var entities = _context.Render<AdminEntitiesPage>();

        Assert.Equal("1 story", stories.Find("p[role=status]").TextContent.Trim());
        Assert.Equal("1 entity", entities.Find("p[role=status]").TextContent.Trim());
    }

    [Fact]
    public async Task StoryPage_Delete_AsksFirstThenDeletes()
    {
        await ActAsAsync(AdminEmail);
        var id = await AddStoryAsync("to-delete", "Text of the story.");
        var cut = _context.Render<AdminStoryPage>(p => p.Add(x => x.Id, id));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Delete story…").Click();

        Assert.Contains("Readers will no longer see it", cut.Find("[role=group]").TextContent, StringComparison.Ordinal);
        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            Assert.Null((await db.Stories.SingleAsync(a => a.Id == id)).DeletedAt);
        }

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Yes, delete it").Click();

        cut.WaitForAssertion(() => Assert.Contains("Deleted: readers no longer see this story.", cut.Markup, StringComparison.Ordinal));
        await using (var db = await _store.Factory.CreateDbContextAsync())
        {
            Assert.NotNull((await db.Stories.SingleAsync(a => a.Id == id)).DeletedAt);
        }
    }
}
