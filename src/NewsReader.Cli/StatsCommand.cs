using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Core.Wording;

namespace NewsReader.Cli;

/// <summary><c>stats [--db PATH]</c>: stories, entities, runs and database size.</summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.AllowOnly("--db", "--provider");
        if (args.Positional.Count > 0)
        {
            throw new CliUsageException("stats takes no arguments");
        }

        var factory = await StoreOptions.OpenAsync(args, ct, create: false).ConfigureAwait(false);
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var stories = await db.Stories.CountAsync(a => a.DeletedAt == null, ct).ConfigureAwait(false);
            var deleted = await db.Stories.CountAsync(a => a.DeletedAt != null, ct).ConfigureAwait(false);
            var revisions = await db.StoryRevisions.CountAsync(ct).ConfigureAwait(false);
            var entities = await db.Entities.GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
            var links = await db.EntityLinks.CountAsync(l => l.RemovedAt == null, ct).ConfigureAwait(false);
            var runs = await db.ImportRuns.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
            var bytes = await StoreEngine.Of(db).Provider.SizeAsync(db, ct).ConfigureAwait(false);

            var inv = CultureInfo.InvariantCulture;
            await stdout.WriteLineAsync(string.Create(inv, $"stories:   {stories} ({deleted} deleted, {Plural.Count(revisions, "revision")})")).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(inv,
                $"entities:  {string.Join(", ", Enum.GetValues<EntityKind>().Select(k => Plural.Count(entities.FirstOrDefault(e => e.Key == k)?.Count ?? 0, k.ToString().ToLowerInvariant())))} ({Plural.Count(links, "link")})"))
                .ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(inv,
                $"runs:      {runs.Sum(r => r.Count)} ({string.Join(", ", runs.OrderBy(r => r.Key).Select(r => $"{r.Count} {r.Key.ToString().ToLowerInvariant()}"))})"))
                .ConfigureAwait(false);
            var perStory = stories + deleted > 0 ? bytes / (stories + deleted) : 0;
            await stdout.WriteLineAsync(string.Create(inv, $"database:  {bytes / 1024.0 / 1024.0:0.0} MB ({Plural.Count(perStory, "byte")} per story)")).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }
}
