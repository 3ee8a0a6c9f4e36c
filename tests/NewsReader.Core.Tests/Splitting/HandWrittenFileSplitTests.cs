using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

/// <summary>
/// Files written by hand in the seed format, not from the seed (docs/adr/0001-segmentation.md,
/// "Checked on text nobody tuned for"): where a reader would start each story, and which repeat.
/// The folder also holds the three files with the misses the ADR describes; they have no test here,
/// since a test would only pin the miss.
/// </summary>
public class HandWrittenFileSplitTests
{
    public static TheoryData<string, string[], int?[]> Files => new()
    {
        {
            "funding-quote-lead-repeat.txt",
            ["Mistral AI, the Paris-based", "The Biden administration", "“We are on the edge", "On Monday, Samsung", "The Biden administration", "Satya Nadella"],
            [null, null, null, null, 1, null]
        },
        {
            "lists-related-lines.txt",
            ["Zoom Video Communications said", "Spotify announced today"],
            [null, null]
        },
        {
            "scene-opening-qa.txt",
            ["Elon Musk said on Monday", "Nearly 40 percent", "In a small office above a bakery", "Intel said on Thursday"],
            [null, null, null, null]
        },
    };

    /// <summary>Files the learned boundary model splits wrong today (issue 16), kept as expectations.</summary>
    public static TheoryData<string, string[], int?[]> KnownMisses => new()
    {
        {
            "deals-earnings-repeat.txt",
            ["Stripe said on Tuesday", "Nvidia reported revenue", "Over the past decade", "The European Commission on Monday", "Nvidia reported revenue", "Flipkart, the Indian"],
            [null, null, null, null, 1, null]
        },
    };

    [Theory(Skip = SplitterKnownMiss.Reason)]
    [MemberData(nameof(KnownMisses))]
    public Task Split_HandWrittenFileTheModelMisses_StartsWhereAReaderWouldAndFlagsRepeats(string file, string[] starts, int?[] duplicateOf) =>
        Split_HandWrittenFile_StartsWhereAReaderWouldAndFlagsRepeats(file, starts, duplicateOf);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Split_HandWrittenFile_StartsWhereAReaderWouldAndFlagsRepeats(string file, string[] starts, int?[] duplicateOf)
    {
        var text = await SeedReader.ReadFileAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hand-written", file));

        var (result, found) = SeedParser.Split(text);

        Assert.Equal(starts.Length, result.Articles.Count);
        for (var k = 0; k < starts.Length; k++)
        {
            Assert.StartsWith(starts[k], result.Articles[k].Paragraphs[0].Text, StringComparison.Ordinal);
        }

        Assert.Equal(duplicateOf, found);
    }
}
