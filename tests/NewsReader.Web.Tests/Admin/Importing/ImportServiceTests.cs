using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Web.Account;
using NewsReader.Web.Admin.Importing;

namespace NewsReader.Web.Tests.Admin.Importing;

public sealed class ImportServiceTests
{
    [Fact]
    public async Task QueueUpload_TwoAtOnce_BothLandOneAfterTheOther()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var first = await harness.ReceivedAsync("first.md", SeedFiles.Markdown(SeedFiles.ThreeStories[..2]));
        var second = await harness.ReceivedAsync("second.md", SeedFiles.Markdown(SeedFiles.ThreeStories[2..]));
        var (a, scopeA) = await harness.ActionsAsAsync("admin");
        var (b, scopeB) = await harness.ActionsAsAsync("admin");
        await using (scopeA)
        await using (scopeB)
        {
            // Both queued before the worker starts, from two "circuits" at once.
            var jobs = await Task.WhenAll(Task.Run(() => a.QueueUploadAsync(first)), Task.Run(() => b.QueueUploadAsync(second)));
            Assert.All(jobs, j => Assert.Equal(ImportJobState.Waiting, j.Status.State));

            await harness.Worker.StartAsync(CancellationToken.None);
            await harness.WaitForJobsAsync();

            Assert.All(jobs, j => Assert.Equal(ImportJobState.Succeeded, j.Status.State));
            var ordered = jobs.OrderBy(j => j.Status.StartedAt).ToList();
            Assert.True(ordered[1].Status.StartedAt >= ordered[0].Status.FinishedAt, "the second import started before the first ended");
            Assert.Equal(3, await harness.CountAsync(db => db.Stories));
            await using var db = await harness.Store.Factory.CreateDbContextAsync();
            var runs = await db.ImportRuns.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(["first.md", "second.md"], runs.Select(r => r.FileName).Order());
            Assert.All(runs, r => Assert.Equal("admin", r.StartedBy));
            Assert.All(runs, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
            Assert.Empty(Directory.EnumerateFiles(harness.Receiver.Folder));
        }
    }

