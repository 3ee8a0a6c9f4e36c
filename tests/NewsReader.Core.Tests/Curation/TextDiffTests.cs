using NewsReader.Core.Curation;

namespace NewsReader.Core.Tests.Curation;

public sealed class TextDiffTests
{
    private static string Render(IEnumerable<DiffSpan> spans) => string.Concat(spans.Select(s => s.Kind switch
    {
        DiffKind.Removed => "[-" + s.Text + "-]",
        DiffKind.Added => "{+" + s.Text + "+}",
        _ => s.Text,
    }));

    private static string[] WordsOf(IEnumerable<DiffSpan> spans, DiffKind without) =>
        string.Concat(spans.Where(s => s.Kind != without).Select(s => s.Text)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Paragraphs_SameText_NothingChanged()
    {
        var text = "First paragraph here.\n\nSecond one.";

        var diff = TextDiff.Paragraphs(text, text);

        Assert.Equal(2, diff.Count);
        Assert.All(diff, p => Assert.False(p.Changed));
    }

    [Fact]
    public void Paragraphs_OneWordReplaced_MarksOnlyThatWord()
    {
        var before = "Huawei said growth slowed significantly this year.\n\nThe company declined to comment.";
        var after = "Huawei said growth slowed markedly this year.\n\nThe company declined to comment.";

        var diff = TextDiff.Paragraphs(before, after);

        Assert.Equal("Huawei said growth slowed [-significantly -]{+markedly +}this year.", Render(diff[0].Spans));
        Assert.False(diff[1].Changed);
    }

    [Fact]
    public void Paragraphs_ParagraphAddedAndOneRemoved_WholeParagraphsMarked()
    {
        var before = "Alpha one.\n\nBravo two.\n\nCharlie three.";
        var after = "Alpha one.\n\nCharlie three.\n\nDelta four.";

        var diff = TextDiff.Paragraphs(before, after);

        Assert.Equal(["Alpha one.", "[-Bravo two.-]", "Charlie three.", "{+Delta four.+}"], diff.Select(p => Render(p.Spans)));
    }

    [Fact]
    public void Paragraphs_OnlySpacingDiffers_NoChange()
    {
        var diff = TextDiff.Paragraphs("Tencent  led the round.\r\n\r\nIt closed.", "Tencent led the round.\n\n\nIt closed.");

        Assert.All(diff, p => Assert.False(p.Changed));
    }

    [Fact]
    public void Words_EmptyBefore_AllAdded()
    {
        Assert.Equal("{+New headline+}", Render(TextDiff.Words(string.Empty, "New headline")));
    }

    [Fact]
    public void Words_TooLongToCompare_RemovedAndAddedWhole()
    {
        var before = string.Join(' ', Enumerable.Range(0, 2100).Select(i => "a" + i));
        var after = string.Join(' ', Enumerable.Range(0, 2100).Select(i => "b" + i));

        var spans = TextDiff.Words(before, after);

        Assert.Equal([DiffKind.Removed, DiffKind.Added], spans.Select(s => s.Kind));
    }

    [Fact]
    public void Paragraphs_RandomEdits_BothTextsReadBackWordForWord()
    {
        var random = new Random(20261128);
        var vocabulary = Enumerable.Range(0, 40).Select(i => "w" + i).ToArray();
        for (var round = 0; round < 300; round++)
        {
            var paragraphs = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => Enumerable.Range(0, random.Next(1, 25)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList())
                .ToList();
            var edited = paragraphs.Select(p => p.ToList()).ToList();
            for (var e = random.Next(0, 6); e > 0; e--)
            {
                var p = edited[random.Next(edited.Count)];
                switch (random.Next(4))
                {
                    case 0 when p.Count > 1: p.RemoveAt(random.Next(p.Count)); break;
                    case 1: p.Insert(random.Next(p.Count + 1), vocabulary[random.Next(vocabulary.Length)]); break;
                    case 2: edited.Insert(random.Next(edited.Count + 1), [vocabulary[random.Next(vocabulary.Length)]]); break;
                    default: p[random.Next(p.Count)] = vocabulary[random.Next(vocabulary.Length)]; break;
                }
            }

            string Text(List<List<string>> ps) => string.Join("\n\n", ps.Select(p => string.Join(' ', p)));
            var diff = TextDiff.Paragraphs(Text(paragraphs), Text(edited));

            var spans = diff.SelectMany(p => p.Spans.Append(new DiffSpan(DiffKind.Same, " "))).ToList();
            Assert.Equal(paragraphs.SelectMany(p => p), WordsOf(spans, DiffKind.Added));
            Assert.Equal(edited.SelectMany(p => p), WordsOf(spans, DiffKind.Removed));
        }
    }
}
