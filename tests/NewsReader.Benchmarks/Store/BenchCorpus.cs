using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Extraction;
using NewsReader.Core.Importing;
using NewsReader.Core.Parsing;
using NewsReader.Core.Splitting;
using NewsReader.Core.Store;

namespace NewsReader.Benchmarks.Store;

/// <summary>
/// The generated corpus the store benchmarks run on (docs/store.md says how to make it), and stores
/// built from it. The corpus path comes from NEWSREADER_CORPUS (default /tmp/newsreader-corpus-20000.md).
/// </summary>
public static partial class BenchCorpus
{
    /// <summary>The corpus file.</summary>
    public static string Path => Environment.GetEnvironmentVariable("NEWSREADER_CORPUS") is { Length: > 0 } p
        ? p
        : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsreader-corpus-20000.md");

    /// <summary>A folder for the benchmarks' databases, kept between runs (a built search store is reused).</summary>
    public static string Folder
    {
        get
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsreader-bench");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>
    /// The corpus cut into stories without the app's splitter and extractor: one story per <c># </c>
    /// heading, and the companies and country the generator writes into each title
    /// ("A and B in C: ..."), so store benchmarks measure the store alone, with realistic links.
    /// </summary>
    public static ParsedDocument LoadParsed(string path) => new(System.IO.Path.GetFileName(path), [], Stories(path).ToList());

    /// <summary>The stories of <see cref="LoadParsed"/> one at a time, numbered from 0, so a corpus larger than memory can be loaded in parts.</summary>
    public static IEnumerable<ParsedStory> Stories(string path)
    {
        var index = 0;
        string? title = null;
        var paragraphs = new List<Paragraph>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                if (title is not null)
                {
                    yield return Story(index++, title, paragraphs);
                }

                title = line[2..].Trim();
                paragraphs = [];
            }
            else if (line.Length > 0 && title is not null)
            {
                paragraphs.Add(new Paragraph(line.Trim()));
            }
        }

        if (title is not null)
        {
            yield return Story(index, title, paragraphs);
        }
    }

    private static ParsedStory Story(int index, string title, List<Paragraph> paragraphs)
    {
        var entities = new List<EntityMention>();
        if (TitleEntities().Match(title) is { Success: true } m)
        {
            entities.Add(new EntityMention(m.Groups[1].Value, EntityKind.Company, true, 2, 0.9, []));
            entities.Add(new EntityMention(m.Groups[2].Value, EntityKind.Company, true, 2, 0.8, []));
            entities.Add(new EntityMention(m.Groups[3].Value, EntityKind.Country, true, 1, 0.7, []));
        }

        var summary = paragraphs.Count > 0 ? paragraphs[0].Text[..Math.Min(300, paragraphs[0].Text.Length)] : string.Empty;
        return new ParsedStory(index, title, summary, SlugSet.Slugify(title), paragraphs, null, 1, new ExtractedEntities(entities));
    }

    /// <summary>A new empty store (migrated) at a fresh path.</summary>
    public static async Task<(string Path, IDbContextFactory<NewsDbContext> Factory)> EmptyStoreAsync(string name)
    {
        var path = System.IO.Path.Combine(Folder, name + ".db");
        Delete(path);
        return (path, await NewsDb.OpenAsync(path));
    }

    /// <summary>A store holding the parsed corpus, built once per corpus and reused.</summary>
    public static async Task<IDbContextFactory<NewsDbContext>> SearchStoreAsync(string corpus)
    {
        var info = new FileInfo(corpus);
        var path = System.IO.Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"search-{info.Name}-{info.Length}.db"));
        if (File.Exists(path))
        {
            return await NewsDb.OpenAsync(path);
        }

        var (building, factory) = await EmptyStoreAsync("search-building");
        await new StoryImporter(factory, SeedParser.CreateDefault()).ImportAsync(
            LoadParsed(corpus), new ImportSource(info.Name, "bench", info.Length), new ImportOptions(StartedBy: "bench"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return await NewsDb.OpenAsync(path);
    }

    public static void Delete(string dbPath)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
    }

    [GeneratedRegex(@"^(.+?) and (.+?) in (.+?):")]
    private static partial Regex TitleEntities();
}
