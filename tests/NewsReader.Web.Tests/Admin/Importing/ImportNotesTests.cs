using System.Text;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>A run's notes, read from the store: the same note about the same story is one line with a count.</summary>
public sealed class ImportNotesTests
{
    private static readonly string[] Story =
    [
        "The harbour town of Westmere switched on a floating solar farm on its old quarry lake on Monday, the council said in a statement.",
        "The panels will cover a third of the town's daytime demand and cut the council's power bill over the next decade.",
    ];

    [Fact]
    public async Task Report_StoryRepeatedManyTimes_OneNoteWithCountRangeAndTheStoredStory()
    {
        await using var store = await TestStore.CreateAsync();
        var path = Path.Combine(store.Folder, "repeats.md");
        var copy = $"# Westmere opens floating solar farm\n\n{string.Join("\n\n", Story)}\n\n";
        var other = "# Kestrel Bank cuts jobs\n\nKestrel Bank said on Tuesday it will cut 1,200 jobs across Europe as it closes branches.\n\n";
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat(copy, 30)) + other, Encoding.UTF8);

        var run = await new StoryImporter(store.Factory, SeedParser.CreateDefault()).ImportFileAsync(path, new ImportOptions(StartedBy: "test"));
        var report = await new ImportHistory(store.Factory, TimeProvider.System).ReportAsync(run.RunId);

        Assert.Equal(29, run.Counts.DuplicatesInFile);
        var note = Assert.Single(report!.Notes);
        Assert.Equal((1, 29, 29), (note.Position, note.LastPosition, note.Count));
        Assert.Equal("Westmere opens floating solar farm", note.Story?.Title);
        Assert.Equal(0, report.MoreNotes);
    }
}
