using System.Globalization;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;

namespace NewsReader.Cli;

/// <summary><c>import FILE... [--db PATH]</c>: import seed files into the store, one transaction per file.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        args.AllowOnly("--db");
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("import takes one or more FILEs");
        }

        // With several files, check them all before touching the store, so bad input stores nothing
        // at all. One file needs no extra pass: the importer refuses it before storing anything.
        if (args.Positional.Count > 1)
        {
            foreach (var file in args.Positional)
            {
                _ = await SeedReader.ReadFileAsync(file, ct: ct).ConfigureAwait(false);
            }
        }

        var factory = await StoreOptions.OpenAsync(args, ct).ConfigureAwait(false);
        var importer = new ArticleImporter(factory, SeedParser.CreateDefault());
        var inv = CultureInfo.InvariantCulture;
        foreach (var file in args.Positional)
        {
            await stderr.WriteLineAsync($"importing {file}").ConfigureAwait(false);
            await stderr.FlushAsync(ct).ConfigureAwait(false);
            ImportReport r;
            try
            {
                r = await importer.ImportFileAsync(file, new ImportOptions(StartedBy: "cli"), ct).ConfigureAwait(false);
            }
            catch (ImportBusyException e)
            {
                await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return CliApp.Failed;
            }

            await stdout.WriteLineAsync(string.Create(inv,
                $"{r.FileName}: {r.Found} found, {r.New} new, {r.Updated} updated, {r.Unchanged} unchanged, " +
                $"{r.DuplicatesInFile} duplicates in file, {r.Rejected} rejected (run #{r.RunId}{(r.FastPath ? ", same file as before" : string.Empty)})"))
                .ConfigureAwait(false);
            foreach (var m in r.Messages)
            {
                await stderr.WriteLineAsync($"  {m}").ConfigureAwait(false);
            }
        }

        return CliApp.Ok;
    }
}
