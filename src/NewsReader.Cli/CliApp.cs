using NewsReader.Core.Reading;

namespace NewsReader.Cli;

/// <summary>The <c>newsreader</c> command line: dispatches to one command per verb.</summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an unexpected error.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for bad input or bad usage (message on stderr).</summary>
    public const int BadInput = 2;

    private const string Usage = """
        Usage: newsreader <command> [options]

        Commands:
          parse FILE [--json] [--format seed|markdown]   split a seed file into stories and print them
          import FILE... [--db PATH]                     import seed files into the store (one transaction per file)
          search "QUERY" [--company X] [--country Y] [--topic Z] [--tag T] [--sort relevance|newest]
                 [--limit N] [--after CURSOR] [--db PATH] [--json]
                                                         search the store
          stats [--db PATH]                              stories, entities, runs and database size
          create-admin --email E --password P [--db PATH]
                                                         create an admin account, or make an account admin
          set-role --email E --role Reader|Admin [--db PATH]
                                                         make an account an admin, or a reader only
          train-splitter --corpus POOL.jsonl... [--gold TEXT=GOLD.json...] [--gold-dir DIR...] [--seed N]
                 [--files N] [--articles N] [--dev DIR] [--out DIR] [--ablation]
                 [--trees N] [--leaves N] [--min-leaf N] [--feature-fraction F] [--gold-share N]
                                                         train the splitter's boundary model (see docs/seed-format.md)
          train-headlines --corpus POOL.jsonl... [--dev POOL.jsonl] [--out DIR]
                                                         train where headlines are cut (see docs/seed-format.md)

        The store is the web app's, found as it finds it from the same folder: --db PATH, else the
        ConnectionStrings__News environment variable (a connection string), else Reader__DatabasePath or
        Reader__DataFolder (environment, then the web app's appsettings.json), against src/NewsReader.Web
        from the repository root, else the current folder (default data/news.db). search, stats and
        set-role never create a store: with none there they exit 2 and say where they looked.
        Options end at --: search -- -tesla
        """;

    /// <summary>Runs one command; stdout carries results only (UTF-8), stderr carries messages and logs.</summary>
    public static Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr, CancellationToken ct = default) =>
        RunAsync(args, stdout, stderr, workingDirectory: null, ct);

    /// <summary>Runs one command as if started in <paramref name="workingDirectory"/> (null: the current directory).</summary>
    public static async Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr, string? workingDirectory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? BadInput : Ok;
        }

        // parse --json streams bytes; the other commands write text through this writer.
        var text = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = false };
        await using var textScope = text.ConfigureAwait(false);
        try
        {
            var options = CliArgs.Parse(args.AsSpan(1), workingDirectory);
            return args[0] switch
            {
                "parse" => await ParseCommand.RunAsync(options, stdout, ct).ConfigureAwait(false),
                "import" => await ImportCommand.RunAsync(options, text, stderr, ct).ConfigureAwait(false),
                "search" => await SearchCommand.RunAsync(options, text, ct).ConfigureAwait(false),
                "stats" => await StatsCommand.RunAsync(options, text, ct).ConfigureAwait(false),
                "create-admin" => await CreateAdminCommand.RunAsync(options, text, stderr, ct).ConfigureAwait(false),
                "train-splitter" => await TrainSplitterCommand.RunAsync(options, text, ct).ConfigureAwait(false),
                "train-headlines" => await TrainHeadlinesCommand.RunAsync(options, text, ct).ConfigureAwait(false),
                "set-role" => await SetRoleCommand.RunAsync(options, text, stderr, ct).ConfigureAwait(false),
                _ => throw new CliUsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}\n\n{Usage}").ConfigureAwait(false);
            return BadInput;
        }
        catch (StoreMissingException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (SeedReadException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
#pragma warning disable CA1031 // The last line of defence: any other failure becomes exit code 1 with a message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"unexpected error: {e}").ConfigureAwait(false);
            return Failed;
        }
    }
}
