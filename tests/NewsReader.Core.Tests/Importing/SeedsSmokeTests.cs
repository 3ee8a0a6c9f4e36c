using NewsReader.Core.Tests.Data;

namespace NewsReader.Core.Tests.Importing;

/// <summary>The one test that imports the real seed files: only facts that hold whatever the splitter does.</summary>
public sealed class SeedsSmokeTests
{
    [Fact]
    public async Task ImportFileAsync_AllSeeds_StoredThenAllUnchanged()
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoRoot(), "seeds"), "*.txt");
        Assert.NotEmpty(seeds);
        await using var store = await TestStore.CreateAsync();
        var importer = store.Importer();

        var first = new List<Core.Importing.ImportReport>();
        foreach (var seed in seeds)
        {
            first.Add(await importer.ImportFileAsync(seed));
        }

        var before = store.DumpStories();
        foreach (var seed in seeds)
        {
            var again = await importer.ImportFileAsync(seed, new Core.Importing.ImportOptions(Reparse: true));
            Assert.Equal((0, 0), (again.New, again.Updated));
        }

        Assert.True(first.Sum(r => r.New) > 0);
        Assert.Equal(first.Sum(r => r.New), store.Scalar("SELECT count(*) FROM Articles"));
        Assert.Equal(before, store.DumpStories());
        store.AssertIntegrity();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NewsReader.sln not found above the test folder");
    }
}
