using System.Diagnostics;
using System.Globalization;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using Xunit.Abstractions;

namespace NewsReader.Core.Tests.Importing;

/// <summary>
/// Kills an importing CLI (kill -9) on PostgreSQL at random moments, 20 times: the database holds the
/// stories of before or of after, never part of a file, and the write lock died with the process.
/// </summary>
public sealed class ImportKillPostgresTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public async Task ImportFile_ChildKilledAtRandomPoints_StoreHoldsAllOrNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var seedFile = Path.Combine(folder, "big.md");
        await File.WriteAllTextAsync(seedFile, ImportKillTests.BigMarkdownFile(articles: 400));

        // A full run first: how long an import takes here, and how many stories "all" is.
        int fullMs;
        long all;
        await using (var reference = await TestStore.CreateAsync(StoreEngine.Postgres))
        {
            using var full = new ImportKillTests.Child(seedFile, "--provider", "Postgres", "--db", reference.ConnectionString);
            await full.Importing;
            var watch = Stopwatch.StartNew();
            await full.Process.WaitForExitAsync();
            fullMs = Math.Max(50, (int)watch.ElapsedMilliseconds);
            Assert.Equal(0, full.Process.ExitCode);
            all = Count(reference);
            Assert.True(all > 0);
        }

        var random = new Random(20261207);
        var delays = Enumerable.Range(0, Kills).Select(_ => random.Next(0, 2 * fullMs)).ToArray();
        var outcomes = new string[Kills];
        await Parallel.ForEachAsync(Enumerable.Range(0, Kills), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
        {
            await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
            using (var child = new ImportKillTests.Child(seedFile, "--provider", "Postgres", "--db", store.ConnectionString))
            {
                await child.Importing;
                await Task.Delay(delays[i], ct);
                child.Process.Kill(entireProcessTree: true);
                await child.Process.WaitForExitAsync(ct);
            }

            var stored = Count(store);
            Assert.True(stored == 0 || stored == all, $"kill {i} after {delays[i]} ms left {stored} of {all} stories");

            // The index agrees with the rows, and the killed writer's lock is gone: a write gets through at once.
            Assert.Equal(stored, store.Indexed("story"));
            await StoreWrite.RunAsync(store.Factory, TimeSpan.FromSeconds(5), db =>
            {
                db.Entities.Add(new NewsEntity { Kind = EntityKind.Tag, Name = "After", Slug = "after", CreatedAt = DateTime.UtcNow });
                return db.SaveChangesAsync(ct);
            }, ct);
            outcomes[i] = stored == 0 ? "none" : "all";
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full import {fullMs} ms, {all} stories; after kills: {string.Join(' ', outcomes)}"));
        Directory.Delete(folder, recursive: true);
    }

    private static long Count(TestStore store)
    {
        var stories = store.Scalar("SELECT count(*) FROM Articles");
        Assert.Equal(stories == 0 ? 0 : 1, store.Scalar($"SELECT count(*) FROM ImportRuns WHERE Status = {(int)ImportStatus.Succeeded}"));
        return stories;
    }
}
