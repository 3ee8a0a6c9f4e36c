using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;

namespace NewsReader.Cli;

/// <summary>
/// Where the store commands find the database, the way the web app does from the same folder:
/// <c>--db PATH</c>; else <c>ConnectionStrings__News</c>; else <c>Reader__DatabasePath</c> or
/// <c>Reader__DataFolder</c> (the environment, then the web app's <c>appsettings.json</c>) against the
/// web app's content root: <c>src/NewsReader.Web</c> from the repository root, else the current folder.
/// The engine is <c>--provider</c>, else <c>Store__Provider</c>, else the settings' <c>Store:Provider</c>,
/// else SQLite; on PostgreSQL <c>--db</c> (or <c>ConnectionStrings:News</c>) is a connection string.
/// </summary>
public static class StoreOptions
{
    /// <summary>The environment variable that configuration binds to <c>ConnectionStrings:News</c>.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__News";

    /// <summary>How to choose another store, for messages.</summary>
    public const string HowToChoose = $"choose the store with --db PATH or the {EnvironmentVariable} environment variable, or run the command from the folder the web app runs from";

    /// <summary>The environment variable that configuration binds to <c>Store:Provider</c>.</summary>
    public const string ProviderVariable = "Store__Provider";

    private static readonly string WebProject = Path.Combine("src", "NewsReader.Web");

    /// <summary>Finds the store from the command's folder and environment (nothing is created).</summary>
    /// <param name="environment">Reads an environment variable (tests give their own).</param>
    public static StoreChoice Find(CliArgs args, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        environment ??= Environment.GetEnvironmentVariable;
        var here = args.WorkingDirectory;
        var contentRoot = File.Exists(Path.Combine(here, WebProject, "appsettings.json")) ? Path.Combine(here, WebProject) : here;
        var settingsFile = Path.Combine(contentRoot, "appsettings.json");
        var settings = WebSettings.Read(settingsFile);
        var engine = EngineOf(args.Get("--provider") is { Length: > 0 } named ? named : environment(ProviderVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : settings.Provider);
        if (engine != StoreEngine.Sqlite)
        {
            var server = args.Get("--db") is { Length: > 0 } db ? (db, "--db")
                : environment(EnvironmentVariable) is { Length: > 0 } e ? (e, "the " + EnvironmentVariable + " environment variable")
                : settings.ConnectionString is { Length: > 0 } s ? (s, "ConnectionStrings:News in " + settingsFile)
                : throw new CliUsageException($"the {engine.Name} store needs a connection string: --db \"Host=...;Database=...;Username=...\" or the {EnvironmentVariable} environment variable");
            return new StoreChoice(null, server.Item1, server.Item2) { Engine = engine };
        }

        if (args.Get("--db") is { Length: > 0 } path)
        {
            return new StoreChoice(StoreLocation.Resolve(here, path), null, "--db");
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return FromConnectionString(configured, here, "the " + EnvironmentVariable + " environment variable");
        }

        if (settings.ConnectionString is { Length: > 0 } fromSettings)
        {
            return FromConnectionString(fromSettings, contentRoot, "ConnectionStrings:News in " + settingsFile);
        }

        var databasePath = environment("Reader__DatabasePath") is { Length: > 0 } p ? p : settings.DatabasePath;
        var dataFolder = environment("Reader__DataFolder") is { Length: > 0 } d ? d : settings.DataFolder;
        return new StoreChoice(StoreLocation.DatabaseFile(databasePath, dataFolder, contentRoot), null,
            File.Exists(settingsFile) ? "the web app's settings (" + settingsFile + ")" : "the default data/news.db under " + contentRoot);
    }

    /// <summary>
    /// Opens the store and applies pending migrations. A command that only reads (<paramref name="create"/>
    /// false) refuses a store that does not exist, rather than making a new empty one and reporting on it.
    /// </summary>
    /// <exception cref="StoreMissingException">Reading, and there is no database file where the store was looked for.</exception>
    public static async Task<IDbContextFactory<NewsDbContext>> OpenAsync(CliArgs args, CancellationToken ct, bool create = true)
    {
        var store = Find(args);
        if (!create && store.DatabaseFile is { } file && !File.Exists(file))
        {
            throw new StoreMissingException($"there is no store at {file} (found by {store.ChosenBy}); {HowToChoose}");
        }

        var factory = NewsDb.CreateFactory(store.ConnectionString, store.Engine);
        await NewsDb.MigrateAsync(factory, ct).ConfigureAwait(false);
        return factory;
    }

    private static StoreEngine EngineOf(string? name)
    {
        try
        {
            return string.IsNullOrWhiteSpace(name) ? StoreEngine.Default : StoreEngine.Named(name);
        }
        catch (NotSupportedException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    private static StoreChoice FromConnectionString(string connectionString, string folder, string chosenBy)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:";
        return new StoreChoice(inMemory ? null : StoreLocation.Resolve(folder, source.DataSource), connectionString, chosenBy);
    }

    /// <summary>The settings of the web app's <c>appsettings.json</c> that place the store.</summary>
    private sealed record WebSettings(string? ConnectionString, string? DatabasePath, string? DataFolder, string? Provider)
    {
        public static WebSettings Read(string file)
        {
            if (!File.Exists(file))
            {
                return new WebSettings(null, null, null, null);
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new WebSettings(
                Value(json.RootElement, "ConnectionStrings", NewsDb.ConnectionStringName),
                Value(json.RootElement, "Reader", "DatabasePath"),
                Value(json.RootElement, "Reader", "DataFolder"),
                Value(json.RootElement, "Store", "Provider"));
        }

        private static string? Value(JsonElement root, string section, string key) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}

/// <summary>The store a command will open: its file (null for an in-memory one) and how it was chosen.</summary>
/// <param name="Configured">A connection string given as such, or null to open <paramref name="DatabaseFile"/>.</param>
public sealed record StoreChoice(string? DatabaseFile, string? Configured, string ChosenBy)
{
    /// <summary>The engine (SQLite unless <c>--provider</c> or the settings say otherwise).</summary>
    public StoreEngine Engine { get; init; } = StoreEngine.Default;

    /// <summary>The connection string to open (a file's folder is created then, not before).</summary>
    public string ConnectionString => Configured ?? NewsDb.ConnectionStringFor(DatabaseFile!);
}

/// <summary>A command that only reads found no store where it looked; the message says where and how to choose another.</summary>
public sealed class StoreMissingException(string message) : Exception(message);
