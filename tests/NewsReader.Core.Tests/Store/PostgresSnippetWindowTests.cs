using System.Text;
using NewsReader.Core.Search;
using NewsReader.Core.Store;
using NewsReader.Core.Tests.Data;
using Npgsql;
using static NewsReader.Core.Tests.Data.Docs;

namespace NewsReader.Core.Tests.Store;

/// <summary>
/// PostgreSQL's snippets come from ts_headline over a window of the body found from the stored
/// vector's word positions (<see cref="PostgresSnippetWindow"/>): the window holds the match, a
/// word count that drifts falls back to the whole body, and the snippet shows the match either way.
/// </summary>
public sealed class PostgresSnippetWindowTests
{
    [Fact]
    public void Cut_HyphensAndDots_CountedAsPostgresCountsThem()
    {
        // the(1) well-known(2) well(3) known(4) U.S(5) firm(6) paid(7) 3.5(8) million(9) state-of-the-art(10..14)
        // COVID(15) -19(16) target(17)
        const string body = "The well-known U.S. firm paid 3.5 million, state-of-the-art. COVID-19 Target words follow here.";

        Assert.StartsWith("Target words", PostgresSnippetWindow.Cut(body, 17, 0), StringComparison.Ordinal);
        Assert.StartsWith("firm paid", PostgresSnippetWindow.Cut(body, 6, 0), StringComparison.Ordinal);
        Assert.StartsWith("The well-known", PostgresSnippetWindow.Cut(body, 3, 6), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cut_SeedStoryWords_LandWithinTwoWordsOfThoseCountedByPostgres()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var body = string.Join("\n\n", File.ReadAllText(SeedPath()).Split("\n\n").Take(40));
        await using var connection = (NpgsqlConnection)store.Connection();

        var positions = new List<(string Lexeme, int Pos)>();
        await using (var command = new NpgsqlCommand("SELECT u.lexeme, p FROM unnest(to_tsvector('newsreader', $1)) u, unnest(u.positions) p", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = body });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                positions.Add((reader.GetString(0), reader.GetInt16(1)));
            }
        }

