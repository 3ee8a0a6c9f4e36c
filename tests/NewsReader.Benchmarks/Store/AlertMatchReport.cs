using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Following;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Search;
using NewsReader.Core.Store;
using Npgsql;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// Alert matching after an import (issue 19): a store holding BASE, N saved searches (text, phrases,
/// negations, company and country filters, mixed), then for each FILE an import with alerts off
/// (the import's own time) followed by the matcher over that import's new stories with alerts on,
/// with the app's search (warm before the import, so it refreshes its index after it, as the app's
/// does), after one warm-up matching of BASE's stories (so neither side pays for compiling code).
/// Process CPU and wall time per phase (the import's garbage collected at its end, in its time); the
/// share is matching / import. On SQLite, or with --pg on PostgreSQL (a server the benchmark may
/// create a database on: it drops and makes <c>alert_bench</c>).
/// Usage: --alerts BASE FILE [FILE...] [--searches N] [--pg CONNECTION]
/// </summary>
public static class AlertMatchReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var searches = int.Parse(Option("--searches") ?? "1000", inv);
        var pg = Option("--pg");
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count < 2)
        {
            Console.Error.WriteLine("usage: --alerts BASE FILE [FILE...] [--searches N] [--pg CONNECTION]");
            return 2;
        }

        var factory = pg is null ? (await BenchCorpus.EmptyStoreAsync("alerts")).Factory : await EmptyPostgresStoreAsync(pg);
        var info = new FileInfo(files[0]);
        var baseRun = await new StoryImporter(factory, SeedParser.CreateDefault()).ImportAsync(
            BenchCorpus.LoadParsed(files[0]), new ImportSource(info.Name, "bench", info.Length), new ImportOptions(StartedBy: "bench"));
        var views = await ViewsAsync(factory, searches);
        var user = new IdentityUser { UserName = "bench", NormalizedUserName = "BENCH", Email = "bench@example.test", SecurityStamp = Guid.NewGuid().ToString() };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
            var now = DateTime.UtcNow;
            db.SavedSearches.AddRange(views.Select((v, i) => new SavedSearch { UserId = user.Id, Name = "search " + i, View = v, CreatedAt = now, LastOpenedAt = now }));
            await db.SaveChangesAsync();
        }

        using var search = new StorySearch(factory);
        await search.SearchAsync(new SearchRequest(null, Limit: 1)); // the app's index, warm before the import
        var matcher = new AlertMatcher(factory, search);

        // Warm, as in an app that has imported before: the base's stories matched once (code compiled), then forgotten.
        await SetAlertsAsync(factory, true);
        await matcher.MatchAsync(baseRun.RunId, baseRun.Stories.Where(s => s.Outcome == StoryOutcome.New).Select(s => s.StoryId!.Value).ToList());
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Alerts.ExecuteDeleteAsync();
        }

        using var me = Process.GetCurrentProcess();
        var server = pg is null ? null : await ServerCpuAsync(factory);
        Console.WriteLine(string.Create(inv,
            $"# {DateTime.UtcNow:u} load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {(pg is null ? "SQLite" : "PostgreSQL")}; base {info.Name}; {views.Count} saved searches"));
        foreach (var file in files.Skip(1))
        {
            await SetAlertsAsync(factory, false);
            var importer = new StoryImporter(factory, SeedParser.CreateDefault(), alerts: matcher);
            ImportReport? report = null;
            var import = await MeasureAsync(me, server, async () =>
            {
                report = await importer.ImportFileAsync(file, new ImportOptions(StartedBy: "bench", Reparse: true));

                // The import's garbage collected on the import's account, not in the middle of the matching.
                GC.Collect();
                GC.WaitForPendingFinalizers();
            });
            var fresh = report!.Stories.Where(s => s.Outcome == StoryOutcome.New).Select(s => s.StoryId!.Value).ToList();
            await SetAlertsAsync(factory, true);
            AlertOutcome? outcome = null;
            var match = await MeasureAsync(me, server, async () => outcome = await matcher.MatchAsync(report.RunId, fresh));
            Console.WriteLine(string.Create(inv,
                $"{Path.GetFileName(file)}: {fresh.Count} new stories; import {import.Cpu:F2} s CPU / {import.Wall:F2} s wall; " +
                $"matching {outcome!.Searches} searches {match.Cpu:F2} s CPU / {match.Wall:F2} s wall ({outcome.Matches} matches) = " +
                $"{100 * match.Cpu / import.Cpu:F1} % of the import's CPU, {100 * match.Wall / import.Wall:F1} % of its wall time"));
            if (server is not null)
            {
                Console.WriteLine(string.Create(inv,
                    $"  with the server's CPU: import {import.Cpu + import.ServerCpu:F2} s ({import.ServerCpu:F2} s of it the server's), " +
                    $"matching {match.Cpu + match.ServerCpu:F2} s ({match.ServerCpu:F2} s) = {100 * (match.Cpu + match.ServerCpu) / (import.Cpu + import.ServerCpu):F1} % of the import's"));
            }
        }

        // What the reader then reads (every search is theirs): the app bar's count and /account/alerts' newest 200.
        var inbox = new AlertInbox(factory);
        var count = await MedianMsAsync(() => inbox.UnseenCountAsync(user.Id));
        var list = await MedianMsAsync(() => inbox.ListAsync(user.Id));
        var unseen = await inbox.UnseenCountAsync(user.Id);
        var listed = (await inbox.ListAsync(user.Id)).Count;
        Console.WriteLine(string.Create(inv, $"inbox of {unseen} unseen matches: count {count:F1} ms, list of {listed} {list:F1} ms (median wall of 15)"));
        return 0;
    }

    private static async Task<IDbContextFactory<NewsDbContext>> EmptyPostgresStoreAsync(string server)
    {
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { "DROP DATABASE IF EXISTS alert_bench WITH (FORCE)", "CREATE DATABASE alert_bench" })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
        }

        var factory = NewsDb.CreateFactory(new NpgsqlConnectionStringBuilder(server) { Database = "alert_bench" }.ConnectionString, StoreEngine.Postgres);
        await NewsDb.MigrateAsync(factory);
        return factory;
    }

    private static async Task SetAlertsAsync(IDbContextFactory<NewsDbContext> factory, bool on)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.SavedSearches.ExecuteUpdateAsync(s => s.SetProperty(x => x.AlertsOn, on));
    }

    /// <summary>N views like readers save: a word, a phrase, a word without another, a company, a country, a company with a word.</summary>
    private static async Task<List<string>> ViewsAsync(IDbContextFactory<NewsDbContext> factory, int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        var companies = await db.Entities.Where(e => e.Kind == EntityKind.Company).OrderBy(e => e.Id).Select(e => e.Slug).Take(count).ToListAsync();
        var countries = await db.Entities.Where(e => e.Kind == EntityKind.Country).OrderBy(e => e.Id).Select(e => e.Slug).ToListAsync();
        var words = (await db.Stories.OrderBy(s => s.Id).Select(s => s.Title).Take(2000).ToListAsync())
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant())
            .Where(w => w.Length >= 5).Distinct().OrderBy(w => w, StringComparer.Ordinal).ToList();
        var views = new List<string>(count);
        for (var i = 0; views.Count < count; i++)
        {
            string W(int k) => words[(i * 7919 + k * 104729) % words.Count];
            views.Add((i % 6) switch
            {
                0 => "q=" + W(0),
                1 => "q=" + Uri.EscapeDataString($"\"{W(0)} {W(1)}\""),
                2 => "q=" + Uri.EscapeDataString($"{W(0)} -{W(1)}"),
                3 => "company=" + companies[i % companies.Count],
                4 => "country=" + countries[i % countries.Count],
                _ => "q=" + W(2) + "&company=" + companies[(i * 31) % companies.Count],
            });
        }

        return views;
    }

    private static async Task<double> MedianMsAsync<T>(Func<Task<T>> read)
    {
        var times = new List<double>();
        for (var i = 0; i < 16; i++)
        {
            var clock = Stopwatch.StartNew();
            await read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        // The first (compiling the query) left out.
        return times.Skip(1).Order().ElementAt(7);
    }

    private static async Task<(double Cpu, double Wall, double ServerCpu)> MeasureAsync(Process me, Func<double>? server, Func<Task> work)
    {
        me.Refresh();
        var cpu = me.TotalProcessorTime;
        var serverCpu = server?.Invoke() ?? 0;
        var wall = Stopwatch.StartNew();
        await work();
        me.Refresh();
        return ((me.TotalProcessorTime - cpu).TotalSeconds, wall.Elapsed.TotalSeconds, (server?.Invoke() ?? 0) - serverCpu);
    }

    /// <summary>
    /// The CPU seconds so far of the PostgreSQL server the store is on, when it runs on this machine
    /// (where the full-text work of matching is done, out of this process's CPU): its postmaster (the
    /// parent of one of our backends), with its ended children, and its live children, from /proc.
    /// Null when /proc does not show them.
    /// </summary>
    private static async Task<Func<double>?> ServerCpuAsync(IDbContextFactory<NewsDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        if (Stat(backend) is not { } ours)
        {
            return null;
        }

        var postmaster = ours.Parent;

        // Clock ticks of /proc's times: USER_HZ, 100 on Linux.
        return () => Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Stat(pid) : null)
            .Where(s => s is { } x && (x.Pid == postmaster || x.Parent == postmaster))
            .Sum(s => s!.Value.Pid == postmaster ? s.Value.Ticks + s.Value.ChildTicks : s.Value.Ticks) / 100.0;
    }

    /// <summary>A process's parent and CPU ticks (its own, and its ended children's) from /proc/PID/stat; null when it is gone.</summary>
    private static (int Pid, int Parent, long Ticks, long ChildTicks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // After the command's ")": state, ppid (field 4), ..., utime and stime (14, 15), cutime and cstime (16, 17).
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long L(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture);
        return (pid, (int)L(4), L(14) + L(15), L(16) + L(17));
    }
}
