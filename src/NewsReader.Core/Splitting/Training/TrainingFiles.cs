using System.Text.Json;
using NewsReader.Core.Reading;

namespace NewsReader.Core.Splitting.Training;

/// <summary>One whole article of a training pool (a JSONL line: id, category, title, paragraphs).</summary>
public sealed record PoolArticle(string Id, string Category, string Title, IReadOnlyList<string> Paragraphs, string Pool);

/// <summary>A seed-format text with its answer: the lines (blank lines between paragraphs) and the 1-based lines where stories start.</summary>
/// <param name="Sources">The pools or files its stories come from (a file is left out of a cross-source run when it holds that source).</param>
/// <param name="Group">The kind of file it is ("bbc-train-", "mixed-", "gold"): each group weighs the same in training.</param>
/// <param name="Weight">How much each of its paragraphs counts in training.</param>
public sealed record LabeledFile(string Name, IReadOnlySet<string> Sources, IReadOnlyList<string> Lines, IReadOnlySet<int> StartLines, string Group, float Weight = 1);

/// <summary>Reads training pools and gold-annotated files, and composes seed-format files from pools.</summary>
public static class TrainingFiles
{
    /// <summary>The group of every hand-annotated file.</summary>
    public const string GoldGroup = "gold";

    private static readonly string[] Bylines =
    [
        "Business Desk", "Staff Reporter - Technology", "Newsroom Digest", "Morning Briefing",
        "Alex Morgan - Markets Editor", "Weekly Roundup", "Tech & Business Wire",
    ];

    /// <summary>Reads a JSONL pool; articles of fewer than two paragraphs are left out (they cannot show a boundary inside).</summary>
    public static async Task<List<PoolArticle>> LoadPoolAsync(string path, CancellationToken ct = default)
    {
        var pool = Path.GetFileNameWithoutExtension(path);
        var articles = new List<PoolArticle>();
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var paragraphs = root.GetProperty("paragraphs").EnumerateArray()
                .Select(p => p.GetString()?.Trim() ?? "")
                .Where(p => p.Length > 0)
                .ToList();
            if (paragraphs.Count >= 2)
            {
                articles.Add(new PoolArticle(
                    root.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "",
                    root.TryGetProperty("category", out var c) ? c.GetString() ?? "" : "",
                    root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "",
                    paragraphs,
                    pool));
            }
        }

