using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsReader.Core.Search;
using NewsReader.Core.Wording;

namespace NewsReader.Cli;

/// <summary><c>search "QUERY" [--company X] [--country Y] [--topic Z] [--tag T] [--sort relevance|newest] [--limit N] [--after CURSOR] [--db PATH] [--json]</c>.</summary>
public static class SearchCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // stdout is not HTML: keep quotes and accents readable.
    };

    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.AllowOnly("--company", "--country", "--topic", "--tag", "--sort", "--limit", "--after", "--db", "--provider", "--json");
        if (args.Positional.Count > 1)
        {
            throw new CliUsageException("search takes one QUERY (quote it)");
        }

        var sort = args.Get("--sort")?.ToUpperInvariant() switch
        {
            null or "RELEVANCE" => SearchSort.Relevance,
            "NEWEST" => SearchSort.Newest,
            var other => throw new CliUsageException($"--sort must be relevance or newest, not '{other}'"),
        };
        var limit = 20;
        if (args.Get("--limit") is { } l && (!int.TryParse(l, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > StorySearch.MaxLimit))
        {
            throw new CliUsageException($"--limit must be a number from 1 to {StorySearch.MaxLimit}");
        }

        static string[]? One(string? value) => value is null ? null : [value];
        var request = new SearchRequest(args.Positional.FirstOrDefault(), One(args.Get("--company")), One(args.Get("--country")), One(args.Get("--topic")),
            One(args.Get("--tag")), sort, limit, args.Get("--after"));
        var factory = await StoreOptions.OpenAsync(args, ct, create: false).ConfigureAwait(false);
        using var search = new StorySearch(factory);
        var result = await search.SearchAsync(request, ct).ConfigureAwait(false);
        if (args.Has("--json"))
        {
            await WriteJsonAsync(result, stdout).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(result, stdout).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    private static async Task WriteTextAsync(SearchResult result, TextWriter stdout)
    {
        var inv = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(Plural.Count(result.Total, "story")).ConfigureAwait(false);
        foreach (var h in result.Hits)
        {
            await stdout.WriteLineAsync($"- {h.Title}  [{h.Slug}]").ConfigureAwait(false);
            if (h.Snippet.Count > 0)
            {
                // A snippet may span paragraphs: one line per hit in a terminal.
                await stdout.WriteLineAsync($"    {string.Join(' ', h.SnippetText("[", "]").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}").ConfigureAwait(false);
            }
        }

        foreach (var (label, facets) in new[] { ("companies", result.Companies), ("countries", result.Countries), ("topics", result.Topics), ("tags", result.Tags) })
        {
            if (facets.Count > 0)
            {
                await stdout.WriteLineAsync($"{label}: {string.Join(", ", facets.Select(f => string.Create(inv, $"{f.Name} ({f.Count})")))}").ConfigureAwait(false);
            }
        }

        if (result.NextCursor is { } next)
        {
            await stdout.WriteLineAsync($"more: --after {next}").ConfigureAwait(false);
        }
    }

    private static async Task WriteJsonAsync(SearchResult result, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        await using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("total", result.Total);
            w.WriteStartArray("hits");
            foreach (var h in result.Hits)
            {
                w.WriteStartObject();
                w.WriteNumber("id", h.Id);
                w.WriteString("slug", h.Slug);
                w.WriteString("title", h.Title);
                w.WriteString("summary", h.Summary);
                w.WriteString("snippet", h.SnippetText());
                w.WriteString("createdAt", h.CreatedAt);
                if (h.Rank is { } rank)
                {
                    w.WriteNumber("rank", Math.Round(rank, 4));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("facets");
            foreach (var (label, facets) in new[] { ("companies", result.Companies), ("countries", result.Countries), ("topics", result.Topics), ("tags", result.Tags) })
            {
                w.WriteStartArray(label);
                foreach (var f in facets)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WriteString("slug", f.Slug);
                    w.WriteNumber("count", f.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            if (result.NextCursor is { } next)
            {
                w.WriteString("next", next);
            }
            else
            {
                w.WriteNull("next");
            }

            w.WriteEndObject();
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer);
        await stdout.WriteLineAsync(await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }
}
