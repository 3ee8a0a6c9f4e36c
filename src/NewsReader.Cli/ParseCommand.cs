using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsReader.Core.Parsing;
using NewsReader.Core.Reading;
using NewsReader.Core.Wording;

namespace NewsReader.Cli;

/// <summary><c>parse FILE [--json] [--format seed|markdown]</c>: split a file and print its stories.</summary>
public static class ParseCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // stdout is not HTML: keep quotes and accents readable.
    };

    private static readonly byte[] NewLine = [(byte)'\n'];

    public static async Task<int> RunAsync(CliArgs args, Stream stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.AllowOnly("--json", "--format");
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("parse takes exactly one FILE");
        }

        var format = ParseFormat(args.Get("--format"));
        var text = await SeedReader.ReadFileAsync(args.FullPath(args.Positional[0]), format, ct: ct).ConfigureAwait(false);
        var doc = SeedParser.CreateDefault().Parse(text);
        if (args.Has("--json"))
        {
            await WriteJsonAsync(doc, stdout, ct).ConfigureAwait(false);
        }
        else
        {
            var writer = new StreamWriter(stdout, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await WriteTableAsync(doc, writer).ConfigureAwait(false);
            }
        }

        return CliApp.Ok;
    }

    /// <summary>Reads the <c>--format</c> option.</summary>
    public static SeedFormat ParseFormat(string? value) => value?.ToUpperInvariant() switch
    {
        null or "AUTO" => SeedFormat.Auto,
        "SEED" => SeedFormat.Seed,
        "MARKDOWN" or "MD" => SeedFormat.Markdown,
        _ => throw new CliUsageException($"--format must be seed or markdown, not '{value}'"),
    };

    /// <summary>Writes the <c>parse --json</c> shape, streaming to <paramref name="stdout"/>.</summary>
    public static async Task WriteJsonAsync(ParsedDocument doc, Stream stdout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(stdout);
        var w = new Utf8JsonWriter(stdout, JsonOptions);
        await using (w.ConfigureAwait(false))
        {
            w.WriteStartObject();
            w.WriteStartArray("header");
            foreach (var h in doc.Header)
            {
                w.WriteStringValue(h);
            }

            w.WriteEndArray();
            w.WriteStartArray("articles");
            foreach (var a in doc.Articles)
            {
                WriteArticle(w, a);
                if (w.BytesPending > 64 * 1024)
                {
                    await w.FlushAsync(ct).ConfigureAwait(false);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        await stdout.WriteAsync(NewLine, ct).ConfigureAwait(false);
        await stdout.FlushAsync(ct).ConfigureAwait(false);
    }

    private static void WriteArticle(Utf8JsonWriter w, ParsedStory a)
    {
        w.WriteStartObject();
        w.WriteString("title", a.Title);
        w.WriteString("summary", a.Summary);
        w.WriteString("slug", a.Slug);
        w.WriteStartArray("paragraphs");
        foreach (var p in a.Paragraphs)
        {
            w.WriteStringValue(p.Text);
        }

        w.WriteEndArray();
        if (a.DuplicateOf is { } dup)
        {
            w.WriteNumber("duplicateOf", dup);
        }
        else
        {
            w.WriteNull("duplicateOf");
        }

        w.WriteNumber("startConfidence", Math.Round(a.StartConfidence, 3));
        WriteNames(w, "companies", a.Entities.Companies);
        WriteNames(w, "countries", a.Entities.Countries);
        WriteNames(w, "topics", a.Entities.Topics);
        w.WriteStartArray("entities");
        foreach (var e in a.Entities.Entities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            w.WriteBoolean("about", e.About);
            w.WriteNumber("mentions", e.Mentions);
            w.WriteNumber("score", Math.Round(e.Score, 3));
            WriteNames(w, "evidence", e.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter w, string property, IReadOnlyList<string> names)
    {
        w.WriteStartArray(property);
        foreach (var n in names)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
    }

    private static async Task WriteTableAsync(ParsedDocument doc, TextWriter stdout)
    {
        var inv = CultureInfo.InvariantCulture;
        if (doc.Header.Count > 0)
        {
            await stdout.WriteLineAsync($"source: {string.Join(" / ", doc.Header)}").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync("  #  paras  conf  duplicate  headline").ConfigureAwait(false);
        foreach (var a in doc.Articles)
        {
            var dup = a.DuplicateOf is { } d ? string.Create(inv, $"of #{d + 1}") : "-";
            await stdout.WriteLineAsync(string.Create(inv,
                $"{a.Index + 1,3}  {a.Paragraphs.Count,5}  {a.StartConfidence,4:0.00}  {dup,-9}  {a.Title}")).ConfigureAwait(false);
        }

        var distinct = doc.Articles.Count(a => a.DuplicateOf is null);
        await stdout.WriteLineAsync(string.Create(inv,
            $"{Plural.Count(doc.Articles.Count, "article")}, {distinct} distinct, {Plural.Count(doc.Articles.Count - distinct, "duplicate")}")).ConfigureAwait(false);
    }
}
