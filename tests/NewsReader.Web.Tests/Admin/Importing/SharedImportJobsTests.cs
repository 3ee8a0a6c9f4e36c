using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Store;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Fixtures;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>The shared queue on PostgreSQL, two "instances" in one process (the app processes are in Hosting/TwoInstancesTests).</summary>
public sealed class SharedImportJobsTests
{
    [Fact]
    public async Task Lease_ProgressAndEnd_WrittenToTheJobRowAndTheFileDropped()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await using var jobs = Queue(store, "one");
        var queued = await jobs.EnqueueAsync(await RequestAsync(store, "progress.md"));

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using (var lease = await jobs.NextAsync(guard.Token))
        {
            Assert.Equal(queued.Id, lease.Job.Id);
            Assert.Equal(ImportJobState.Running, (await jobs.FindAsync(queued.Id))!.Status.State);
            Assert.Equal("# A story\n\nIts text.\n", await File.ReadAllTextAsync(lease.Path));

            lease.Report(new ImportProgress(Found: 10, Handled: 3));
            while ((await jobs.FindAsync(queued.Id, guard.Token))!.Status is not { Found: 10, Handled: 3 })
            {
                await Task.Delay(50, guard.Token);
            }

            await lease.FinishAsync(lease.Job.Status with { State = ImportJobState.Succeeded, Found = 10, Handled = 10, RunId = 7, FinishedAt = DateTime.UtcNow });
        }

        var done = (await jobs.FindAsync(queued.Id))!;
        Assert.Equal((ImportJobState.Succeeded, 10, 10, 7L), (done.Status.State, done.Status.Found, done.Status.Handled, done.Status.RunId!.Value));
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.False(await db.ImportJobContents.AnyAsync());
    }

    [Fact]
    public async Task Lease_AbandonedWhileStopping_TheOtherInstanceRunsTheJob()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await using var first = Queue(store, "first");
        await using var second = Queue(store, "second");
        var queued = await first.EnqueueAsync(await RequestAsync(store, "handed-on.md"));
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using (var lease = await first.NextAsync(guard.Token))
        {
            // While the first runs a job, the second is not the runner.
            using var shortWait = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
            shortWait.CancelAfter(SharedImportJobs.PollInterval * 2);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.NextAsync(shortWait.Token));

            await lease.AbandonAsync();
        }

        Assert.Equal(ImportJobState.Waiting, (await second.FindAsync(queued.Id))!.Status.State);
        await first.DisposeAsync(); // the first instance is gone: its runner lock with it
        await using var taken = await second.NextAsync(guard.Token);
        Assert.Equal(queued.Id, taken.Job.Id);
        Assert.Equal("# A story\n\nIts text.\n", await File.ReadAllTextAsync(taken.Path));
    }

    private static SharedImportJobs Queue(TestStore store, string name) => new(
        store.Factory,
        new UploadReceiver(Path.Combine(store.Folder, name)),
        Options.Create(new AdminImportOptions()),
        TimeProvider.System,
        NullLogger<SharedImportJobs>.Instance);

    private static async Task<ImportRequest> RequestAsync(TestStore store, string name)
    {
        var path = Path.Combine(store.Folder, Guid.NewGuid().ToString("N") + ".upload");
        await File.WriteAllTextAsync(path, "# A story\n\nIts text.\n");
        return new ImportRequest(name, new FileInfo(path).Length, "admin", DateTime.UtcNow, path, IsTemporary: true, Reparse: false);
    }
}
