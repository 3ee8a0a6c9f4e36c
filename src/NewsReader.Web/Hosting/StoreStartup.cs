using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Store;
using NewsReader.Core.Stories;

namespace NewsReader.Web.Hosting;

/// <summary>Registers the store for the web app and prepares it at start-up (migrate, first import).</summary>
public static partial class StoreStartup
{
    /// <summary>Adds the options, the context factory for the configured database, and the read services.</summary>
    public static IServiceCollection AddReaderStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(ReaderOptions.SectionName);
        services.Configure<ReaderOptions>(section);
        // The read side's settings (page size, facets, related stories, cache) sit in the same section.
        services.Configure<ReadOptions>(section);
        var options = section.Get<ReaderOptions>() ?? new ReaderOptions();

        var engine = EngineOf(configuration);
        var connectionString = configuration.GetConnectionString(NewsDb.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString) && engine != StoreEngine.Sqlite)
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is {engine.Name}: set ConnectionStrings:{NewsDb.ConnectionStringName} to its connection string " +
                $"(environment variable ConnectionStrings__{NewsDb.ConnectionStringName}, e.g. \"Host=localhost;Database=news;Username=news;Password=...\").");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // The one rule the command line follows too (NewsReader.Cli StoreOptions), so both reach one store.
            connectionString = NewsDb.ConnectionStringFor(StoreLocation.DatabaseFile(options.DatabasePath, options.DataFolder, environment.ContentRootPath));
        }

        services.AddSingleton(engine);
        services.AddNewsStore(connectionString, engine);
        services.AddStoryReader();
        return services;
    }

    /// <summary>The configuration key naming the engine: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public const string ProviderKey = "Store:Provider";

    /// <summary>The configured engine (<see cref="ProviderKey"/>); SQLite when unset.</summary>
    /// <exception cref="InvalidOperationException">A name no engine has.</exception>
    public static StoreEngine EngineOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[ProviderKey];
        try
        {
            return string.IsNullOrWhiteSpace(name) ? StoreEngine.Default : StoreEngine.Named(name);
        }
        catch (NotSupportedException e)
        {
            throw new InvalidOperationException($"{ProviderKey}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Applies migrations, then imports every file of the seeds folder when the store has no stories.
    /// Runs before the server starts listening, so the first request already sees the stories.
    /// </summary>
    public static async Task InitializeStoreAsync(this WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreStartup));
        var factory = services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        var options = services.GetRequiredService<IOptions<ReaderOptions>>().Value;

        await NewsDb.MigrateAsync(factory, ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var database = NewsDb.DataSourceOf(db.Database.GetConnectionString()!, StoreEngine.Of(db));
            LogStore(logger, database);
            if (await db.Stories.AnyAsync(ct))
            {
                return;
            }
        }

        if (!options.ImportSeedsWhenEmpty)
        {
            return;
        }

        var seeds = ReaderOptions.Resolve(app.Environment.ContentRootPath, options.SeedsFolder);
        if (!Directory.Exists(seeds))
        {
            LogNoSeeds(logger, seeds);
            return;
        }

        var files = Directory.GetFiles(seeds).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        LogImporting(logger, seeds, files.Count);
        var importer = new StoryImporter(factory, SeedParser.CreateDefault());
        foreach (var file in files)
        {
            try
            {
                var report = await importer.ImportFileAsync(file, ct: ct);
                LogImported(logger, report.FileName, report.Found, report.New, report.Updated, report.Unchanged, report.DuplicatesInFile, report.Rejected);
            }
            catch (SeedReadException ex)
            {
                // One unreadable file must not keep the reader from starting with the others.
                LogRefused(logger, file, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Database}")]
    private static partial void LogStore(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store is empty and the seeds folder {Folder} does not exist: nothing imported")]
    private static partial void LogNoSeeds(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store is empty: importing the seed files of {Folder} (files: {Count})")]
    private static partial void LogImporting(ILogger logger, string folder, int count);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {File}: {Found} found, {New} new, {Updated} updated, {Unchanged} unchanged, {Duplicates} duplicates in file, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string file, int found, int @new, int updated, int unchanged, int duplicates, int rejected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {File} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string file, string reason);
}