        // The five words of a cut two words before each position, made lexemes by the server: the word
        // PostgreSQL counted there must be among them (the window's margin is wider than that).
        var firstWords = positions.Select(p => string.Join(' ', PostgresSnippetWindow.Cut(body, Math.Max(1, p.Pos - 2), 0).Split(' ').Take(5))).ToArray();
        var lexemes = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT array_to_string(tsvector_to_array(to_tsvector('newsreader', w)), ' ') FROM unnest($1::text[]) WITH ORDINALITY u(w, i) ORDER BY i", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = firstWords });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lexemes.Add(reader.GetString(0));
            }
        }

        var landed = positions.Where((p, i) => lexemes[i].Split(' ').Contains(p.Lexeme)).Count();
        Assert.True(positions.Count > 1_000, $"only {positions.Count} positions");
        var misses = positions.Select((p, i) => (p, i)).Where(x => !lexemes[x.i].Split(' ').Contains(x.p.Lexeme)).OrderBy(x => x.p.Pos).Take(5)
            .Select(x => $"{x.p.Pos} {x.p.Lexeme} -> '{firstWords[x.i]}' [{PostgresSnippetWindow.Cut(body, Math.Max(1, x.p.Pos - 8), 0)}]");
        Assert.True(landed >= positions.Count * 0.98, $"{landed} of {positions.Count} positions landed on their word; first misses: {string.Join(" | ", misses)}");
    }

    [Fact]
    public async Task SearchAsync_MatchDeepInALongBody_SnippetShowsItWithEllipses()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var body = Filler(700) + " The zephyr turbine spun all night. " + Filler(120);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Power at sea", body)), Source("a.txt"));

        var hit = Assert.Single((await new StorySearch(store.Factory).SearchAsync(new SearchRequest("zephyr"))).Hits);

        Assert.Contains(hit.Snippet, p => p.Marked && p.Text == "zephyr");
        Assert.Contains("turbine spun", hit.SnippetText(), StringComparison.Ordinal);
        Assert.StartsWith("…", hit.SnippetText(), StringComparison.Ordinal);
        Assert.EndsWith("…", hit.SnippetText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_WordCountDriftsPastTheWindow_WholeBodyStillGivesTheMatch()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);

        // Each "a@b.example" is one word to PostgreSQL's parser (an e-mail address) but two to the
        // window's count: sixty of them put the count sixty words past the match.
        var drift = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"desk{i}@news.example"));
        var body = Filler(50) + " " + drift + " The zephyr turbine spun all night. " + Filler(200);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Power at sea", body)), Source("a.txt"));

        var hit = Assert.Single((await new StorySearch(store.Factory).SearchAsync(new SearchRequest("zephyr"))).Hits);

        Assert.Contains(hit.Snippet, p => p.Marked && p.Text == "zephyr");
    }

    [Fact]
    public async Task SearchAsync_WordsFarApartInTheBody_SnippetShowsAMatch()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var body = Filler(300) + " A zephyr rose. " + Filler(300) + " The turbine spun. " + Filler(100);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Power at sea", body)), Source("a.txt"));

        var hit = Assert.Single((await new StorySearch(store.Factory).SearchAsync(new SearchRequest("zephyr turbine"))).Hits);

        Assert.Contains(hit.Snippet, p => p.Marked && p.Text is "zephyr" or "turbine");
    }

    [Fact]
    public async Task SearchAsync_TitleOnlyMatch_SnippetIsTheBodysStartAsOverTheWholeBody()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var body = "Calm seas all week. " + Filler(400);
        await store.Importer().ImportAsync(Document("a.txt", Story(0, "Zephyr turbines", body)), Source("a.txt"));

        var hit = Assert.Single((await new StorySearch(store.Factory).SearchAsync(new SearchRequest("zephyr"))).Hits);

        Assert.DoesNotContain(hit.Snippet, p => p.Marked);
        Assert.StartsWith("Calm seas all week.", hit.SnippetText(), StringComparison.Ordinal);
        Assert.EndsWith("…", hit.SnippetText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_LongBody_TsHeadlineGetsAFewDozenWordsNotTheBody()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var body = Filler(700) + " The zephyr turbine spun all night. " + Filler(700);
        await using var connection = (NpgsqlConnection)store.Connection();
        await using var command = new NpgsqlCommand(
            "SELECT tsvectorsend(setweight(to_tsvector('newsreader', 'Power at sea'), 'A') || setweight(to_tsvector('newsreader', $1), 'B')), phraseto_tsquery('newsreader', 'zephyr')", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = body });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        var (window, matches) = PostgresSnippetWindow.Of(body, reader.GetFieldValue<byte[]>(0),
            PostgresSnippetWindow.Lexemes(reader.GetFieldValue<NpgsqlTypes.NpgsqlTsQuery>(1)));

        Assert.True(matches);
        Assert.Contains("The zephyr turbine", window, StringComparison.Ordinal);
        var words = window.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, PostgresSnippetWindow.After, PostgresSnippetWindow.After + PostgresSnippetWindow.BeforeCover + 2);
    }

    [Theory]
    [InlineData("café", 31, PostgresSnippetWindow.BeforeCover)]
    [InlineData("turb*", 56, PostgresSnippetWindow.BeforeCover)]
    [InlineData("crème turb*", 32, PostgresSnippetWindow.BeforeMatch)]
    [InlineData("power", 1, 0)]
    public async Task Of_BinaryVector_FindsTheBodyMatchAfterTheTitleAndNamesPositions(string text, int word, int before)
    {
        // The vector in PostgreSQL's binary form, read in place: lexemes of more than one UTF-8 byte,
        // prefixes, and the title's (A) and names' (C) positions before the body's (B).
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        var body = Filler(30) + " Café crème came first. " + Filler(20) + " The turbines hummed. " + Filler(30);
        var query = SearchQueryParser.Parse(text);
        var q = PostgresFullText.Compile(query.Groups, query.Excluded, firstParameter: 2)!;
        await using var connection = (NpgsqlConnection)store.Connection();
        await using var command = new NpgsqlCommand(
            "SELECT tsvectorsend(setweight(to_tsvector('newsreader', 'Power at sea today'), 'A') || setweight(to_tsvector('newsreader', 'Acme Power'), 'C') || " +
            $"setweight(to_tsvector('newsreader', $1), 'B')), {q.Sql}", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = body });
        foreach (var v in q.Values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = v });
        }

        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        var (window, matches) = PostgresSnippetWindow.Of(body, reader.GetFieldValue<byte[]>(0),
            PostgresSnippetWindow.Lexemes(reader.GetFieldValue<NpgsqlTypes.NpgsqlTsQuery>(1)));

        // Body words: 30 of filler, then "Café" (31) "crème" (32), 20 more and "The" (55) "turbines" (56).
        Assert.Equal(word > 1, matches);
        Assert.Equal(PostgresSnippetWindow.Cut(body, word, before), window);
    }

    /// <summary>Words that match no query of these tests: "lorem1 lorem2 ...".</summary>
    private static string Filler(int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sb.Append(i == 0 ? string.Empty : i % 12 == 0 ? ". " : " ").Append("lorem").Append(i % 97);
        }

        return sb.Append('.').ToString();
    }

    private static string SeedPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "seeds")))
        {
            dir = dir.Parent;
        }

        return Directory.GetFiles(Path.Combine(dir!.FullName, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
    }
}
