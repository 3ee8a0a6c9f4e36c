using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Web.Admin.Importing;

namespace NewsReader.Web.Tests.Admin.Importing;

public sealed class UploadEndpointTests
{
    private static readonly Uri UploadUri = new(UploadEndpoint.Path, UriKind.Relative);

    [Fact]
    public async Task Upload_Anonymous_ChallengedAndNothingStarted()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client(null);
        using var content = ImportApp.Upload("token", ("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
        await AssertNothingStartedAsync(app);
    }

    [Fact]
    public async Task Upload_Reader_ForbiddenAndNothingStarted()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("reader");
        using var content = ImportApp.Upload("token", ("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStartedAsync(app);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Upload_AdminWithoutValidToken_BadRequestAndNothingStarted(string? token)
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        _ = await ImportApp.UploadTokenAsync(client); // the cookie half is there; the form half is missing or wrong
        using var content = ImportApp.Upload(token, ("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reload the import page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStartedAsync(app);
    }

    [Fact]
    public async Task Upload_TokenOfAnotherUser_BadRequest()
    {
        await using var app = await ImportApp.CreateAsync();
        using var other = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(other);
        using var client = app.Client("admin");
        _ = await ImportApp.UploadTokenAsync(client);
        using var stranger = app.Client("admin");
        using var content = ImportApp.Upload(token, ("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        // No antiforgery cookie on this client: a token copied from another session is not enough.
        using var response = await stranger.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStartedAsync(app);
    }

    [Fact]
    public async Task Upload_OversizedByContentLength_413NothingStoredRefusedRunRecorded()
    {
        await using var app = await ImportApp.CreateAsync(maxUploadBytes: 4096);
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        var big = Encoding.UTF8.GetBytes("# Long story\n\n" + string.Concat(Enumerable.Repeat("Words and more words. ", 8000)));
        using var content = ImportApp.Upload(token, ("big.md", big));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the limit of 4,096 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRefusedOnlyAsync(app, "big.md");
        Assert.Contains(app.Warnings.Lines, l => l.StartsWith("Upload refused with 413 for admin: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_OversizedWhileStreaming_413NothingStoredRefusedRunRecorded()
    {
        await using var app = await ImportApp.CreateAsync(maxUploadBytes: 4096);
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        var big = Encoding.UTF8.GetBytes("# Long story\n\n" + string.Concat(Enumerable.Repeat("Words and more words. ", 8000)));
        using var content = ImportApp.Upload(token, ("small.md", SeedFiles.Markdown(SeedFiles.ThreeStories[..1])));
        content.Add(new StreamContent(new UnknownLengthStream(big)), "files", "big.md");

        // A stream of unknown length goes chunked: no Content-Length to refuse early, so the limit applies while reading.
        using var response = await client.PostAsync(UploadUri, content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertRefusedOnlyAsync(app, "big.md");
    }

    public static TheoryData<string> MalformedBodies => new()
    {
        "truncated", // a file part that ends before the closing boundary
        "empty",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Upload_MalformedBody_400NothingLeftInUploads(string kind)
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        const string Boundary = "----newsreader-test-boundary";
        var file = Encoding.UTF8.GetString(SeedFiles.Markdown(SeedFiles.ThreeStories));
        var body = kind switch
        {
            "truncated" => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
                           $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cut.md\"\r\n\r\n{file}",
            "empty" => string.Empty,
            _ => "garbage",
        };
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        if (kind == "truncated")
        {
            client.DefaultRequestHeaders.Add("RequestVerificationToken", token); // so the body's end is reached while streaming the file
        }

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a well-formed multipart/form-data body", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStartedAsync(app);
    }

    [Theory]
    [InlineData(10, "late.md")] // 80 KB of fields, then a file under the file limit that takes the body over its limit
    [InlineData(17, "upload")]  // the fields alone pass the body's limit: no file name known yet
    public async Task Upload_ChunkedOverTheServersBodyLimit_413NothingStoredRefusedRunRecorded(int fields, string recordedName)
    {
        // Files up to 64 KB, so a body up to 128 KB (room for form fields); the test server has no body limit.
        await using var app = await ImportApp.CreateAsync(maxUploadBytes: 64 * 1024, kestrel: true);
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        using var content = ImportApp.Upload(token);
        for (var i = 0; i < fields; i++)
        {
            content.Add(new StringContent(new string('x', UploadReceiver.MaxFieldBytes)), "note" + i);
        }

        // Sent at once when the fields alone are over (a trickle would still be sending when the server answers).
        var file = Encoding.UTF8.GetBytes("# Story\n\n" + new string('w', 60_000));
        content.Add(new StreamContent(recordedName == "upload" ? new UnknownLengthStream(file) : new TricklingStream(file)), "files", "late.md");

        // A trickle may still be sending when Kestrel answers 413 and closes: the client then sees a broken pipe.
        HttpStatusCode? status = null;
        try
        {
            using var response = await client.PostAsync(UploadUri, content);
            status = response.StatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is IOException && recordedName != "upload")
        {
        }

        Assert.Null(content.Headers.ContentLength);
        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, status.ToString());
        for (var waited = 0; status is null && waited < 100 && await app.QueryAsync(db => db.ImportRuns.CountAsync()) == 0; waited++)
        {
            await Task.Delay(100); // the server may still be recording the refusal when the client's pipe breaks
        }

        await AssertRefusedOnlyAsync(app, recordedName);
    }

    [Fact]
    public async Task Upload_BinaryFile_RefusedWithReasonNothingStored()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        using var content = ImportApp.Upload(token, ("photo.txt", SeedFiles.Binary()));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Refused: ", page, StringComparison.Ordinal);
        Assert.Contains("binary", page, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", page, StringComparison.Ordinal);
        await AssertRefusedOnlyAsync(app, "photo.txt");
        Assert.Contains(app.Warnings.Lines, l => l.StartsWith("Refused upload photo.txt for admin: run #", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_GoodFile_RedirectsToJobPageAndStoriesAreStored()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        using var content = ImportApp.Upload(token, (@"..\secret\<img src=x onerror=alert(1)>.md", SeedFiles.Markdown(SeedFiles.ThreeStories)));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/admin/imports/[0-9a-f-]{36}$", location);
        await app.WaitForJobsAsync();
        var page = await client.GetStringAsync(new Uri(location, UriKind.Relative));
        Assert.Contains("Finished: 3 stories read", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src", page, StringComparison.Ordinal); // the client's name, as text
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Stories.OrderBy(a => a.SourcePosition).ToListAsync());
        Assert.Equal(SeedFiles.ThreeStories.Select(s => s.Title), stored.Select(a => a.Title));
        Assert.All(stored, a => Assert.Contains($"href=\"/articles/{a.Slug}\"", page, StringComparison.Ordinal));
        var run = await app.QueryAsync(db => db.ImportRuns.SingleAsync());
        Assert.Equal(("<img src=x onerror=alert(1)>.md", "admin", 3), (run.FileName, run.StartedBy, run.New));
        Assert.Empty(Directory.EnumerateFiles(app.UploadFolder));

        using var anonymous = app.Client(null);
        using var story = await anonymous.GetAsync(new Uri("/articles/" + stored[0].Slug, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
    }

    [Fact]
    public async Task Upload_OneFile_HistoryRowSaysWhoWhatAndHowBig()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        var bytes = SeedFiles.Markdown(SeedFiles.ThreeStories);
        using var content = ImportApp.Upload(token, ("three.md", bytes));

        using var response = await client.PostAsync(UploadUri, content);
        await app.WaitForJobsAsync();

        var html = await client.GetStringAsync(new Uri("/admin/imports", UriKind.Relative));
        var row = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".import-history tbody tr")!;
        Assert.Contains("1 run, newest first.", html, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Contains($"three.md {ImportFormat.Size(bytes.Length)} · SHA-256 {sha[..12]}", Squash(row.QuerySelector(".run-file")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("by admin · took ", Squash(row.Children[2].TextContent), StringComparison.Ordinal);
        Assert.Equal("3", row.QuerySelector("td[data-count=new]")!.TextContent);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Upload_TwoFiles_BothLandAndTheHistoryListsThem()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        using var content = ImportApp.Upload(token,
            ("one.md", SeedFiles.Markdown(SeedFiles.ThreeStories[..1])), ("two.md", SeedFiles.Markdown(SeedFiles.ThreeStories[1..])));

        using var response = await client.PostAsync(UploadUri, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/imports", response.Headers.Location!.ToString());
        await app.WaitForJobsAsync();
        Assert.Equal(3, await app.QueryAsync(db => db.Stories.CountAsync()));
        var history = await client.GetStringAsync(new Uri("/admin/imports", UriKind.Relative));
        Assert.Contains("2 runs, newest first", history, StringComparison.Ordinal);
        Assert.Contains("one.md", history, StringComparison.Ordinal);
        Assert.Contains("two.md", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("reader", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task ImportsPage_Get_AdminOnly(string? user, HttpStatusCode expected)
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client(user);

        using var response = await client.GetAsync(new Uri("/admin/imports", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RunPage_FinishedRun_ShowsReportFromTheStore()
    {
        await using var app = await ImportApp.CreateAsync();
        using var client = app.Client("admin");
        var token = await ImportApp.UploadTokenAsync(client);
        var file = SeedFiles.Markdown([.. SeedFiles.ThreeStories, SeedFiles.ThreeStories[0]]);
        using var content = ImportApp.Upload(token, ("repeat.md", file));
        using var _ = await client.PostAsync(UploadUri, content);
        await app.WaitForJobsAsync();
        var runId = await app.QueryAsync(db => db.ImportRuns.Select(r => r.Id).SingleAsync());

        var page = await client.GetStringAsync(new Uri(ImportUrls.RunPage(runId), UriKind.Relative));

        Assert.Contains("data-count=\"new\">3<", page, StringComparison.Ordinal);
        Assert.Contains("data-count=\"duplicates\">1<", page, StringComparison.Ordinal);
        Assert.Contains("Story 4: ", page, StringComparison.Ordinal);
        Assert.Contains("repeats story #1", page, StringComparison.Ordinal);
    }

    private static async Task AssertNothingStartedAsync(ImportApp app)
    {
        Assert.Empty(await app.Jobs.RecentAsync());
        Assert.Equal(0, await app.QueryAsync(db => db.ImportRuns.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Stories.CountAsync()));
        Assert.False(Directory.Exists(app.UploadFolder) && Directory.EnumerateFiles(app.UploadFolder).Any());
    }

    private static async Task AssertRefusedOnlyAsync(ImportApp app, string fileName)
    {
        Assert.Equal(0, await app.QueryAsync(db => db.Stories.CountAsync()));
        var run = await app.QueryAsync(db => db.ImportRuns.SingleAsync());
        Assert.Equal((ImportStatus.Refused, fileName, "admin"), (run.Status, run.FileName, run.StartedBy));
        Assert.False(Directory.Exists(app.UploadFolder) && Directory.EnumerateFiles(app.UploadFolder).Any());
    }

    /// <summary>A stream that hides its length, so HttpClient sends it chunked.</summary>
    private class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>
    /// Chunked, and a few KB at a time, as over a real network: Kestrel counts the bytes it has received
    /// against its body limit, so on loopback a body sent at once would trip it before the server reads the file part.
    /// 4 KB every 25 ms gives the server about 300 ms to reach the file part's name before the limit:
    /// at 5 ms a loaded machine (other test projects beside this one) sometimes took longer.
    /// </summary>
    private sealed class TricklingStream(byte[] bytes) : UnknownLengthStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(25, cancellationToken);
            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
        }
    }
}
