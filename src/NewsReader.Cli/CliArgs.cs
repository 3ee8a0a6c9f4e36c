namespace NewsReader.Cli;

/// <summary>
/// A command's arguments: positional values, and <c>--name value</c> or <c>--flag</c> options; after
/// <c>--</c> everything is positional (<c>search -- -tesla</c>).
/// </summary>
public sealed class CliArgs
{
    private static readonly HashSet<string> Flags = ["--json", "--ablation"];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    /// <summary>The end of the options: every argument after it is positional, even one starting with a dash.</summary>
    public const string EndOfOptions = "--";

    /// <summary>The values that are not options, in order.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>The folder the command runs in: relative paths and the store are found from it.</summary>
    public string WorkingDirectory { get; private init; } = Environment.CurrentDirectory;

    /// <summary>Parses everything after the command name.</summary>
    /// <param name="workingDirectory">The folder to work from (default: the current directory).</param>
    public static CliArgs Parse(ReadOnlySpan<string> args, string? workingDirectory = null)
    {
        var result = new CliArgs { WorkingDirectory = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory) };
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == EndOfOptions)
            {
                result.Positional.AddRange(args[(i + 1)..]);
                break;
            }

            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(a);
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            string name, value;
            if (eq > 0)
            {
                (name, value) = (a[..eq], a[(eq + 1)..]);
            }
            else if (Flags.Contains(a))
            {
                (name, value) = (a, "true");
            }
            else if (i + 1 < args.Length)
            {
                (name, value) = (a, args[++i]);
            }
            else
            {
                throw new CliUsageException($"option {a} needs a value");
            }

            if (!result._options.TryGetValue(name, out var list))
            {
                result._options[name] = list = [];
            }

            list.Add(value);
        }

        return result;
    }

    /// <summary>A path given on the command line, as a full path (relative ones against <see cref="WorkingDirectory"/>).</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>True when the flag was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The last value of an option, or null.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>Every value of an option given more than once, in order.</summary>
    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var v) ? v : [];

    /// <summary>Fails on options the command does not know, so typos are not silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var key in _options.Keys)
        {
            if (!names.Contains(key))
            {
                throw new CliUsageException($"unknown option {key}");
            }
        }
    }
}

/// <summary>The command line was used wrongly; the message says how.</summary>
public sealed class CliUsageException(string message) : Exception(message);
