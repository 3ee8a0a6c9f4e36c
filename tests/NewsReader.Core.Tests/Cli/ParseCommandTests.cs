using System.Text;
using System.Text.Json;
using NewsReader.Cli;

namespace NewsReader.Core.Tests.Cli;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nr-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public async Task Parse_Json_WritesDocumentedShapeToStdoutOnly()
    {
        var path = WriteFile("one.md", "# Acme raises money\n\nAcme Inc said today it raised $5 million.\n\nIt will hire.");

        var (code, stdout, stderr) = await RunAsync("parse", path, "--json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["header", "articles"], root.EnumerateObject().Select(p => p.Name));
        var article = Assert.Single(root.GetProperty("articles").EnumerateArray());
        Assert.Equal(
            ["title", "summary", "slug", "paragraphs", "duplicateOf", "startConfidence", "companies", "countries", "topics", "entities"],
            article.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, article.GetProperty("duplicateOf").ValueKind);
        Assert.Equal("Acme raises money", article.GetProperty("title").GetString());
        Assert.Equal(
            ["Acme Inc said today it raised $5 million.", "It will hire."],
            article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var confidence = article.GetProperty("startConfidence").GetDouble();
        Assert.InRange(confidence, 0, 1);
    }

    [Fact]
    public async Task Parse_Table_ListsHeadlinesAndCounts()
    {
        var path = WriteFile("one.md", "# Acme raises money\n\nAcme Inc said today it raised $5 million.");

        var (code, stdout, _) = await RunAsync("parse", path);

        Assert.Equal(0, code);
        Assert.Contains("Acme raises money", stdout, StringComparison.Ordinal);
        Assert.Contains("1 article, 1 distinct, 0 duplicates", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_EmptyFile_ExitsTwoWithMessageNamingFile()
    {
        var path = WriteFile("empty.txt", "");

        var (code, stdout, stderr) = await RunAsync("parse", path, "--json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("empty.txt", stderr, StringComparison.Ordinal);
        Assert.Contains("empty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_InvalidUtf8_ExitsTwoWithByteOffset()
    {
        var path = Path.Combine(_dir, "latin1.txt");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("Caf\u00e9"));

        var (code, _, stderr) = await RunAsync("parse", path);

        Assert.Equal(2, code);
        Assert.Contains("byte offset 3", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("parse")]
    [InlineData("parse", "a.txt", "--format", "word")]
    [InlineData("parse", "a.txt", "--bogus", "x")]
    public async Task Run_BadUsage_ExitsTwo(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FormatForcedToSeed_TreatsHeadingAsText()
    {
        var path = WriteFile("forced.txt", "# Looks like a heading\n\nBody text here.");

        var (code, stdout, _) = await RunAsync("parse", path, "--json", "--format", "seed");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var paragraphs = json.RootElement.GetProperty("articles")[0].GetProperty("paragraphs");
        Assert.Contains(paragraphs.EnumerateArray(), p => p.GetString()!.Contains("Looks like a heading", StringComparison.Ordinal));
    }
}
