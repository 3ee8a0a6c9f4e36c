using System.Text;
using NewsReader.Cli;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Cli;

/// <summary>
/// Every command reaches the store the web app opens from the same folder, and a command that only
/// reads never makes a new empty store (issue 20). Each test works in a temp folder laid out like the
/// repository (<c>src/NewsReader.Web/appsettings.json</c>) and runs the CLI as if started there.
/// </summary>
public sealed class StoreResolutionTests : IDisposable
{
    private const string Story = "Acme Corp said on Monday that it had raised new money from investors in Kenya and Brazil.\n\n" +
        "The company plans to hire more engineers over the next year, its chief executive said in a statement.\n";

    private readonly string _repo = Directory.CreateTempSubdirectory("nr-cli-store-").FullName;

    public StoreResolutionTests()
    {
        Directory.CreateDirectory(WebProject);
        File.WriteAllText(Path.Combine(WebProject, "appsettings.json"), """{ "Reader": { "DataFolder": "data", "DatabasePath": "" } }""");
    }

    private string WebProject => Path.Combine(_repo, "src", "NewsReader.Web");

    private string WebStore => Path.Combine(WebProject, "data", NewsDb.DefaultFileName);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_repo, recursive: true);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string folder, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, folder);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public async Task EveryCommand_FromTheRepositoryRoot_ReachesTheWebAppsStore()
    {
        var file = Path.Combine(_repo, "story.txt");
        await File.WriteAllTextAsync(file, Story);

        var import = await RunAsync(_repo, "import", "story.txt");
        var stats = await RunAsync(_repo, "stats");
        var search = await RunAsync(_repo, "search", "engineers");
        var admin = await RunAsync(_repo, "create-admin", "--email", "boss@example.test", "--password", "Long-enough-pw1");
        var role = await RunAsync(_repo, "set-role", "--email", "boss@example.test", "--role", "reader");

        Assert.Equal((0, 0, 0, 0, 0), (import.Code, stats.Code, search.Code, admin.Code, role.Code));
        Assert.True(File.Exists(WebStore));
        Assert.False(Directory.Exists(Path.Combine(_repo, "data")), "no second store under the repository root");
        Assert.Contains("stories:   1", stats.Out, StringComparison.Ordinal);
        Assert.StartsWith("1 story", search.Out, StringComparison.Ordinal);
        Assert.Contains("(store " + WebStore + ")", admin.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FromTheWebProjectFolder_SameStoreAsFromTheRoot()
    {
        var fromRoot = StoreOptions.Find(CliArgs.Parse([], _repo), NoEnvironment);
        var fromProject = StoreOptions.Find(CliArgs.Parse([], WebProject), NoEnvironment);

        Assert.Equal(WebStore, fromRoot.DatabaseFile);
        Assert.Equal(WebStore, fromProject.DatabaseFile);
    }

    [Fact]
    public void Find_SettingsAndEnvironment_FollowTheWebAppsKeys()
    {
        File.WriteAllText(Path.Combine(WebProject, "appsettings.json"), """{ "Reader": { "DataFolder": "store-folder" } }""");
        var fromSettings = StoreOptions.Find(CliArgs.Parse([], _repo), NoEnvironment);
        var fromEnvironment = StoreOptions.Find(CliArgs.Parse([], _repo), name => name == "Reader__DataFolder" ? "/srv/news" : null);
        var byPath = StoreOptions.Find(CliArgs.Parse([], _repo), name => name == "Reader__DatabasePath" ? "db/other.db" : null);
        var byDb = StoreOptions.Find(CliArgs.Parse(["--db", "x.db"], _repo), name => name == "Reader__DatabasePath" ? "db/other.db" : null);

        Assert.Equal(Path.Combine(WebProject, "store-folder", NewsDb.DefaultFileName), fromSettings.DatabaseFile);
        Assert.Equal(Path.Combine("/srv/news", NewsDb.DefaultFileName), fromEnvironment.DatabaseFile);
        Assert.Equal(Path.Combine(WebProject, "db", "other.db"), byPath.DatabaseFile);
        Assert.Equal(Path.Combine(_repo, "x.db"), byDb.DatabaseFile);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("search", "engineers")]
    [InlineData("set-role", "--email", "x@example.test", "--role", "admin")]
    public async Task ReadCommand_NoStoreThere_Exit2NamesThePathAndCreatesNothing(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(_repo, args);

        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("there is no store at " + WebStore, stderr, StringComparison.Ordinal);
        Assert.Contains("--db PATH", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(WebStore)), "nothing created");
    }

    [Fact]
    public async Task Search_AfterDoubleDash_QueryMayStartWithADash()
    {
        await File.WriteAllTextAsync(Path.Combine(_repo, "story.txt"), Story);
        await RunAsync(_repo, "import", "story.txt");

        var (code, stdout, stderr) = await RunAsync(_repo, "search", "--", "-tesla");
        var (withOptions, _, _) = await RunAsync(_repo, "search", "--limit", "5", "--", "--json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("1 story", stdout, StringComparison.Ordinal); // every story but those about Tesla
        Assert.Equal(0, withOptions);
    }

    [Fact]
    public void Parse_DoubleDash_EverythingAfterIsPositional()
    {
        var args = CliArgs.Parse(["--db", "a.db", "--", "-x", "--json", "--"]);

        Assert.Equal(["-x", "--json", "--"], args.Positional);
        Assert.Equal("a.db", args.Get("--db"));
        Assert.False(args.Has("--json"));
    }

    private static string? NoEnvironment(string name) => null;
}
