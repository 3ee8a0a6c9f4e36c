using NewsReader.Core.Parsing;
using NewsReader.Core.Splitting;
using static NewsReader.Core.Tests.Splitting.SplitTestText;

namespace NewsReader.Core.Tests.Splitting;

public class MarkdownSplitterTests
{
    [Fact]
    public void Split_HashHeadings_StartArticlesWithTitles()
    {
        var result = SeedSplitter.Split(Markdown("# Kestrel cuts jobs\n\nFirst paragraph.\n\n## Brightwave raises money\n\nSecond story.\n"));

        Assert.Equal(["Kestrel cuts jobs", "Brightwave raises money"], result.Articles.Select(a => a.Title));
        Assert.Equal("Second story.", Assert.Single(result.Articles[1].Paragraphs).Text);
        Assert.All(result.Articles, a => Assert.Equal(1.0, a.StartConfidence));
    }

    [Fact]
    public void Split_ConsecutiveLines_JoinedIntoOneParagraph()
    {
        var result = SeedSplitter.Split(Markdown("# Title\n\nOne line\nand its continuation.\n\nNext paragraph.\n"));

        Assert.Equal(["One line and its continuation.", "Next paragraph."], result.Articles[0].Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Split_DeeperHeadings_BecomeSubheadings()
    {
        var result = SeedSplitter.Split(Markdown("# Title\n\nLead.\n\n### A shifting dynamic\n\nMore.\n"));

        var article = Assert.Single(result.Articles);
        Assert.Equal(ParagraphKind.Subheading, article.Paragraphs[1].Kind);
        Assert.Equal("A shifting dynamic", article.Paragraphs[1].Text);
    }

    [Fact]
    public void Split_TrailingHashes_StrippedFromTitle()
    {
        var result = SeedSplitter.Split(Markdown("## Title here ##\n\nText.\n"));

        Assert.Equal("Title here", result.Articles[0].Title);
    }

    [Fact]
    public void Split_FirstLine_IsHeadingLine()
    {
        var result = SeedSplitter.Split(Markdown("# One\n\nText.\n\n# Two\n\nMore text.\n"));

        Assert.Equal([1, 5], result.Articles.Select(a => a.FirstLine));
    }

    [Fact]
    public void Split_ShortLinesBeforeFirstHeading_AreHeader()
    {
        var result = SeedSplitter.Split(Markdown("Jane Doe - Reporter\n\n# Title\n\nText.\n"));

        Assert.Equal(["Jane Doe - Reporter"], result.Header);
        Assert.Single(result.Articles);
    }

    [Fact]
    public void Split_DoubledCaption_KeptOnce()
    {
        var result = SeedSplitter.Split(Markdown("# Title\n\nLead.\n\nLena Hartmann, CEO\n\nLena Hartmann – CEO\n\nMore.\n"));

        Assert.Equal(3, result.Articles[0].Paragraphs.Count);
        Assert.Equal(ParagraphKind.Caption, result.Articles[0].Paragraphs[1].Kind);
    }

    [Fact]
    public void Split_RepeatedArticle_FlaggedAsDuplicate()
    {
        var body = string.Join("\n\n", Robotics);
        var (result, duplicateOf) = SeedParser.Split(Markdown($"# Robots\n\n{body}\n\n# Bank\n\n{string.Join("\n\n", Bank)}\n\n# Robots again\n\n{body}\n"));

        Assert.Equal([null, null, 0], duplicateOf);
    }

    [Fact]
    public void Split_ListItems_EachOwnParagraph()
    {
        var result = SeedSplitter.Split(Markdown("# Title\n\n- first item\n- second item\n"));

        Assert.Equal(["- first item", "- second item"], result.Articles[0].Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Split_HashWithoutSpace_IsNotHeading()
    {
        var result = SeedSplitter.Split(Markdown("# Title\n\n#hashtag is text.\n"));

        Assert.Equal("#hashtag is text.", Assert.Single(result.Articles[0].Paragraphs).Text);
    }
}
