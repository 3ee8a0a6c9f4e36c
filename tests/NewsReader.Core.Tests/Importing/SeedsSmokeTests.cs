using NewsReader.Core.Tests.Data;

namespace NewsReader.Core.Tests.Importing;

/// <summary>The one test that imports the real seed files: only facts that hold whatever the splitter does.</summary>
public sealed class SeedsSmokeTests
{
    [Fact]
    public async Task ImportFileAsync_AllSeeds_StoredThenAllUnchanged()
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoPaths.Root, "seeds"), "*.txt");
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
}
