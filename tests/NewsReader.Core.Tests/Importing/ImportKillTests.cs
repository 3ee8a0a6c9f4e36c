using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsReader.Core.Tests.Data;
using Xunit.Abstractions;

namespace NewsReader.Core.Tests.Importing;

/// <summary>
/// Kills an importing child process (the CLI) at random moments: the store must always pass SQLite's
/// and FTS5's integrity checks and hold all or none of the run's stories.
/// </summary>
public sealed class ImportKillTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public async Task ImportFile_ChildKilledAtRandomPoints_StoreHoldsAllOrNothing()
    {
        await using var template = await TestStore.CreateAsync();
        var seedFile = Path.Combine(template.Folder, "big.md");
        await File.WriteAllTextAsync(seedFile, BigMarkdownFile(articles: 400));
        SqliteConnection.ClearAllPools();

        // A full run first: how long an import takes here, and how many stories "all" is.
        var reference = CopyDatabase(template, "reference");
        int fullMs;
        using (var full = new Child(seedFile, "--db", reference))
        {
            await full.Importing;
            var watch = Stopwatch.StartNew();
            await full.Process.WaitForExitAsync();
            fullMs = Math.Max(50, (int)watch.ElapsedMilliseconds);
            Assert.Equal(0, full.Process.ExitCode);
        }

        var all = CountArticles(reference);
        Assert.True(all > 0);

        var random = new Random(20261127);
        var delays = Enumerable.Range(0, Kills).Select(_ => random.Next(0, 2 * fullMs)).ToArray();

        // Two children at a time: the start-up of one overlaps the import of the other.
        var outcomes = new string[Kills];
        await Parallel.ForEachAsync(Enumerable.Range(0, Kills), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
        {
            var db = CopyDatabase(template, "kill" + i.ToString(CultureInfo.InvariantCulture));
            using (var child = new Child(seedFile, "--db", db))
            {
                // Killed at a random point after it started importing (reading, parsing or writing), or
                // after it finished: up to twice the time a lone import took, as two run at once.
                await child.Importing;
                await Task.Delay(delays[i], ct);
                child.Process.Kill(entireProcessTree: true);
                await child.Process.WaitForExitAsync(ct);
            }

            AssertIntegrity(db);
            var stored = CountArticles(db);
            Assert.True(stored == 0 || stored == all, $"kill {i} after {delays[i]} ms left {stored} of {all} stories");
            outcomes[i] = stored == 0 ? "none" : "all";
        });

        output.WriteLine($"full import {fullMs} ms, {all} stories; after kills: {string.Join(' ', outcomes)}");
    }

    internal static string BigMarkdownFile(int articles)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < articles; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"# Story {i} about {Docs.Text("w" + i, 1)}\n\n");
            sb.Append(Docs.Text("story" + i.ToString(CultureInfo.InvariantCulture), 24)).Append("\n\n");
        }

        return sb.ToString();
    }

    private static string CopyDatabase(TestStore template, string name)
    {
        var path = Path.Combine(template.Folder, name + ".db");
        File.Copy(template.DatabasePath, path);
        return path;
    }

    /// <summary>The CLI importing one file; <see cref="Importing"/> completes when it says it has started.</summary>
    internal sealed class Child : IDisposable
    {
        private readonly TaskCompletionSource _importing = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <param name="store">The store options: <c>--db PATH</c>, or <c>--provider Postgres --db CONNECTION</c>.</param>
        public Child(string file, params string[] store)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "NewsReader.Cli.dll"), "import", file }.Concat(store))
            {
                info.ArgumentList.Add(a);
            }

            Process = Process.Start(info)!;
            Process.OutputDataReceived += (_, _) => { };
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("importing", StringComparison.Ordinal) == true)
                {
                    _importing.TrySetResult();
                }
            };
            Process.Exited += (_, _) => _importing.TrySetResult();
            Process.EnableRaisingEvents = true;
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public Task Importing => _importing.Task;

        public void Dispose() => Process.Dispose();
    }

    private static SqliteConnection Open(string db)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static long CountArticles(string db)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM Articles";
        var articles = (long)cmd.ExecuteScalar()!;
        cmd.CommandText = "SELECT count(*) FROM ImportRuns WHERE Status = 1";
        var runs = (long)cmd.ExecuteScalar()!;
        Assert.Equal(articles == 0 ? 0 : 1, runs);
        return articles;
    }

    private static void AssertIntegrity(string db)
    {
        using var c = Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar());
        cmd.CommandText = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)";
        cmd.ExecuteNonQuery();
    }
}
