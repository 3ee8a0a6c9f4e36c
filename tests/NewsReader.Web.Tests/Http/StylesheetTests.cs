using System.Text.RegularExpressions;

namespace NewsReader.Web.Tests.Http;

[Collection(WebAppGroup.Name)]
public sealed partial class StylesheetTests(WebAppFixture app)
{
    // An unclosed block is not an error to a browser: it closes it at the end of the file, so every
    // rule after it silently lands inside (once, the story page's tag styles sat in a phone-only
    // @media block). Braces must balance, and close no block that was not open.
    [Fact]
    public async Task AppCss_Served_EveryBlockClosed()
    {
        using var client = app.CreateClient();
        var css = await client.GetStringAsync(new Uri("/app.css", UriKind.Relative));
        var depth = 0;
        foreach (var c in Comments().Replace(css, string.Empty))
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            Assert.True(depth >= 0, "a '}' closes nothing");
        }

        Assert.True(css.Length > 1000, "the stylesheet was served");
        Assert.Equal(0, depth);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
