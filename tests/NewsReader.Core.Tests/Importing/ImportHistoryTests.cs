using NewsReader.Core.Importing;
using NewsReader.Core.Tests.Data;
using static NewsReader.Core.Tests.Data.Docs;
using NewsReader.Core.Store;

namespace NewsReader.Core.Tests.Importing;

/// <summary>The import history is a Core service: the web app, the CLI and an API read runs and reports the same way.</summary>
public abstract class ImportHistoryTests(StoreEngine engine)
{
    [Fact]
    public async Task PageAndReport_TwoRuns_NewestFirstAndTheNewStoryListed()
    {
        await using var store = await TestStore.CreateAsync(engine);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Alpha", Text("alpha"))), Source("a.txt"));
        var second = await store.Importer().ImportAsync(Document("b.txt", Story(0, "Beta", Text("beta"))), Source("b.txt"));
        var history = new ImportHistory(store.Factory, TimeProvider.System);

        var page = await history.PageAsync(1, 10);
        var report = await history.ReportAsync(second.RunId);

        Assert.Equal(["b.txt", "a.txt"], page.Runs.Select(r => r.FileName));
        Assert.Equal("beta", Assert.Single(report!.NewStories).Slug);
    }
}

public sealed class ImportHistorySqliteTests() : ImportHistoryTests(StoreEngine.Sqlite);

public sealed class ImportHistoryPostgresTests() : ImportHistoryTests(StoreEngine.Postgres);
