using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Data;
using NewsReader.Core.Store;
using NewsReader.Web.Account;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Admin.Importing;
using NewsReader.Web.Tests.Fixtures;
using Npgsql;

namespace NewsReader.Web.Tests.Hosting;

/// <summary>
/// Two app processes (<c>dotnet NewsReader.Web.dll</c>) on one PostgreSQL database, as behind a load
/// balancer: a sign-in on one holds on the other; an upload on one is imported exactly once, its progress
/// and report seen on the other; two imports asked of both at once run one after the other; a runner
/// killed mid-import hands its job to the other. Nothing is lost: the stories are counted.
/// </summary>
public sealed partial class TwoInstancesTests(TwoInstancesTests.Pair pair) : IClassFixture<TwoInstancesTests.Pair>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SignIn_OnOneInstance_AcceptedByTheOther()
    {
        var cookies = await pair.SignInAsync(pair.A);
        using var other = pair.B.Client(cookies);

        var html = await other.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(Pair.AdminEmail, html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OnOneInstance_ImportedOnceWithProgressAndReportOnTheOther()
    {
        var cookies = await pair.SignInAsync(pair.A);
        using var a = pair.A.Client(cookies);
        using var b = pair.B.Client(cookies);
        var stories = Stories("upload", 4);
        var before = await CountStoriesAsync(pair.Store);

        Guid id;
        await using (await HoldWriteLockAsync(pair.Store))
        {
            // Another writer holds the store: the job is claimed and stays running until it lets go.
            id = await UploadAsync(a, "shared-upload.md", stories);
            var running = await UntilAsync(() => JobPageAsync(b, id), html => html.Contains("data-state=\"running\"", StringComparison.Ordinal));
            Assert.Contains("Run by the app instance", running, StringComparison.Ordinal);
        }

        var done = await UntilAsync(() => JobPageAsync(b, id), html => html.Contains("data-state=\"succeeded\"", StringComparison.Ordinal));
        Assert.All(stories, s => Assert.Contains(s.Title, done, StringComparison.Ordinal));
        Assert.Contains("data-state=\"succeeded\"", await JobPageAsync(a, id), StringComparison.Ordinal);

        await using var db = await pair.Store.Factory.CreateDbContextAsync();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == id);
        Assert.Contains(job.Runner, new[] { pair.A.RunnerName, pair.B.RunnerName });
        var runs = await db.ImportRuns.Where(r => r.FileName == "shared-upload.md").ToListAsync();
        var run = Assert.Single(runs);
        Assert.Equal((ImportStatus.Succeeded, 4, 4), (run.Status, run.Found, run.New));
        Assert.Equal(job.RunId, run.Id);
        Assert.Equal(before + 4, await CountStoriesAsync(pair.Store));
        Assert.False(await db.ImportJobContents.AnyAsync(c => c.JobId == id), "the queued file outlived its job");
    }

    [Fact]
    public async Task Uploads_OnBothInstancesAtOnce_RunOneAfterTheOther()
    {
        var cookies = await pair.SignInAsync(pair.A);
        using var a = pair.A.Client(cookies);
        using var b = pair.B.Client(cookies);
        var first = Stories("first", 30);
        var second = Stories("second", 30);
        var before = await CountStoriesAsync(pair.Store);

        var ids = await Task.WhenAll(UploadAsync(a, "both-a.md", first), UploadAsync(b, "both-b.md", second));

        await using var db = await pair.Store.Factory.CreateDbContextAsync();
        var jobs = await UntilAsync(
            () => db.ImportJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(),
            list => list.All(j => j.State is ImportJobState.Succeeded or ImportJobState.Failed or ImportJobState.Refused));
        Assert.All(jobs, j => Assert.Equal(ImportJobState.Succeeded, j.State));
        var ordered = jobs.OrderBy(j => j.StartedAt).ToList();
        Assert.True(ordered[1].StartedAt >= ordered[0].FinishedAt,
            $"the second import started at {ordered[1].StartedAt:O}, before the first ended at {ordered[0].FinishedAt:O}");
        var runs = await db.ImportRuns.AsNoTracking().Where(r => r.FileName == "both-a.md" || r.FileName == "both-b.md").ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal((ImportStatus.Succeeded, 30, 30), (r.Status, r.Found, r.New)));
        Assert.Equal(before + 60, await CountStoriesAsync(pair.Store));
    }

    [Fact]
    public async Task Runner_KilledMidImport_TheOtherInstanceImportsTheFile()
    {
        await using var store = await TestStore.CreateAsync(StoreEngine.Postgres);
        await using var c = await Pair.StartAsync(store, "c");
        await using var d = await Pair.StartAsync(store, "d");
        var cookies = await Pair.SignInOnAsync(c);
        using var client = c.Client(cookies);
        var stories = Stories("killed", 5);

        Guid id;
        AppProcess survivor;
        await using (await HoldWriteLockAsync(store))
        {
            id = await UploadAsync(client, "killed-runner.md", stories);
            var claimed = await UntilAsync(() => JobAsync(store, id), j => j.State == ImportJobState.Running && j.Runner is not null);
            var (runner, other) = claimed.Runner == c.RunnerName ? (c, d) : (d, c);
            Assert.Equal(runner.RunnerName, claimed.Runner);
            await runner.KillAsync();
            survivor = other;
        }

        var job = await UntilAsync(() => JobAsync(store, id), j => j.State != ImportJobState.Waiting && j.State != ImportJobState.Running);
        Assert.Equal((ImportJobState.Succeeded, survivor.RunnerName), (job.State, job.Runner));
        Assert.Equal(5, await CountStoriesAsync(store));
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.ImportRuns.CountAsync(r => r.FileName == "killed-runner.md" && r.Status == ImportStatus.Succeeded));
    }

    /// <summary>Stories that share no wording (so none is a near-duplicate of another), titled after <paramref name="prefix"/>.</summary>
    private static (string Title, string Body)[] Stories(string prefix, int count)
    {
        string[] syllables = ["ba", "ko", "ri", "tan", "mel", "so", "vu", "gra", "lin", "pe", "dor", "qui", "sha", "te", "mon"];
        return Enumerable.Range(0, count).Select(i =>
        {
            var random = new Random(HashCode.Combine(prefix.Length, i, prefix.Aggregate(17, (h, ch) => unchecked((h * 31) + ch))));
            var sentences = Enumerable.Range(0, 12).Select(_ => "The " + string.Join(' ', Enumerable.Range(0, 10)
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)])))) + ".");
            var body = string.Join(' ', sentences.Take(6)) + "\n\n" + string.Join(' ', sentences.Skip(6));
            return (string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(prefix[0])}{prefix[1..]} story {i} of the shared queue"), body);
        }).ToArray();
    }

    private static async Task<int> CountStoriesAsync(TestStore store)
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        return await db.Stories.CountAsync();
    }

    /// <summary>Takes the store's write lock as another writer would (another instance, the CLI); disposing lets it go.</summary>
    private static async Task<IAsyncDisposable> HoldWriteLockAsync(TestStore store)
    {
        var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        var tx = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, tx) { Parameters = { new() { Value = PostgresWriteLock.WriterKey } } })
        {
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Uploads a Markdown file through the import page's form; the job's id from the redirect.</summary>
    private static async Task<Guid> UploadAsync(HttpClient client, string name, (string Title, string Body)[] stories)
    {
        var token = await ImportApp.UploadTokenAsync(client);
        using var content = ImportApp.Upload(token, (name, SeedFiles.Markdown(stories)));
        using var response = await client.PostAsync(new Uri(UploadEndpoint.Path, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.Matches(JobUrl(), location);
        return Guid.Parse(JobUrl().Match(location).Groups[1].Value);
    }

    private static Task<string> JobPageAsync(HttpClient client, Guid id) => client.GetStringAsync(new Uri(ImportJob.PageUrl(id), UriKind.Relative));

    private static async Task<QueuedImport> JobAsync(TestStore store, Guid id)
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        return await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    /// <summary>Reads until the condition holds (a guard against hangs, not a timing assertion).</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100, guard.Token);
        }
    }

    [GeneratedRegex(@"^/admin/imports/([0-9a-f-]{36})$")]
    private static partial Regex JobUrl();

    /// <summary>Two app processes on one new PostgreSQL database, with the first admin made at start-up.</summary>
    public sealed class Pair : IAsyncLifetime
    {
        public const string AdminEmail = "admin@example.test";

        public TestStore Store { get; private set; } = default!;

        public AppProcess A { get; private set; } = default!;

        public AppProcess B { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Store = await TestStore.CreateAsync(StoreEngine.Postgres);
            // One after the other: the first makes the admin, the second finds it.
            A = await StartAsync(Store, "a");
            B = await StartAsync(Store, "b");
        }

        public static Task<AppProcess> StartAsync(TestStore store, string name) => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Store__Provider"] = StoreEngine.Postgres.Name,
            ["ConnectionStrings__News"] = store.ConnectionString,
            ["Reader__DataFolder"] = Path.Combine(store.Folder, name),
            ["Reader__ImportSeedsWhenEmpty"] = "false",
            ["Accounts__SignInPermitLimit"] = "1000",
            [FirstAdmin.EmailVariable] = AdminEmail,
            [FirstAdmin.PasswordVariable] = TestAccounts.Password,
        });

        public Task<CookieContainer> SignInAsync(AppProcess app) => SignInAsync(app, this);

        /// <summary>Signs the admin in on <paramref name="app"/>; the cookies, to be sent to any instance.</summary>
        public static Task<CookieContainer> SignInOnAsync(AppProcess app) => SignInAsync(app, null);

        /// <summary>Makes the cookies of instance A go to instance B too (cookies ignore ports, but say so).</summary>
        public void ShareCookies(CookieContainer cookies)
        {
            foreach (Cookie cookie in cookies.GetCookies(A.BaseAddress))
            {
                cookies.Add(B.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
            }
        }

        private static async Task<CookieContainer> SignInAsync(AppProcess app, Pair? pair)
        {
            var cookies = new CookieContainer();
            using var client = app.Client(cookies);
            using var response = await client.PostSignInAsync(AdminEmail, TestAccounts.Password);
            Assert.True(response.StatusCode == HttpStatusCode.Found, $"sign-in answered {response.StatusCode}:\n{app.Output}");
            pair?.ShareCookies(cookies);
            return cookies;
        }

        public async Task DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
