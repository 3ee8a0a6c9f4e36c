using System.Text.Json;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Splitting;

namespace NewsReader.Core.Tests.Splitting;

/// <summary>
/// Seed-format files written without sight of the splitter, each with an annotation in the seed
/// gold's format (docs/adr/0001-segmentation.md, "Checked on text nobody tuned for"). The splitter
/// does not find every start in them; these tests keep it from finding fewer.
/// </summary>
public class AnnotatedFileSplitTests
{
    // The boundary model learns from these files (train-splitter --gold-dir), so this is no test of
    // how it does on text it has not seen (that is the left-out score in docs/adr/0001): it checks that
    // the shipped model and the pipeline around it still split what they were trained on, at 0.95
    // (measured 0.96-1.00 per file when the model was trained, 2026-12-07), and the newsletter, whose
    // "Also:" and "Meanwhile," items even the model trained on it misses twice, at 0.92 (measured 0.929).
    public static TheoryData<string, double> Files => new()
    {
        { "wire-business", 0.95 },
        { "startups-tech", 0.95 },
        { "policy-international", 0.95 },
        { "techcrunch-asia", 0.95 },
        { "techcrunch-emerging-markets", 0.95 },
        { "a2-business-daily", 0.95 },
        { "a2-fin-wire", 0.95 },
        { "a2-gadget-blog", 0.95 },
        { "a2-general-news", 0.95 },
        { "b2-asia-business", 0.95 },
        { "b2-newsletter-digest", 0.92 },
        { "b2-science-health-climate", 0.95 },
        { "b2-uk-business", 0.95 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Split_AnnotatedFile_FindsItsStoryStartsAtLeastAsWellAsBefore(string name, double floor)
    {
        var (text, gold) = await LoadAsync(name);
        var paragraphOfLine = ParagraphNumbers(text);

        var result = SeedSplitter.Split(text);

        var predicted = result.Articles.Select(a => paragraphOfLine[a.FirstLine]).ToHashSet();
        var expected = gold.RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("paragraphs")[0].GetInt32()).ToHashSet();
        var found = predicted.Intersect(expected).Count();
        var f1 = 2.0 * found / (predicted.Count + expected.Count);
        Assert.True(f1 >= floor, $"{name}: boundary F1 {f1:0.000} < {floor} (predicted starts {string.Join(",", predicted.Order())}; annotated {string.Join(",", expected.Order())})");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Split_AnnotatedFile_FlagsItsRepeatedStory(string name, double floor)
    {
        _ = floor;
        var (text, gold) = await LoadAsync(name);
        var paragraphOfLine = ParagraphNumbers(text);
        var repeat = gold.RootElement.GetProperty("articles").EnumerateArray()
            .Single(a => a.TryGetProperty("duplicate_of", out _)).GetProperty("paragraphs")[0].GetInt32();

        var (result, duplicateOf) = SeedParser.Split(text);

        var at = Assert.Single(Enumerable.Range(0, result.Articles.Count), k => paragraphOfLine[result.Articles[k].FirstLine] == repeat);
        Assert.NotNull(duplicateOf[at]);
    }

    private static async Task<(SeedText Text, JsonDocument Gold)> LoadAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "annotated");
        var text = await SeedReader.ReadFileAsync(Path.Combine(folder, name + ".txt"));
        var gold = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, name + ".gold.json")));
        return (text, gold);
    }

    // The annotation numbers the non-empty lines from 1; the splitter reports line numbers.
    private static Dictionary<int, int> ParagraphNumbers(SeedText text)
    {
        var map = new Dictionary<int, int>();
        var paragraph = 0;
        for (var line = 0; line < text.Lines.Count; line++)
        {
            if (!string.IsNullOrWhiteSpace(text.Lines[line]))
            {
                map[line + 1] = ++paragraph;
            }
        }

        return map;
    }
}
