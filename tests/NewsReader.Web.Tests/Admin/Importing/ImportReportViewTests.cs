using NewsReader.Core.Curation;
using NewsReader.Core.Importing;
using NewsReader.Web.Admin.Importing;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>How a report shows changes: marked words, text as text.</summary>
public sealed class ImportReportViewTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void Render_ChangeWithMarkup_MarksWordsAndShowsMarkupAsText()
    {
        var story = new StoryRef(7, "westmere", "Westmere <b>solar</b>");
        var change = new StoryChange(story, Used: true,
            Headline: [new DiffSpan(DiffKind.Same, "Westmere "), new DiffSpan(DiffKind.Added, "<b>solar</b>")],
            Body:
            [
                new ParagraphDiff([new DiffSpan(DiffKind.Same, "Unchanged first paragraph.")]),
                new ParagraphDiff([new DiffSpan(DiffKind.Same, "Costs fell "), new DiffSpan(DiffKind.Removed, "sharply "), new DiffSpan(DiffKind.Added, "<script>alert(1)</script> ")]),
            ]);
        var run = new ImportRunRow(3, "second.md", "ab", 10, "admin", DateTime.UtcNow, DateTime.UtcNow, Core.Data.ImportStatus.Succeeded,
            new ImportCounts(1, 0, 1, 0, 0, 0));
        var report = new ImportRunReport(run, [], 0, [story], 0, [change], 0, [], 0);

        var view = _context.Render<ImportReportView>(p => p.Add(v => v.Report, report));

        var section = view.Find(".story-change");
        Assert.Equal("[removed: sharply]", section.QuerySelector(".diff del")!.TextContent);
        Assert.Equal("[added: <script>alert(1)</script>]", section.QuerySelectorAll(".diff ins")[^1].TextContent);
        Assert.Empty(view.FindAll("script"));
        Assert.Empty(view.FindAll(".story-change b"));
        Assert.Equal("…", section.QuerySelector(".diff-gap")!.TextContent);
    }

    [Fact]
    public void Render_NoteSaidOfManyStories_OneLineWithTheirCountAndRange()
    {
        var story = new StoryRef(7, "westmere", "Westmere opens floating solar farm");
        var run = new ImportRunRow(3, "repeats.md", "ab", 10, "admin", DateTime.UtcNow, DateTime.UtcNow, Core.Data.ImportStatus.Succeeded,
            new ImportCounts(20_001, 2, 0, 0, 19_999, 0));
        ImportNote[] notes =
        [
            new(1, story, "repeats story #1 of the file: not stored twice", Count: 19_999, LastPosition: 19_999),
            new(20_000, null, "rejected: no text"),
        ];
        var report = new ImportRunReport(run, [], 0, [], 0, [], 0, notes, 0);

        var view = _context.Render<ImportReportView>(p => p.Add(v => v.Report, report));

        var lines = view.FindAll(".import-notes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("19,999 stories, 2 to 20000: repeats story #1", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Story 20001: rejected", lines[1], StringComparison.Ordinal);
    }
}
