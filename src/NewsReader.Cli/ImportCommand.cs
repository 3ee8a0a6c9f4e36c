using System.Globalization;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Wording;

namespace NewsReader.Cli;

/// <summary><c>import FILE... [--max-mb N] [--db PATH]</c>: import seed files into the store, one transaction per file.</summary>
public static class ImportCommand
{
    /// <summary>Messages printed per file; a file that repeats one story thousands of times would otherwise print a line for each.</summary>
    public const int MaxMessagesPrinted = 20;

    // A file is read into memory whole and decoded into one .NET string, which holds at most about
    // 2^30 characters.
    private const int MaxMegabytes = 1000;

    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        args.AllowOnly("--db", "--provider", "--max-mb");
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("import takes one or more FILEs");
        }

        var limits = LimitsOf(args);

        // With several files, check them all before touching the store, so bad input stores nothing
        // at all. One file needs no extra pass: the importer refuses it before storing anything.
        if (args.Positional.Count > 1)
        {
            foreach (var file in args.Positional)
            {
                _ = await SeedReader.ReadFileAsync(args.FullPath(file), limits: limits, ct: ct).ConfigureAwait(false);
            }
        }

        var factory = await StoreOptions.OpenAsync(args, ct).ConfigureAwait(false);
        var importer = new StoryImporter(factory, SeedParser.CreateDefault());
        foreach (var file in args.Positional)
        {
            await stderr.WriteLineAsync($"importing {file}").ConfigureAwait(false);
            await stderr.FlushAsync(ct).ConfigureAwait(false);
            ImportReport r;
            try
            {
                r = await importer.ImportFileAsync(args.FullPath(file), new ImportOptions(StartedBy: "cli", Limits: limits), ct).ConfigureAwait(false);
            }
            catch (ImportBusyException e)
            {
                await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return CliApp.Failed;
            }

            await PrintAsync(r, stdout, stderr).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    /// <summary>The read limits: the app's, or <c>--max-mb</c>.</summary>
    private static ReadLimits LimitsOf(CliArgs args)
    {
        // The size limit guards the app against a stray upload; whoever runs this command on the
        // server may raise it for a big file on purpose.
        var limits = new ReadLimits();
        if (args.Get("--max-mb") is { } mb)
        {
            if (!int.TryParse(mb, CultureInfo.InvariantCulture, out var megabytes) || megabytes < 1 || megabytes > MaxMegabytes)
            {
                throw new CliUsageException($"--max-mb takes a whole number of megabytes from 1 to {MaxMegabytes}");
            }

            limits = limits with { MaxFileBytes = megabytes * 1024L * 1024 };
        }

        return limits;
    }

    /// <summary>A file's outcome on stdout, its first messages on stderr.</summary>
    private static async Task PrintAsync(ImportReport r, TextWriter stdout, TextWriter stderr)
    {
        var inv = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(string.Create(inv,
            $"{r.FileName}: {r.Found} found, {r.New} new, {r.Updated} updated, {r.Unchanged} unchanged, " +
            $"{Plural.Count(r.DuplicatesInFile, "duplicate")} in file, {r.Rejected} rejected (run #{r.RunId}{(r.FastPath ? ", same file as before" : string.Empty)})"))
            .ConfigureAwait(false);
        if (r.Alerts.Error is { } alertError)
        {
            await stderr.WriteLineAsync($"  alerts: not matched ({alertError}); the stories are imported").ConfigureAwait(false);
        }
        else if (r.Alerts.Searches > 0)
        {
            await stderr.WriteLineAsync(string.Create(inv,
                $"  alerts: {Plural.Count(r.Alerts.Matches, "match", "matches")} for {Plural.Count(r.Alerts.Searches, "saved search", "saved searches")} with alerts on, {Plural.Count(r.Alerts.Webhooks, "webhook delivery", "webhook deliveries")} queued (sent by the app)"))
                .ConfigureAwait(false);
        }

        foreach (var m in r.Messages.Take(MaxMessagesPrinted))
        {
            await stderr.WriteLineAsync($"  {m}").ConfigureAwait(false);
        }

        if (r.Messages.Count > MaxMessagesPrinted)
        {
            await stderr.WriteLineAsync(string.Create(inv,
                $"  ... and {r.Messages.Count - MaxMessagesPrinted} more; the run's report (Admin > Imports, run #{r.RunId}) lists them all"))
                .ConfigureAwait(false);
        }
    }
}
