using NewsReader.Web.Markdown;

namespace NewsReader.Web.Tests.Markdown;

[Collection(BunitGroup.Name)]
public sealed class MarkdownViewTests(BunitFixture fixture)
{
    private IRenderedComponent<MarkdownView> Render(string text) =>
        fixture.Context.Render<MarkdownView>(p => p.Add(c => c.Text, text));

    [Fact]
    public void Render_ScriptTag_ShowsItAsText()
    {
        var cut = Render("Before <script>alert('x')</script> after");

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>alert('x')</script>", cut.Find(".markdown-view").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScriptBlockOnItsOwnLine_ShowsItAsText()
    {
        var cut = Render("<script>\nalert('x')\n</script>\n\nNext paragraph.");

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("Next paragraph.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImgWithOnerror_MakesNoImageAndNoHandler()
    {
        var cut = Render("Look: <img src=x onerror=\"alert(1)\"> here");

        Assert.Empty(cut.FindAll("img"));
        Assert.DoesNotContain(cut.FindAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("<img", cut.Find(".markdown-view").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    public void Render_LinkWithForbiddenScheme_HasNoDangerousUrl(string text)
    {
        var cut = Render(text);

        foreach (var element in cut.FindAll("a, img"))
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? string.Empty;
            Assert.True(MarkdownRenderer.IsAllowedUrl(url), $"unsafe url '{url}' in {cut.Markup}");
            Assert.DoesNotContain("script:", url, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", url, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("[site](https://example.org/a)", "https://example.org/a")]
    [InlineData("[mail](mailto:desk@example.org)", "mailto:desk@example.org")]
    public void Render_AllowedLink_KeepsIt(string text, string href)
    {
        var cut = Render(text);

        Assert.Equal(href, cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Render_SubheadingsAndParagraphs_BecomeHeadingsBelowThePageTitle()
    {
        var cut = Render("# Top\n\nFirst paragraph.\n\n## Market reaction\n\nSecond paragraph.");

        Assert.Empty(cut.FindAll("h1"));
        Assert.Equal(["Top", "Market reaction"], cut.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal(2, cut.FindAll("p").Count);
    }

    [Fact]
    public void Render_EmptyText_RendersNothingInside()
    {
        var cut = Render("   ");

        Assert.Equal(string.Empty, cut.Find(".markdown-view").InnerHtml);
    }

    [Theory]
    [InlineData("http://a", true)]
    [InlineData("/articles/x", true)]
    [InlineData("a/b:c", true)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsAllowedUrl_VariousUrls_JudgesScheme(string url, bool expected) =>
        Assert.Equal(expected, MarkdownRenderer.IsAllowedUrl(url));
}