    [Fact]
    public async Task QueueUpload_Running_ReportsProgressAndTheReportLinksNewStories()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var file = await harness.ReceivedAsync("three.md", SeedFiles.Markdown(SeedFiles.ThreeStories));
        var (actions, scope) = await harness.ActionsAsAsync("admin");
        await using (scope)
        {
            var job = await actions.QueueUploadAsync(file);
            await harness.Worker.StartAsync(CancellationToken.None);
            await harness.WaitForJobsAsync();

            var status = job.Status;
            Assert.Equal(ImportJobState.Succeeded, status.State);
            Assert.Equal(3, status.Found);
            Assert.Equal(3, status.Handled);
            var report = await new ImportHistory(harness.Store.Factory, TimeProvider.System).ReportAsync(status.RunId!.Value);
            Assert.NotNull(report);
            Assert.Equal(new ImportCounts(Found: 3, New: 3, Updated: 0, Unchanged: 0, DuplicatesInFile: 0, Rejected: 0), report.Run.Counts);
            Assert.Equal(SeedFiles.ThreeStories.Select(s => s.Title), report.NewStories.Select(s => s.Title));
            Assert.All(report.NewStories, s => Assert.StartsWith("/articles/", s.Url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task QueueUpload_SameFileAgain_ReportsAllUnchanged()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var bytes = SeedFiles.Markdown(SeedFiles.ThreeStories);
        var (actions, scope) = await harness.ActionsAsAsync("admin");
        await using (scope)
        {
            await harness.Worker.StartAsync(CancellationToken.None);
            await actions.QueueUploadAsync(await harness.ReceivedAsync("news.md", bytes));
            await harness.WaitForJobsAsync();
            var again = await actions.QueueUploadAsync(await harness.ReceivedAsync("news.md", bytes));
            await harness.WaitForJobsAsync();

            var report = again.Status.Report!;
            Assert.Equal((3, 0, 0, 3), (report.Found, report.New, report.Updated, report.Unchanged));
            Assert.Equal(3, await harness.CountAsync(db => db.Stories));
        }
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "empty.txt", [], "empty" },
        { "picture.txt", SeedFiles.Binary(), "binary" },
        { "latin1.txt", [.. "Caf"u8, 0xE9, .. " au lait\n"u8], "UTF-8" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task QueueUpload_NotText_RefusedNothingStoredRunRecorded(string name, byte[] bytes, string reasonPart)
    {
        await using var harness = await ImportHarness.CreateAsync();
        var file = await harness.ReceivedAsync(name, bytes);
        var (actions, scope) = await harness.ActionsAsAsync("admin");
        await using (scope)
        {
            var job = await actions.QueueUploadAsync(file);

            Assert.Equal(ImportJobState.Refused, job.Status.State);
            Assert.Contains(reasonPart, job.Status.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(file.TempPath));
            Assert.Equal(0, await harness.CountAsync(db => db.Stories));
            await using var db = await harness.Store.Factory.CreateDbContextAsync();
            var run = await db.ImportRuns.Include(r => r.Messages).SingleAsync();
            Assert.Equal((ImportStatus.Refused, name, "admin"), (run.Status, run.FileName, run.StartedBy));
            Assert.Contains(reasonPart, run.Messages.Single().Text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(job.Status.RunId, run.Id);
        }
    }

    [Fact]
    public async Task QueueUpload_RefusedAsItWasReceived_RefusedWithoutASecondRead()
    {
        await using var harness = await ImportHarness.CreateAsync();
        // Readable text on disk, but the receiver's check said no: the queue takes its word, not a second read.
        var received = await harness.ReceivedAsync("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories));
        var (actions, scope) = await harness.ActionsAsAsync("admin");
        await using (scope)
        {
            var job = await actions.QueueUploadAsync(received with { Refusal = "the file is not text" });

            Assert.Equal(ImportJobState.Refused, job.Status.State);
            Assert.Equal("the file is not text", job.Status.Message);
            Assert.False(File.Exists(received.TempPath));
        }
    }

    [Fact]
    public async Task ReceiveFile_BinaryPart_RefusalWithTheWholeFilesSizeAndHash()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var bytes = SeedFiles.Binary().Concat(new byte[200_000]).ToArray();

        var file = await harness.ReceivedAsync("picture.txt", bytes);

        Assert.Contains("binary", file.Refusal, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(bytes.LongLength, file.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file.TempPath));
        Assert.Null((await harness.ReceivedAsync("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories))).Refusal);
    }

    [Fact]
    public async Task RefuseTooLarge_Admin_RecordsRefusedRunAndStoresNothing()
    {
        await using var harness = await ImportHarness.CreateAsync(maxUploadBytes: 1000);
        var (actions, scope) = await harness.ActionsAsAsync("admin");
        await using (scope)
        {
            var job = await actions.RefuseTooLargeAsync("huge.txt", 5000);

            Assert.Equal(ImportJobState.Refused, job.Status.State);
            Assert.Contains("larger than the limit of 1,000 bytes", job.Status.Message, StringComparison.Ordinal);
            Assert.Equal(0, await harness.CountAsync(db => db.Stories));
            Assert.Equal(1, await harness.CountAsync(db => db.ImportRuns.Where(r => r.Status == ImportStatus.Refused && r.FileName == "huge.txt")));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("reader")]
    public async Task Actions_NotAdmin_ThrowAndChangeNothing(string? user)
    {
        await using var harness = await ImportHarness.CreateAsync();
        await File.WriteAllBytesAsync(Path.Combine(harness.SeedsFolder, "seed.md"), SeedFiles.Markdown(SeedFiles.ThreeStories));
        var file = await harness.ReceivedAsync("news.md", SeedFiles.Markdown(SeedFiles.ThreeStories));
        var (actions, scope) = await harness.ActionsAsAsync(user);
        await using (scope)
        {
            await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.QueueUploadAsync(file));
            await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.ReimportSeedsAsync(reparse: false));
            await Assert.ThrowsAsync<ActionForbiddenException>(() => actions.RefuseTooLargeAsync("x.txt", 1));

            Assert.Empty(await harness.Jobs.RecentAsync());
            Assert.False(File.Exists(file.TempPath));
            Assert.Equal(0, await harness.CountAsync(db => db.ImportRuns));
        }
    }

    [Fact]
    public async Task ReimportSeeds_Admin_QueuesEveryFileAndKeepsTheFiles()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await File.WriteAllBytesAsync(Path.Combine(harness.SeedsFolder, "b.md"), SeedFiles.Markdown(SeedFiles.ThreeStories[1..]));
        await File.WriteAllBytesAsync(Path.Combine(harness.SeedsFolder, "a.md"), SeedFiles.Markdown(SeedFiles.ThreeStories[..1]));
        await File.WriteAllBytesAsync(Path.Combine(harness.SeedsFolder, ".hidden"), [1, 2, 3]);
        var (actions, scope) = await harness.ActionsAsAsync("admin");
        await using (scope)
        {
            var jobs = await actions.ReimportSeedsAsync(reparse: false);
            await harness.Worker.StartAsync(CancellationToken.None);
            await harness.WaitForJobsAsync();

            Assert.Equal(["a.md", "b.md"], jobs.Select(j => j.FileName));
            Assert.All(jobs, j => Assert.Equal(ImportJobState.Succeeded, j.Status.State));
            Assert.Equal(3, await harness.CountAsync(db => db.Stories));
            Assert.True(File.Exists(Path.Combine(harness.SeedsFolder, "a.md")));
        }
    }

    [Theory]
    [InlineData("report.txt", "report.txt")]
    [InlineData(@"C:\Users\me\Desktop\report.txt", "report.txt")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\u0000b\u202Ec.txt", "abc.txt")]
    [InlineData("  ", "upload")]
    public void DisplayName_ClientName_LastSegmentWithoutControls(string raw, string expected) =>
        Assert.Equal(expected, UploadReceiver.DisplayName(raw));
}
