using System.Text;
using NewsReader.Core.Curation;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>A run's report shows, word by word, what it changed in stored stories (near-duplicates).</summary>
public sealed class ImportChangesTests : IAsyncLifetime
{
    private static readonly string[] Story =
    [
        "The harbour town of Westmere switched on a floating solar farm on its old quarry lake on Monday, the council said in a statement.",
        "The panels will cover a third of the town's daytime demand and cut the council's power bill significantly over the next decade.",
        "Engineers spent eighteen months anchoring the floats to the lake bed, which drops to forty metres near the old loading ramp.",
        "Residents who had opposed the project over the view from the footpath said they were pleased the farm sits low on the water.",
        "The council plans a second array on the reservoir north of the town if the first year's output matches the forecasts.",
    ];

    private TestStore _store = default!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await ImportAsync("first.md", "Westmere opens floating solar farm", Story);
    }

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    private async Task<ImportReport> ImportAsync(string name, string title, IEnumerable<string> paragraphs)
    {
        var path = Path.Combine(_store.Folder, name);
        await File.WriteAllTextAsync(path, $"# {title}\n\n{string.Join("\n\n", paragraphs)}\n", Encoding.UTF8);
        return await new StoryImporter(_store.Factory, SeedParser.CreateDefault()).ImportFileAsync(path, new ImportOptions(StartedBy: "test"));
    }

    private Task<ImportRunReport?> ReportAsync(long runId) => new ImportHistory(_store.Factory, TimeProvider.System).ReportAsync(runId);

    [Fact]
    public async Task Report_FullerTextReplacedTheStored_ShowsEachChangedWord()
    {
        var edited = Story.Select(p => p.Replace("significantly", "markedly", StringComparison.Ordinal)).Append("Work on the second array could start next spring.");

        var run = await ImportAsync("second.md", "Westmere opens floating solar farm", edited);

        Assert.Equal(1, run.Counts.Updated);
        var change = Assert.Single((await ReportAsync(run.RunId))!.Changes);
        Assert.True(change.Used);
        Assert.DoesNotContain(change.Headline, s => s.Kind != DiffKind.Same);
        var changed = change.Body.Where(p => p.Changed).ToList();
        Assert.Equal(2, changed.Count);
        Assert.Contains(new DiffSpan(DiffKind.Removed, "significantly "), changed[0].Spans);
        Assert.Contains(new DiffSpan(DiffKind.Added, "markedly "), changed[0].Spans);
        Assert.Equal([new DiffSpan(DiffKind.Added, "Work on the second array could start next spring.")], changed[1].Spans);
    }

    [Fact]
    public async Task Report_ShorterTextNotUsed_ShowsWhatItWouldHaveChanged()
    {
        var run = await ImportAsync("shorter.md", "Westmere opens floating solar farm", Story[..4]);

        Assert.Equal(1, run.Counts.Updated);
        var change = Assert.Single((await ReportAsync(run.RunId))!.Changes);
        Assert.False(change.Used);
        var removed = Assert.Single(change.Body, p => p.Changed);
        Assert.Equal([new DiffSpan(DiffKind.Removed, Story[4])], removed.Spans);
    }

    [Fact]
    public async Task Report_LaterRunChangedTheStoryAgain_EachRunShowsItsOwnStep()
    {
        var second = await ImportAsync("second.md", "Westmere opens floating solar farm", Story.Append("Work could start next spring."));
        var third = await ImportAsync("third.md", "Westmere opens floating solar farm", Story.Append("Work could start next spring, the mayor said."));

        var secondStep = Assert.Single((await ReportAsync(second.RunId))!.Changes).Body.Single(p => p.Changed).Spans;
        var thirdStep = Assert.Single((await ReportAsync(third.RunId))!.Changes).Body.Single(p => p.Changed).Spans;

        Assert.Equal([new DiffSpan(DiffKind.Added, "Work could start next spring.")], secondStep);
        Assert.Contains(new DiffSpan(DiffKind.Added, "spring, the mayor said."), thirdStep);
    }
}