        return articles;
    }

    /// <summary>
    /// Reads a seed-format file and its gold answer (the evaluator's format: each article's
    /// <c>paragraphs</c> span counts non-empty lines from 1).
    /// </summary>
    public static async Task<LabeledFile> LoadGoldAsync(string textPath, string goldPath, CancellationToken ct = default)
    {
        var text = await SeedReader.ReadFileAsync(textPath, ct: ct);
        using var gold = JsonDocument.Parse(await File.ReadAllBytesAsync(goldPath, ct));
        var nonEmptyLines = new List<int>();
        for (var i = 0; i < text.Lines.Count; i++)
        {
            if (text.Lines[i].Length > 0)
            {
                nonEmptyLines.Add(i + 1);
            }
        }

        var starts = new HashSet<int>();
        foreach (var article in gold.RootElement.GetProperty("articles").EnumerateArray())
        {
            var first = article.GetProperty("paragraphs")[0].GetInt32();
            if (first >= 1 && first <= nonEmptyLines.Count)
            {
                starts.Add(nonEmptyLines[first - 1]);
            }
        }

        var name = Path.GetFileName(textPath);
        return new LabeledFile(name, new HashSet<string> { name }, text.Lines, starts, GoldGroup);
    }

    /// <summary>
    /// Composes seed-format files the way <c>shared/eval/compose.py</c> does: articles drawn from the
    /// pools (each pool by its weight), runs of 2-5 articles of one category side by side (the hard
    /// case: the topic does not change at the boundary), sometimes a byline line, an exact repeat and
    /// a near repeat. The same <paramref name="random"/> state gives the same files.
    /// </summary>
    /// <param name="runRate">How often an article starts a run of its category (compose.py's default is 0.3).</param>
    public static List<LabeledFile> Compose(
        IReadOnlyList<(IReadOnlyList<PoolArticle> Articles, double Weight)> pools, Random random, int files, int articlesPerFile, string prefix, double runRate)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(random);
        var result = new List<LabeledFile>(files);
        for (var f = 0; f < files; f++)
        {
            var chosen = Pick(pools, random, articlesPerFile, runRate);
            var items = chosen.Select(a => a.Paragraphs).ToList();
            var owners = chosen.ToList();
            if (items.Count > 2 && random.NextDouble() < 0.3)
            {
                var source = random.Next(items.Count - 1);
                var at = random.Next(source + 2, items.Count + 1);
                items.Insert(at, items[source]);
                owners.Insert(at, owners[source]);
            }

            if (items.Count > 2 && random.NextDouble() < 0.2)
            {
                var source = random.Next(items.Count - 1);
                var at = random.Next(source + 2, items.Count + 1);
                items.Insert(at, NearCopy(items[source], random));
                owners.Insert(at, owners[source]);
            }

            var lines = new List<string>();
            if (random.NextDouble() < 0.5)
            {
                lines.Add(Bylines[random.Next(Bylines.Length)]);
                lines.Add("");
            }

            var starts = new HashSet<int>();
            foreach (var paragraphs in items)
            {
                starts.Add(lines.Count + 1);
                foreach (var p in paragraphs)
                {
                    lines.Add(p);
                    lines.Add("");
                }
            }

            result.Add(new LabeledFile($"{prefix}{f + 1:D3}", owners.Select(a => a.Pool).ToHashSet(), lines, starts, prefix));
        }

        return result;
    }

    private static List<PoolArticle> Pick(IReadOnlyList<(IReadOnlyList<PoolArticle> Articles, double Weight)> pools, Random random, int count, double runRate)
    {
        var used = new HashSet<PoolArticle>(ReferenceEqualityComparer.Instance);
        var chosen = new List<PoolArticle>(count);
        var total = pools.Sum(p => p.Weight);
        while (chosen.Count < count)
        {
            var r = random.NextDouble() * total;
            var pool = pools[^1].Articles;
            foreach (var (articles, weight) in pools)
            {
                if ((r -= weight) < 0)
                {
                    pool = articles;
                    break;
                }
            }

            var free = pool.Where(a => !used.Contains(a)).ToList();
            if (free.Count == 0)
            {
                break;
            }

            var first = free[random.Next(free.Count)];
            var run = new List<PoolArticle> { first };
            if (random.NextDouble() < runRate)
            {
                var same = free.Where(a => a != first && a.Category == first.Category).ToList();
                var want = Math.Min(random.Next(1, 5), count - chosen.Count - 1);
                for (var k = 0; k < want && same.Count > 0; k++)
                {
                    var at = random.Next(same.Count);
                    run.Add(same[at]);
                    same.RemoveAt(at);
                }
            }

            foreach (var a in run)
            {
                used.Add(a);
                chosen.Add(a);
            }
        }

        return chosen;
    }

    // One paragraph dropped, one sentence dropped, or one paragraph extended: what a re-published copy changes.
    private static List<string> NearCopy(IReadOnlyList<string> paragraphs, Random random)
    {
        var copy = paragraphs.ToList();
        var i = random.Next(copy.Count);
        if (copy.Count > 3 && random.NextDouble() < 0.5)
        {
            copy.RemoveAt(i);
            return copy;
        }

        var sentences = copy[i].Split(". ").ToList();
        if (sentences.Count > 1)
        {
            sentences.RemoveAt(random.Next(sentences.Count));
            copy[i] = string.Join(". ", sentences);
        }
        else
        {
            copy[i] = copy[i].TrimEnd('.') + ", according to people familiar with the matter.";
        }

        return copy;
    }
}
