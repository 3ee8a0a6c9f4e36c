using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsReader.Web.Tests.Fixtures;

/// <summary>
/// The web app as its own process (<c>dotnet NewsReader.Web.dll</c>, the build the tests reference) on a
/// free loopback port chosen by Kestrel, with settings as environment variables: what a second
/// app server is, for the tests that need two instances on one database, or one killed.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"), "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        Process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        Process.OutputDataReceived += (_, e) => Take(e.Data);
        Process.ErrorDataReceived += (_, e) => Take(e.Data);
        Process.EnableRaisingEvents = true;
        Process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("the app exited before it listened:\n" + Output));
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Its name on the import jobs it runs (host and process id).</summary>
    public string RunnerName => $"{Environment.MachineName}/{Process.Id}";

    /// <summary>What it wrote to stdout and stderr, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app and waits until it listens (migrations applied, first admin made).</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var app = new AppProcess(settings);
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of this instance that keeps its cookies in <paramref name="cookies"/> and does not follow redirects.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>kill -9: no shutdown, its connections dropped by the kernel.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (Listening().Match(line) is { Success: true } m)
        {
            _listening.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
